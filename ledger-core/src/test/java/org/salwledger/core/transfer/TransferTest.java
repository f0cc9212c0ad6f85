package org.salwledger.core.transfer;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.actor.ActorEntry;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.description.TransferKind;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.salwledger.core.Fixtures.origin;
import static org.salwledger.core.command.Refusals.refusal;

class TransferTest {
    private static final String ID = "5a0b6c1e-1d2f-3a4b-8c9d-0e1f2a3b4c5d";
    private static final String A = "11111111-1111-4111-8111-111111111111";
    private static final String B = "22222222-2222-4222-8222-222222222222";
    private static final CommandOrigin FNH = origin("BE-FNH", Role.MANUFACTURER, "BE");
    private static final ActorEntry CD = new ActorEntry("CD-MOD", "Ministry of Defence", Role.AUTHORITY, "CD");
    private static final ActorEntry BE_DEALER = new ActorEntry("BE-DEAL", "Armurerie", Role.HOLDER, "BE");
    private static final CommandOrigin CD_ORIGIN = origin("CD-MOD", Role.AUTHORITY, "CD");
    private static final LocalDate DUE = LocalDate.of(2026, 12, 31);

    private AggregateTestFixture<Transfer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Transfer.class);
    }

    private static DispatchTransfer export(List<String> items, String licence, String importing, List<String> transit) {
        return new DispatchTransfer(ID, items, "CD-MOD", TransferKind.EXPORT, DUE, licence, null, importing, "EUC-1", transit, null, FNH);
    }

    private static TransferDispatched dispatched() {
        return ChainHead.start(ID).seal(link -> new TransferDispatched(ID, TransferKind.EXPORT, "BE-FNH", "BE", "CD-MOD",
                "CD", List.of(A, B), DUE, "LIC-1", null, "CD", "EUC-1", List.of("RW"), null, link), FNH);
    }

    @Test
    void anExportWithItsReferencesOpens() {
        fixture.givenNoPriorActivity()
                .when(new OpenTransfer(ID, export(List.of(A, B), "LIC-1", "CD", List.of("RW")), CD))
                .expectEvents(dispatched());
    }

    @Test
    void anExportNeedsALicenceAndAnEndUserCertificate() {
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, export(List.of(A), null, "CD", List.of()), CD))
                .expectException(refusal("export-licence-required")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, new DispatchTransfer(ID, List.of(A), "CD-MOD",
                        TransferKind.EXPORT, DUE, "LIC", null, "CD", null, List.of(), null, FNH), CD))
                .expectException(refusal("end-user-certificate-required")).expectNoEvents();
    }

    @Test
    void anExportLicencesDateOfIssueIsNoLaterThanTheDispatchAndOnlyOnExports() {
        LocalDate today = FNH.issuedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        for (LocalDate issued : List.of(today, LocalDate.of(2019, 3, 1))) {
            fixture.givenNoPriorActivity().when(new OpenTransfer(ID, new DispatchTransfer(ID, List.of(A), "CD-MOD",
                            TransferKind.EXPORT, DUE, "LIC-1", issued, "CD", "EUC-1", List.of(), null, FNH), CD))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e ->
                            e instanceof TransferDispatched d && issued.equals(d.exportLicenceIssuedOn())))));
        }
        for (LocalDate issued : List.of(today.plusDays(1), LocalDate.of(1899, 12, 31))) {
            fixture.givenNoPriorActivity().when(new OpenTransfer(ID, new DispatchTransfer(ID, List.of(A), "CD-MOD",
                            TransferKind.EXPORT, DUE, "LIC-1", issued, "CD", "EUC-1", List.of(), null, FNH), CD))
                    .expectException(refusal("invalid-field")).expectNoEvents();
        }
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, new DispatchTransfer(ID, List.of(A), "BE-DEAL",
                        TransferKind.DOMESTIC, DUE, null, today, null, null, List.of(), null, FNH), BE_DEALER))
                .expectException(refusal("invalid-field")).expectNoEvents();
    }

    @Test
    void onlyATransferToCivilianUseCarriesALicenceCommitmentAndOnlyAsACommitment() {
        String commitment = LicenceCommitment.Opening.of("BE-WL-1").commitment();
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, new DispatchTransfer(ID, List.of(A), "BE-DEAL",
                        TransferKind.STATE_TO_CIVILIAN, DUE, null, null, null, null, List.of(), commitment, FNH), BE_DEALER))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e ->
                        e instanceof TransferDispatched d && commitment.equals(d.licenceCommitment())))));
        for (String bad : List.of("BE-WL-1", commitment.toUpperCase())) {
            fixture.givenNoPriorActivity().when(new OpenTransfer(ID, new DispatchTransfer(ID, List.of(A), "BE-DEAL",
                            TransferKind.STATE_TO_CIVILIAN, DUE, null, null, null, null, List.of(), bad, FNH), BE_DEALER))
                    .expectException(refusal("invalid-field")).expectNoEvents();
        }
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, new DispatchTransfer(ID, List.of(A), "BE-DEAL",
                        TransferKind.DOMESTIC, DUE, null, null, null, null, List.of(), commitment, FNH), BE_DEALER))
                .expectException(refusal("invalid-field")).expectNoEvents();
    }

    @Test
    void theImportingCountryIsTheConsigneesAndNotTheExporters() {
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, export(List.of(A), "LIC", "UG", List.of()), CD))
                .expectException(refusal("importing-country-mismatch")).expectExceptionMessage(org.hamcrest.Matchers.containsString("UG"));
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, new DispatchTransfer(ID, List.of(A), "BE-DEAL",
                        TransferKind.EXPORT, DUE, "LIC", null, "BE", "EUC", List.of(), null, FNH), BE_DEALER))
                .expectException(refusal("export-to-own-country")).expectNoEvents();
    }

    @Test
    void transitCountriesAreValidAndNeitherParty() {
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, export(List.of(A), "LIC", "CD", List.of("BE")), CD))
                .expectException(refusal("invalid-transit")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, export(List.of(A), "LIC", "CD", List.of("Rwanda")), CD))
                .expectException(refusal("bad-country-code")).expectNoEvents();
    }

    @Test
    void aDomesticTransferStaysInTheCountryAndCarriesNoExportReferences() {
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, new DispatchTransfer(ID, List.of(A), "CD-MOD",
                        TransferKind.DOMESTIC, DUE, null, null, null, null, null, null, FNH), CD))
                .expectException(refusal("cross-border-not-export")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, new DispatchTransfer(ID, List.of(A), "BE-DEAL",
                        TransferKind.DOMESTIC, DUE, "LIC", null, null, null, null, null, FNH), BE_DEALER))
                .expectException(refusal("invalid-field")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, new DispatchTransfer(ID, List.of(A), "BE-DEAL",
                        TransferKind.DOMESTIC, DUE, null, null, null, null, null, null, FNH), BE_DEALER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void oneToTenThousandDistinctItems() {
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, export(List.of(), "LIC", "CD", List.of()), CD))
                .expectException(refusal("invalid-field"));
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, export(List.of(A, A), "LIC", "CD", List.of()), CD))
                .expectException(refusal("invalid-field"));
        List<String> tooMany = IntStream.range(0, Transfer.MAX_ITEMS + 1).mapToObj(i -> "item-" + i).toList();
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, export(tooMany, "LIC", "CD", List.of()), CD))
                .expectException(refusal("invalid-field"));
    }

    @Test
    void aTransferToOneselfOrDueInThePastIsRefused() {
        ActorEntry self = new ActorEntry("BE-FNH", "FN", Role.MANUFACTURER, "BE");
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, new DispatchTransfer(ID, List.of(A), "BE-FNH",
                        TransferKind.DOMESTIC, DUE, null, null, null, null, null, null, FNH), self))
                .expectException(refusal("invalid-consignee"));
        fixture.givenNoPriorActivity().when(new OpenTransfer(ID, new DispatchTransfer(ID, List.of(A), "BE-DEAL",
                        TransferKind.DOMESTIC, LocalDate.of(2020, 1, 1), null, null, null, null, null, null, FNH), BE_DEALER))
                .expectException(refusal("invalid-field"));
    }

    @Test
    void theConsigneeReceivesNamingWhatIsMissing() {
        fixture.given(dispatched())
                .when(new ConfirmReceipt(ID, new ReceiveTransfer(ID, List.of(B), CD_ORIGIN)))
                .expectResultMessagePayload(new TransferItems(TransferKind.EXPORT, "BE-FNH", "BE", "CD-MOD", "CD", List.of(A), List.of(B)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e ->
                        e instanceof TransferReceived r && r.receivedCount() == 1 && r.missingItems().equals(List.of(B))))));
    }

    @Test
    void onlyTheConsigneeReceivesOrRejects() {
        fixture.given(dispatched()).when(new ConfirmReceipt(ID, new ReceiveTransfer(ID, List.of(), FNH)))
                .expectException(refusal("not-consignee")).expectNoEvents();
        fixture.given(dispatched()).when(new ConfirmRejection(ID, new RejectTransfer(ID, "no", FNH)))
                .expectException(refusal("not-consignee")).expectNoEvents();
    }

    @Test
    void missingItemsMustBeInTheTransfer() {
        fixture.given(dispatched())
                .when(new ConfirmReceipt(ID, new ReceiveTransfer(ID, List.of("33333333-3333-4333-8333-333333333333"), CD_ORIGIN)))
                .expectException(refusal("item-not-in-transfer")).expectNoEvents();
    }

    @Test
    void aTransferIsClosedOnce() {
        TransferReceived received = ChainHead.start(ID).after(dispatched().link()).seal(link ->
                new TransferReceived(ID, "CD-MOD", 2, List.of(), link), CD_ORIGIN);
        fixture.given(dispatched(), received).when(new ConfirmReceipt(ID, new ReceiveTransfer(ID, List.of(), CD_ORIGIN)))
                .expectException(refusal("transfer-closed")).expectNoEvents();
        fixture.given(dispatched(), received).when(new ConfirmRejection(ID, new RejectTransfer(ID, "late", CD_ORIGIN)))
                .expectException(refusal("transfer-closed")).expectNoEvents();
    }

    @Test
    void aRejectionGivesEveryItemBackAndNeedsAReason() {
        fixture.given(dispatched()).when(new ConfirmRejection(ID, new RejectTransfer(ID, "EUC withdrawn", CD_ORIGIN)))
                .expectResultMessagePayload(new TransferItems(TransferKind.EXPORT, "BE-FNH", "BE", "CD-MOD", "CD", List.of(A, B), List.of()));
        fixture.given(dispatched()).when(new ConfirmRejection(ID, new RejectTransfer(ID, " ", CD_ORIGIN)))
                .expectException(refusal("missing-field")).expectNoEvents();
    }

}
