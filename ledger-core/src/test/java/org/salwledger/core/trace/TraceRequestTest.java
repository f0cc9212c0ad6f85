package org.salwledger.core.trace;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.marking.ObservedMarking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.salwledger.core.Fixtures.origin;
import static org.salwledger.core.command.Refusals.refusal;

class TraceRequestTest {
    private static final String ID = "7a0b6c1e-1d2f-3a4b-8c9d-0e1f2a3b4c5d";
    private static final CommandOrigin NL_INV = origin("NL-INV", Role.INVESTIGATOR, "NL");
    private static final CommandOrigin CD_AUTH = origin("CD-MOD", Role.AUTHORITY, "CD");
    private static final CommandOrigin BE_AUTH = origin("BE-AUTH", Role.AUTHORITY, "BE");
    private static final List<ObservedMarking> MARKS = List.of(new ObservedMarking("GKS12?45", PartType.FRAME, true));
    private static final Instant FOUND = Instant.parse("2026-11-20T08:00:00Z");

    private AggregateTestFixture<TraceRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TraceRequest.class);
    }

    private static SubmitTraceRequest submit(CommandOrigin origin, TracePriority priority, String justification) {
        return new SubmitTraceRequest(ID, MARKS, ItemKind.WEAPON, WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL,
                "9x19mm", "FN Herstal", null, FOUND, "Goma", "vehicle checkpoint",
                List.of(IllicitGround.ILLICIT_WHERE_FOUND), "Art. 5 of the national firearms law",
                "criminal investigation 2026/118", priority, justification, "CD", List.of("item-1"), origin);
    }

    private static TraceRequested requested() {
        return ChainHead.start(ID).seal(link -> new TraceRequested(ID, "NL-INV", "NL", "CD", MARKS, ItemKind.WEAPON,
                WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL, "9x19mm", "FN Herstal", null, FOUND.toString(), "Goma",
                "vehicle checkpoint", List.of(IllicitGround.ILLICIT_WHERE_FOUND), "Art. 5 of the national firearms law",
                "criminal investigation 2026/118", TracePriority.ROUTINE, null, List.of("item-1"), link), NL_INV);
    }

    private static TraceAcknowledged acknowledged(TraceRequested requested) {
        return ChainHead.start(ID).after(requested.link()).seal(link -> new TraceAcknowledged(ID, "CD-MOD", "CD", link),
                CD_AUTH);
    }

    @Test
    void anInvestigatorSubmitsAndTheRequestedStateAcknowledgesThenAnswers() {
        TraceRequested requested = requested();
        fixture.givenNoPriorActivity().when(submit(NL_INV, TracePriority.ROUTINE, null)).expectEvents(requested);
        fixture.given(requested).when(new AcknowledgeTraceRequest(ID, CD_AUTH)).expectEvents(acknowledged(requested));
        TraceAcknowledged ack = acknowledged(requested);
        fixture.given(requested, ack).when(new AnswerTraceRequest(ID, TraceOutcome.ANSWERED, "exported by BE-FNH, sold to "
                        + "a dealer, stolen 2026-10-02", null, null, List.of("item-1"), "intelligence only", CD_AUTH))
                .expectSuccessfulHandlerExecution().expectEventsMatching(
                        org.axonframework.test.matchers.Matchers.payloadsMatching(
                                org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                        org.axonframework.test.matchers.Matchers.predicate(e ->
                                                e instanceof TraceAnswered a && a.outcome() == TraceOutcome.ANSWERED
                                                        && a.useRestriction().equals("intelligence only")))));
    }

    @Test
    void onlyAuthoritiesLawEnforcementAndInvestigatorsRequestAndUrgentNeedsAReason() {
        fixture.givenNoPriorActivity().when(submit(origin("BE-DEAL", Role.HOLDER, "BE"), TracePriority.ROUTINE, null))
                .expectException(refusal("role-not-allowed")).expectNoEvents();
        fixture.givenNoPriorActivity().when(submit(NL_INV, TracePriority.URGENT, null))
                .expectException(refusal("missing-field")).expectNoEvents();
    }

    @Test
    void onlyTheRequestedStatesAuthorityMovesItOnAndAcknowledgesFirst() {
        TraceRequested requested = requested();
        fixture.given(requested).when(new AcknowledgeTraceRequest(ID, BE_AUTH))
                .expectException(refusal("not-requested-state")).expectNoEvents();
        fixture.given(requested).when(new AcknowledgeTraceRequest(ID, NL_INV))
                .expectException(refusal("not-requested-state")).expectNoEvents();
        fixture.given(requested).when(new AnswerTraceRequest(ID, TraceOutcome.NOT_FOUND, null, null, null, null, null, CD_AUTH))
                .expectException(refusal("trace-not-acknowledged")).expectNoEvents();
    }

    @Test
    void delayedNeedsAReasonAndAFutureDateAndMayBeFollowedButAFinalAnswerMayNot() {
        TraceRequested requested = requested();
        TraceAcknowledged ack = acknowledged(requested);
        fixture.given(requested, ack).when(new AnswerTraceRequest(ID, TraceOutcome.DELAYED, null, null,
                        LocalDate.of(2027, 1, 10), null, null, CD_AUTH))
                .expectException(refusal("missing-field"));
        fixture.given(requested, ack).when(new AnswerTraceRequest(ID, TraceOutcome.DELAYED, null, "ongoing investigation",
                        LocalDate.of(2020, 1, 10), null, null, CD_AUTH))
                .expectException(refusal("invalid-field"));
        TraceAnswered delayed = ChainHead.start(ID).after(requested.link()).after(ack.link()).seal(link ->
                new TraceAnswered(ID, TraceOutcome.DELAYED, null, "ongoing investigation", LocalDate.of(2027, 1, 10),
                        List.of(), null, "CD-MOD", link), CD_AUTH);
        fixture.given(requested, ack, delayed).when(new AnswerTraceRequest(ID, TraceOutcome.DECLINED, null,
                "national security", null, null, null, CD_AUTH)).expectSuccessfulHandlerExecution();
        TraceAnswered notFound = ChainHead.start(ID).after(requested.link()).after(ack.link()).seal(link ->
                new TraceAnswered(ID, TraceOutcome.NOT_FOUND, null, null, null, List.of(), null, "CD-MOD", link), CD_AUTH);
        fixture.given(requested, ack, notFound).when(new AnswerTraceRequest(ID, TraceOutcome.ANSWERED, "found it", null,
                null, null, null, CD_AUTH)).expectException(refusal("trace-answered")).expectNoEvents();
    }

    @Test
    void theRequestedStateMayAskTheRequesterForMoreAndOnlyTheRequesterAnswersIt() {
        TraceRequested requested = requested();
        TraceAcknowledged ack = acknowledged(requested);
        fixture.given(requested).when(new RequestTraceInformation(ID, "photos of the frame?", CD_AUTH))
                .expectException(refusal("trace-not-acknowledged")).expectNoEvents();
        fixture.given(requested, ack).when(new RequestTraceInformation(ID, "photos of the frame?", BE_AUTH))
                .expectException(refusal("not-requested-state")).expectNoEvents();
        TraceInformationRequested asked = ChainHead.start(ID).after(requested.link()).after(ack.link()).seal(link ->
                new TraceInformationRequested(ID, "photos of the frame?", "CD-MOD", link), CD_AUTH);
        fixture.given(requested, ack).when(new RequestTraceInformation(ID, "photos of the frame?", CD_AUTH))
                .expectEvents(asked);
        fixture.given(requested, ack, asked).when(new RequestTraceInformation(ID, "and the slide?", CD_AUTH))
                .expectException(refusal("trace-information-pending")).expectNoEvents();

        fixture.given(requested, ack).when(new ProvideTraceInformation(ID, "attached", NL_INV))
                .expectException(refusal("no-information-requested")).expectNoEvents();
        fixture.given(requested, ack, asked).when(new ProvideTraceInformation(ID, "attached", origin("NL-POL",
                Role.INVESTIGATOR, "NL"))).expectException(refusal("not-requester")).expectNoEvents();
        TraceInformationProvided provided = ChainHead.start(ID).after(requested.link()).after(ack.link())
                .after(asked.link()).seal(link -> new TraceInformationProvided(ID, "photos sent by secure mail", "NL-INV",
                        link), NL_INV);
        fixture.given(requested, ack, asked).when(new ProvideTraceInformation(ID, "photos sent by secure mail", NL_INV))
                .expectEvents(provided);
        fixture.given(requested, ack, asked, provided).when(new AnswerTraceRequest(ID, TraceOutcome.NOT_FOUND, null, null,
                null, null, null, CD_AUTH)).expectSuccessfulHandlerExecution();
        fixture.given(requested, ack, asked).when(new AnswerTraceRequest(ID, TraceOutcome.DECLINED, null,
                "no answer to our questions", null, null, null, CD_AUTH)).expectSuccessfulHandlerExecution();
    }
}
