package org.salwledger.core.item;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.Fixtures;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.command.AttachPart;
import org.salwledger.core.item.command.CorrectRecord;
import org.salwledger.core.item.command.DeactivateItem;
import org.salwledger.core.item.command.DestroyItem;
import org.salwledger.core.item.command.DispatchItem;
import org.salwledger.core.item.command.EnterHost;
import org.salwledger.core.item.command.MarkItem;
import org.salwledger.core.item.command.RecordIdentityLink;
import org.salwledger.core.item.command.RegisterUnmarkedItem;
import org.salwledger.core.item.command.ReleasePart;
import org.salwledger.core.item.command.ReportLost;
import org.salwledger.core.item.command.ReportRecovered;
import org.salwledger.core.item.command.ReportStolen;
import org.salwledger.core.item.command.SeizeItem;
import org.salwledger.core.item.command.TransformItem;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.ItemStatus;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.TransferKind;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.event.IdentityLinked;
import org.salwledger.core.item.event.ItemAssembledInto;
import org.salwledger.core.item.event.ItemDeactivated;
import org.salwledger.core.item.event.ItemDestroyed;
import org.salwledger.core.item.event.ItemDispatched;
import org.salwledger.core.item.event.ItemLost;
import org.salwledger.core.item.event.ItemManufactured;
import org.salwledger.core.item.event.ItemMarked;
import org.salwledger.core.item.event.ItemReceived;
import org.salwledger.core.item.event.ItemRecovered;
import org.salwledger.core.item.event.ItemRecoveredAfterDestruction;
import org.salwledger.core.item.event.ItemRegisteredUnmarked;
import org.salwledger.core.item.event.ItemSeized;
import org.salwledger.core.item.event.ItemStolen;
import org.salwledger.core.item.event.ItemTransformed;
import org.salwledger.core.item.event.PartAssembled;
import org.salwledger.core.item.event.RecordCorrected;
import org.salwledger.core.item.marking.MarkType;
import org.salwledger.core.item.marking.MarkingMethod;
import org.salwledger.core.item.marking.ObservedMarking;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.hamcrest.Matchers.containsString;
import static org.salwledger.core.Fixtures.origin;
import static org.salwledger.core.command.Refusals.refusal;

/** Loss, theft, recovery, seizure, unmarked items, end of life and lifecycle marks. */
class ItemLifecycleTest {
    private static final String ITEM = "6b1f8f6e-6a8e-3c52-9a52-3f0e2b1c0d9e";
    private static final String EXPORT = "7c1f8f6e-6a8e-3c52-9a52-3f0e2b1c0d9e";
    private static final CommandOrigin FNH = origin("BE-FNH", Role.MANUFACTURER, "BE");
    private static final CommandOrigin CD_MOD = origin("CD-MOD", Role.AUTHORITY, "CD");
    private static final CommandOrigin CD_POLICE = origin("CD-PNC", Role.LAW_ENFORCEMENT, "CD");
    private static final CommandOrigin BE_AUTH = origin("BE-AUTH", Role.AUTHORITY, "BE");
    private static final CommandOrigin DEALER = origin("BE-DEAL", Role.HOLDER, "BE");

    private AggregateTestFixture<Item> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Item.class);
        fixture.registerInjectableResource(new Fixtures.InMemoryMarkRegistry());
        fixture.registerInjectableResource(new ItemLoader(() -> fixture.getRepository()));
    }

    /** Builds a stream of sealed events, each chained to the one before. */
    private static final class Story {
        private final List<LedgerEvent> events = new ArrayList<>();
        private ChainHead head = ChainHead.start(ITEM);

        Story then(Function<org.salwledger.core.chain.RecordLink, LedgerEvent> event, CommandOrigin by) {
            LedgerEvent sealed = head.seal(event, by);
            head = head.after(sealed.link());
            events.add(sealed);
            return this;
        }

        Object[] events() {
            return events.toArray();
        }
    }

    private static Story made() {
        return new Story().then(link -> new ItemManufactured(ITEM, ItemKind.WEAPON,
                WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL, null, PartType.FRAME, "FN Herstal", "FN 509", "9x19mm",
                Material.POLYMER, Production.INDUSTRIAL, null, null, "BE-FNH", "BE", link), FNH);
    }

    private static Story exportedToCongo() {
        return made().then(link -> new ItemDispatched(ITEM, EXPORT, "BE-FNH", "CD-MOD", link), FNH)
                .then(link -> new ItemReceived(ITEM, EXPORT, TransferKind.EXPORT, "BE-FNH", "BE", "CD-MOD", "CD", link), CD_MOD);
    }

    private static Story stolen() {
        return made().then(link -> new ItemStolen(ITEM, "BE-FNH", "BE-FNH", "Herstal", null, link), FNH);
    }

    private static MarkItem mark(MarkType type, String text, CommandOrigin by) {
        return new MarkItem(ITEM, type, null, text, PartType.FRAME, MarkingMethod.LASER, null, by);
    }

    @Test
    void theCustodianOrItsCountrysAuthorityReportsALoss() {
        fixture.given(made().events()).when(new ReportLost(ITEM, "Herstal", "HP-1", FNH)).expectSuccessfulHandlerExecution();
        fixture.given(made().events()).when(new ReportLost(ITEM, "Herstal", null, BE_AUTH)).expectSuccessfulHandlerExecution();
        fixture.given(made().events()).when(new ReportLost(ITEM, "Herstal", null, CD_MOD))
                .expectException(refusal("not-custodian")).expectNoEvents();
        fixture.given(made().events()).when(new ReportLost(ITEM, " ", null, FNH))
                .expectException(refusal("missing-field")).expectNoEvents();
    }

    @Test
    void aLostItemMayLaterBeReportedStolenButNotLostTwice() {
        Story lost = made().then(link -> new ItemLost(ITEM, null, "BE-FNH", "BE-FNH", "Herstal", null, link), FNH);
        fixture.given(lost.events()).when(new ReportStolen(ITEM, "Herstal", "HP-2", FNH)).expectSuccessfulHandlerExecution();
        fixture.given(lost.events()).when(new ReportLost(ITEM, "Herstal", null, FNH))
                .expectException(refusal("item-lost")).expectExceptionMessage(containsString("LOST"));
    }

    @Test
    void aStolenItemCannotBeDispatchedOrSeized() {
        fixture.given(stolen().events()).when(new DispatchItem(ITEM, EXPORT, "CD-MOD", FNH))
                .expectException(refusal("item-stolen")).expectNoEvents();
        fixture.given(stolen().events()).when(new SeizeItem(ITEM, "Goma", "illicit", CD_POLICE))
                .expectException(refusal("item-stolen")).expectNoEvents();
    }

    @Test
    void recoveryNamesTheLastLegalCustodianAndPassesCustodyToTheRecoverer() {
        List<ObservedMarking> observed = List.of(new ObservedMarking("FNH BE GKS?0*", PartType.FRAME, true));
        fixture.given(stolen().events()).when(new ReportRecovered(ITEM, "Goma", "checkpoint", observed, CD_POLICE))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e -> e instanceof ItemRecovered r
                        && r.lastLegalCustodian().equals("BE-FNH") && r.previousStatus() == ItemStatus.STOLEN
                        && r.observedMarkings().equals(observed) && r.recoveredBy().equals("CD-PNC")))));
        Story recovered = stolen().then(link -> new ItemRecovered(ITEM, ItemStatus.STOLEN, "BE-FNH", "CD-PNC", "CD",
                "Goma", null, observed, link), CD_POLICE);
        fixture.given(recovered.events()).when(new DispatchItem(ITEM, EXPORT, "BE-FNH", FNH))
                .expectException(refusal("not-custodian")).expectExceptionMessage(containsString("custody of CD-PNC"));
    }

    @Test
    void onlyLawEnforcementOrAnAuthorityRecoversAndOnlyWhatWasLostOrStolen() {
        fixture.given(stolen().events()).when(new ReportRecovered(ITEM, "Goma", null, null, DEALER))
                .expectException(refusal("role-not-allowed")).expectNoEvents();
        fixture.given(made().events()).when(new ReportRecovered(ITEM, "Goma", null, null, CD_POLICE))
                .expectException(refusal("item-not-lost-or-stolen")).expectExceptionMessage(containsString("SeizeItem"));
    }

    @Test
    void anItemTakenFromItsHolderIsSeized() {
        fixture.given(made().events()).when(new SeizeItem(ITEM, "Antwerp", "no export licence", CD_POLICE))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e -> e instanceof ItemSeized s
                        && s.fromCustodian().equals("BE-FNH") && s.seizedBy().equals("CD-PNC")))));
        fixture.given(made().events()).when(new SeizeItem(ITEM, "Antwerp", "x", DEALER))
                .expectException(refusal("role-not-allowed"));
    }

    @Test
    void destroyedIsTerminalButARecoveryIsRecordedAsAnAnomaly() {
        Story destroyed = made().then(link -> new ItemDestroyed(ITEM, "BE-FNH", "D-1", "smelted", link), FNH);
        fixture.given(destroyed.events()).when(mark(MarkType.REMARK, "x", FNH))
                .expectException(refusal("item-destroyed")).expectExceptionMessage(containsString("DESTROYED"));
        fixture.given(destroyed.events()).when(new DispatchItem(ITEM, EXPORT, "CD-MOD", FNH))
                .expectException(refusal("item-destroyed"));
        fixture.given(destroyed.events()).when(new DestroyItem(ITEM, "D-2", "again", FNH))
                .expectException(refusal("item-destroyed"));
        fixture.given(destroyed.events()).when(new ReportRecovered(ITEM, "Bukavu", null, null, CD_POLICE))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e ->
                        e instanceof ItemRecoveredAfterDestruction a && a.destroyedBy().equals("BE-FNH")))));
    }

    @Test
    void theCustodianDeactivatesWithACertificateAndStandard() {
        fixture.given(made().events()).when(new DeactivateItem(ITEM, "CERT-1", "EU 2015/2403", FNH)).expectSuccessfulHandlerExecution();
        fixture.given(made().events()).when(new DeactivateItem(ITEM, "CERT-1", "EU 2015/2403", DEALER))
                .expectException(refusal("not-custodian"));
        fixture.given(made().events()).when(new DeactivateItem(ITEM, null, "EU 2015/2403", FNH))
                .expectException(refusal("missing-field"));
    }

    @Test
    void importMarksBelongToTheAuthorityOfTheCountryThatReceivedTheExport() {
        fixture.given(exportedToCongo().events()).when(mark(MarkType.IMPORT, "CD 2026", CD_MOD)).expectSuccessfulHandlerExecution();
        fixture.given(exportedToCongo().events()).when(mark(MarkType.IMPORT, "BE 2026", BE_AUTH))
                .expectException(refusal("mark-not-allowed"));
        fixture.given(made().events()).when(mark(MarkType.IMPORT, "CD 2026", CD_MOD))
                .expectException(refusal("mark-not-allowed"));
        fixture.given(exportedToCongo().events()).when(mark(MarkType.IMPORT, "CD 2026", origin("CD-X", Role.HOLDER, "CD")))
                .expectException(refusal("mark-not-allowed"));
    }

    @Test
    void stateToCivilianMarksFollowAReleaseFromStateStocks() {
        Story released = made()
                .then(link -> new ItemDispatched(ITEM, EXPORT, "BE-FNH", "BE-DEAL", link), FNH)
                .then(link -> new ItemReceived(ITEM, EXPORT, TransferKind.STATE_TO_CIVILIAN, "BE-ARMY", "BE", "BE-DEAL",
                        "BE", link), DEALER);
        fixture.given(released.events()).when(mark(MarkType.STATE_TO_CIVILIAN, "BE STOCK", BE_AUTH)).expectSuccessfulHandlerExecution();
        fixture.given(made().events()).when(mark(MarkType.STATE_TO_CIVILIAN, "BE STOCK", BE_AUTH))
                .expectException(refusal("mark-not-allowed"));
    }

    @Test
    void confiscationMarksAreForTheHolderOfASeizedItem() {
        Story seized = made().then(link -> new ItemSeized(ITEM, "BE-FNH", "CD-PNC", "CD", "Goma", "illicit", link), CD_POLICE);
        fixture.given(seized.events()).when(mark(MarkType.CONFISCATION, "CD-C-1", CD_POLICE)).expectSuccessfulHandlerExecution();
        fixture.given(seized.events()).when(mark(MarkType.CONFISCATION, "CD-C-1", CD_MOD))
                .expectException(refusal("mark-not-allowed"));
        fixture.given(made().events()).when(mark(MarkType.CONFISCATION, "CD-C-1", CD_POLICE))
                .expectException(refusal("mark-not-allowed"));
    }

    @Test
    void deactivationMarksFollowDeactivation() {
        Story deactivated = made().then(link -> new ItemDeactivated(ITEM, "BE-FNH", "C-1", "EU", link), FNH);
        fixture.given(deactivated.events()).when(mark(MarkType.DEACTIVATION, "DEACT", FNH)).expectSuccessfulHandlerExecution();
        fixture.given(deactivated.events()).when(mark(MarkType.DEACTIVATION, "DEACT", BE_AUTH)).expectSuccessfulHandlerExecution();
        fixture.given(made().events()).when(mark(MarkType.DEACTIVATION, "DEACT", FNH))
                .expectException(refusal("mark-not-allowed"));
    }

    @Test
    void anUnmarkedItemEntersInTheRecoverersCustodyAndHasNoManufactureMark() {
        RegisterUnmarkedItem printed = new RegisterUnmarkedItem(ITEM, ItemKind.WEAPON, WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL,
                null, null, null, "9x19mm", Material.ADDITIVE, Production.ADDITIVE, "3D-printed FGC-9", "Goma", null, CD_POLICE);
        fixture.givenNoPriorActivity().when(printed).expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(new RegisterUnmarkedItem(ITEM, ItemKind.WEAPON,
                        WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL, null, null, null, null, Material.ADDITIVE,
                        Production.ADDITIVE, "x", "Goma", null, DEALER))
                .expectException(refusal("role-not-allowed"));
        Story registered = new Story().then(link -> new ItemRegisteredUnmarked(ITEM, ItemKind.WEAPON,
                WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL, null, null, null, "9x19mm", Material.ADDITIVE,
                Production.ADDITIVE, "3D-printed", "Goma", List.of(), "CD-PNC", "CD", link), CD_POLICE);
        fixture.given(registered.events()).when(new MarkItem(ITEM, MarkType.MANUFACTURE, "X1", null, PartType.FRAME,
                MarkingMethod.LASER, null, FNH)).expectException(refusal("mark-not-allowed"));
        fixture.given(registered.events()).when(mark(MarkType.CONFISCATION, "CD-P-1", CD_POLICE)).expectSuccessfulHandlerExecution();
    }

    private static final String HOST = "3a1f8f6e-6a8e-3c52-9a52-3f0e2b1c0d9e";

    @Test
    void aPartEntersOneHostOfTheSameCustodianAtATime() {
        fixture.given(made().events()).when(new EnterHost(ITEM, HOST, FNH))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e ->
                        e instanceof ItemAssembledInto a && a.hostId().equals(HOST)))));
        Story installed = made().then(link -> new ItemAssembledInto(ITEM, HOST, "BE-FNH", link), FNH);
        fixture.given(installed.events()).when(new EnterHost(ITEM, "4a1f8f6e-6a8e-3c52-9a52-3f0e2b1c0d9e", FNH))
                .expectException(refusal("part-already-installed")).expectExceptionMessage(containsString("already installed"));
        fixture.given(made().events()).when(new EnterHost(ITEM, HOST, DEALER))
                .expectException(refusal("not-custodian")).expectNoEvents();
        fixture.given(stolen().events()).when(new EnterHost(ITEM, HOST, FNH))
                .expectException(refusal("item-stolen")).expectNoEvents();
    }

    @Test
    void aHostTakesPartsOnlyWhileActiveAndReleasesOnlyItsOwn() {
        fixture.given(made().events()).when(new AttachPart(ITEM, HOST, FNH)).expectSuccessfulHandlerExecution();
        Story destroyed = made().then(link -> new ItemDestroyed(ITEM, "BE-FNH", "D-1", "smelted", link), FNH);
        fixture.given(destroyed.events()).when(new AttachPart(ITEM, HOST, FNH))
                .expectException(refusal("item-destroyed")).expectNoEvents();
        Story deactivated = made().then(link -> new ItemDeactivated(ITEM, "BE-FNH", "C-1", "EU", link), FNH);
        fixture.given(deactivated.events()).when(new AttachPart(ITEM, HOST, FNH))
                .expectException(refusal("item-deactivated")).expectNoEvents();
        fixture.given(made().events()).when(new ReleasePart(ITEM, HOST, FNH))
                .expectException(refusal("part-not-installed")).expectExceptionMessage(containsString("not installed"));
        Story withPart = made().then(link -> new PartAssembled(ITEM, HOST, "BE-FNH", link), FNH);
        fixture.given(withPart.events()).when(new ReleasePart(ITEM, HOST, FNH)).expectSuccessfulHandlerExecution();
    }

    @Test
    void aStolenHostKeepsItsPartsAndASeizedOneChangesOnlyInItsHoldersHands() {
        Story stolenWithPart = made().then(link -> new PartAssembled(ITEM, HOST, "BE-FNH", link), FNH)
                .then(link -> new ItemStolen(ITEM, "BE-FNH", "BE-FNH", "Herstal", null, link), FNH);
        fixture.given(stolenWithPart.events()).when(new ReleasePart(ITEM, HOST, FNH))
                .expectException(refusal("item-stolen")).expectNoEvents();
        Story seized = made().then(link -> new PartAssembled(ITEM, HOST, "BE-FNH", link), FNH)
                .then(link -> new ItemSeized(ITEM, "BE-FNH", "CD-PNC", "CD", "Goma", "evidence", link), CD_POLICE);
        fixture.given(seized.events()).when(new ReleasePart(ITEM, HOST, FNH))
                .expectException(refusal("not-custodian")).expectNoEvents();
        fixture.given(seized.events()).when(new ReleasePart(ITEM, HOST, CD_POLICE)).expectSuccessfulHandlerExecution();
        fixture.given(seized.events()).when(new AttachPart(ITEM, "5a1f8f6e-6a8e-3c52-9a52-3f0e2b1c0d9e", CD_POLICE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anInstalledPartTravelsOnlyWithItsHost() {
        Story installed = made().then(link -> new ItemAssembledInto(ITEM, HOST, "BE-FNH", link), FNH);
        fixture.given(installed.events()).when(new DispatchItem(ITEM, EXPORT, "CD-MOD", FNH))
                .expectException(refusal("part-installed")).expectExceptionMessage(containsString("moves with it"));
        fixture.given(installed.events()).when(new DispatchItem(ITEM, EXPORT, "CD-MOD", HOST, FNH))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyTheAuthorCorrectsARecordAndOnlyItsCorrectableFacts() {
        Story marked = made().then(link -> new ItemMarked(ITEM, MarkType.MANUFACTURE, "GKS1O", "GKS1O", "BE-FNH", "BE",
                PartType.FRAME, MarkingMethod.LASER, null, "BE-FNH", List.of(), link), FNH);
        String hash = marked.events.get(1).link().hash();
        com.fasterxml.jackson.databind.node.ObjectNode serial = org.salwledger.core.crypto.CanonicalJson.mapper()
                .createObjectNode().put("serial", "GKS10");
        fixture.given(marked.events()).when(new CorrectRecord(ITEM, 1, hash, serial, "typo", FNH))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e -> e instanceof RecordCorrected c
                        && c.correctedSequence() == 1 && c.correctedHash().equals(hash) && c.correctedType().equals("ItemMarked")))));
        fixture.given(marked.events()).when(new CorrectRecord(ITEM, 1, hash, serial, "typo", BE_AUTH))
                .expectException(refusal("not-record-author")).expectNoEvents();
        fixture.given(marked.events()).when(new CorrectRecord(ITEM, 1, "f".repeat(64), serial, "typo", FNH))
                .expectException(refusal("record-not-found")).expectNoEvents();
        fixture.given(marked.events()).when(new CorrectRecord(ITEM, 1, hash,
                        org.salwledger.core.crypto.CanonicalJson.mapper().createObjectNode().put("markedBy", "X"), "typo", FNH))
                .expectException(refusal("fact-not-correctable")).expectNoEvents();
        fixture.given(marked.events()).when(new CorrectRecord(ITEM, 1, hash, serial, " ", FNH))
                .expectException(refusal("missing-field")).expectNoEvents();
    }

    @Test
    void custodyFactsAreNotCorrectedButRecordedAnew() {
        Story dispatched = made().then(link -> new ItemDispatched(ITEM, EXPORT, "BE-FNH", "CD-MOD", link), FNH);
        fixture.given(dispatched.events()).when(new CorrectRecord(ITEM, 1, dispatched.events.get(1).link().hash(),
                        org.salwledger.core.crypto.CanonicalJson.mapper().createObjectNode().put("consignee", "UG-X"), "oops", FNH))
                .expectException(refusal("record-not-correctable")).expectExceptionMessage(containsString("not corrected"));
    }

    @Test
    void anIdentityLinkStartsFromAnUnmarkedItemHeldByTheLinkingAuthority() {
        Story registered = new Story().then(link -> new ItemRegisteredUnmarked(ITEM, ItemKind.WEAPON,
                WeaponCategory.RIFLE_OR_CARBINE, null, null, null, null, Material.METAL, Production.INDUSTRIAL,
                "serial ground off", "Goma", List.of(), "CD-PNC", "CD", link), CD_POLICE);
        fixture.given(registered.events()).when(new RecordIdentityLink(ITEM, HOST, true, "restored serial", CD_POLICE))
                .expectSuccessfulHandlerExecution();
        fixture.given(registered.events()).when(new RecordIdentityLink(ITEM, HOST, true, "restored serial",
                        origin("UG-POL", Role.LAW_ENFORCEMENT, "UG")))
                .expectException(refusal("not-custodian"));
        fixture.given(made().events()).when(new RecordIdentityLink(ITEM, HOST, true, "restored", CD_POLICE))
                .expectException(refusal("not-registered-unmarked")).expectExceptionMessage(containsString("not registered unmarked"));
        Story linked = registered.then(link -> new IdentityLinked(ITEM, HOST, "restored", "CD-PNC", link), CD_POLICE);
        fixture.given(linked.events()).when(new RecordIdentityLink(ITEM, HOST, true, "again", CD_POLICE))
                .expectException(refusal("identity-already-linked"));
    }

    @Test
    void aConversionRecordsBeforeAndAfter() {
        fixture.given(made().events()).when(new TransformItem(ITEM, null, ".40 S&W", null, "barrel and slide changed", FNH))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e -> e instanceof ItemTransformed t
                        && t.before().calibre().equals("9x19mm") && t.after().calibre().equals(".40 S&W")
                        && t.after().model().equals("FN 509")))));
        fixture.given(made().events()).when(new TransformItem(ITEM, null, "9x19mm", null, "nothing", FNH))
                .expectException(refusal("no-change")).expectNoEvents();
        fixture.given(made().events()).when(new TransformItem(ITEM, "X", null, null, "by a dealer", DEALER))
                .expectException(refusal("role-not-allowed")).expectNoEvents();
        fixture.given(made().events()).when(new TransformItem(ITEM, null, null, WeaponCategory.SUB_MACHINE_GUN,
                "converted to automatic fire", BE_AUTH)).expectSuccessfulHandlerExecution();
    }

    @Test
    void aLateEntryMayNotPredateTheItemsPreviousFact() {
        CommandOrigin dayBefore = new CommandOrigin("BE-FNH", Role.MANUFACTURER, "BE", "e".repeat(64), Fixtures.NOW,
                Fixtures.NOW.minus(java.time.Duration.ofDays(1)), Fixtures.NOW);
        fixture.given(made().events()).when(new ReportLost(ITEM, "Herstal", null, dayBefore))
                .expectException(refusal("occurred-before-previous-fact")).expectExceptionMessage(containsString("before the previous fact"));
        CommandOrigin sameInstant = new CommandOrigin("BE-FNH", Role.MANUFACTURER, "BE", "e".repeat(64), Fixtures.NOW,
                Fixtures.NOW, Fixtures.NOW.plusSeconds(60));
        fixture.given(made().events()).when(new ReportLost(ITEM, "Herstal", null, sameInstant))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e -> e instanceof ItemLost l
                        && l.link().occurredAt().equals("2026-11-24T10:00:00Z")
                        && l.link().recordedAt().equals("2026-11-24T10:01:00Z")))));
    }
}
