package org.salwledger.core.trace;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.command.AggregateComponents;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Require;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.marking.ObservedMarking;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An ITI trace request (docs/domain-rules.md rules 24-27): submitted by an AUTHORITY, LAW_ENFORCEMENT or
 * INVESTIGATOR; only the requested State's AUTHORITY acknowledges it, may ask the requester for more
 * information (which only the requester provides), and answers (DELAYED may be followed by another
 * answer; the others are final). Every step is a signed record on its stream.
 */
@Aggregate(cache = AggregateComponents.CACHE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class TraceRequest {
    static final int MAX_MARKINGS = 20;

    @AggregateIdentifier
    private String traceId;
    private String requester;
    private String requestedState;
    private boolean acknowledged;
    private boolean informationPending;
    private TraceOutcome lastOutcome;
    private ChainHead chain;

    protected TraceRequest() {
    }

    @CommandHandler
    public TraceRequest(SubmitTraceRequest c) {
        CommandOrigin origin = c.origin();
        Require.role(origin, Role.AUTHORITY, Role.LAW_ENFORCEMENT, Role.INVESTIGATOR);
        List<ObservedMarking> markings = Require.present(c.observedMarkings(), "observedMarkings");
        if (markings.isEmpty() || markings.size() > MAX_MARKINGS) {
            throw Refusal.unprocessable("invalid-field", "a trace request states 1-" + MAX_MARKINGS
                    + " observed markings");
        }
        markings.forEach(m -> Require.text(m.text(), "observedMarkings[].text", 200));
        if (Require.present(c.illicitGrounds(), "illicitGrounds").isEmpty()) {
            throw Refusal.unprocessable("invalid-field", "'illicitGrounds' names at least one ITI para 6 ground");
        }
        String legalBasis = Require.text(c.legalBasis(), "legalBasis", 1000);
        String intendedUse = Require.text(c.intendedUse(), "intendedUse", 1000);
        TracePriority priority = Require.present(c.priority(), "priority");
        String justification = Require.optionalText(c.priorityJustification(), "priorityJustification", 1000);
        if (priority == TracePriority.URGENT && justification == null) {
            throw Refusal.unprocessable("missing-field", "an URGENT trace request needs 'priorityJustification'");
        }
        if (Require.present(c.recoveredAt(), "recoveredAt").isAfter(origin.issuedAt())) {
            throw Refusal.unprocessable("invalid-field", "'recoveredAt' is after the request was signed");
        }
        String place = Require.text(c.recoveredPlace(), "recoveredPlace", 500);
        if (c.requestedState() == null) {
            // Checked last: a request missing its own fields is told so, not that nothing matched.
            throw Refusal.unprocessable("requested-state-unknown",
                    "no ledger item matches the observed markings: name the 'requestedState'");
        }
        String requested = Require.country(c.requestedState(), "requestedState");
        apply(ChainHead.start(c.traceId()).seal(link -> new TraceRequested(c.traceId(), origin.actorId(),
                origin.country(), requested, List.copyOf(markings), c.kind(), c.category(),
                Require.optionalText(c.calibre(), "calibre", 100), Require.optionalText(c.make(), "make", 200),
                Require.optionalText(c.model(), "model", 200), c.recoveredAt().toString(), place,
                Require.optionalText(c.circumstances(), "circumstances", 2000), List.copyOf(c.illicitGrounds()),
                legalBasis, intendedUse, priority, justification,
                c.candidateItems() == null ? List.of() : List.copyOf(c.candidateItems()), link), origin));
    }

    @CommandHandler
    public void handle(AcknowledgeTraceRequest c) {
        requireRequestedStateAuthority(c.origin());
        if (acknowledged) {
            throw Refusal.conflict("trace-already-acknowledged", "trace " + traceId + " was acknowledged");
        }
        apply(chain.seal(link -> new TraceAcknowledged(traceId, c.origin().actorId(), requestedState, link), c.origin()));
    }

    @CommandHandler
    public void handle(AnswerTraceRequest c) {
        CommandOrigin origin = c.origin();
        requireRequestedStateAuthority(origin);
        requireOpen("answering");
        TraceOutcome outcome = Require.present(c.outcome(), "outcome");
        String reason = Require.optionalText(c.reason(), "reason", 2000);
        if (reason == null && (outcome == TraceOutcome.ANSWERED_RESTRICTED || outcome == TraceOutcome.DELAYED
                || outcome == TraceOutcome.DECLINED)) {
            throw Refusal.unprocessable("missing-field", outcome + " needs a 'reason'");
        }
        LocalDate newDate = c.newDate();
        if (outcome == TraceOutcome.DELAYED && (newDate == null
                || !newDate.isAfter(origin.issuedAt().atZone(ZoneOffset.UTC).toLocalDate()))) {
            throw Refusal.unprocessable("invalid-field", "DELAYED needs a future 'newDate'");
        }
        String information = Require.optionalText(c.information(), "information", 10_000);
        List<String> identified = c.identifiedItems() == null ? List.of() : List.copyOf(c.identifiedItems());
        String useRestriction = Require.optionalText(c.useRestriction(), "useRestriction", 1000);
        apply(chain.seal(link -> new TraceAnswered(traceId, outcome, information, reason,
                outcome == TraceOutcome.DELAYED ? newDate : null, identified, useRestriction, origin.actorId(), link),
                origin));
    }

    @CommandHandler
    public void handle(RequestTraceInformation c) {
        CommandOrigin origin = c.origin();
        requireRequestedStateAuthority(origin);
        requireOpen("asking for information");
        if (informationPending) {
            throw Refusal.conflict("trace-information-pending", "trace " + traceId
                    + " already waits for the requester's information");
        }
        String questions = Require.text(c.questions(), "questions", 10_000);
        apply(chain.seal(link -> new TraceInformationRequested(traceId, questions, origin.actorId(), link), origin));
    }

    @CommandHandler
    public void handle(ProvideTraceInformation c) {
        CommandOrigin origin = c.origin();
        if (!origin.actorId().equals(requester)) {
            throw Refusal.forbidden("not-requester", "only " + requester + ", who requested trace "
                    + traceId + ", provides its information");
        }
        if (!informationPending) {
            throw Refusal.conflict("no-information-requested", "the requested State asked nothing for trace "
                    + traceId);
        }
        String information = Require.text(c.information(), "information", 10_000);
        apply(chain.seal(link -> new TraceInformationProvided(traceId, information, origin.actorId(), link), origin));
    }

    private void requireOpen(String doing) {
        if (!acknowledged) {
            throw Refusal.conflict("trace-not-acknowledged", "acknowledge trace " + traceId + " before "
                    + doing);
        }
        if (lastOutcome != null && lastOutcome.isFinal()) {
            throw Refusal.conflict("trace-answered", "trace " + traceId + " was answered " + lastOutcome);
        }
    }

    private void requireRequestedStateAuthority(CommandOrigin origin) {
        if (origin.role() != Role.AUTHORITY || !origin.country().equals(requestedState)) {
            throw Refusal.forbidden("not-requested-state", "only an AUTHORITY of the requested State "
                    + requestedState + " moves trace " + traceId + " on");
        }
    }

    @EventSourcingHandler
    void on(TraceRequested e) {
        traceId = e.traceId();
        requester = e.requester();
        requestedState = e.requestedState();
        chain = ChainHead.start(traceId).after(e.link());
    }

    @EventSourcingHandler
    void on(TraceAcknowledged e) {
        acknowledged = true;
        chain = chain.after(e.link());
    }

    @EventSourcingHandler
    void on(TraceInformationRequested e) {
        informationPending = true;
        chain = chain.after(e.link());
    }

    @EventSourcingHandler
    void on(TraceInformationProvided e) {
        informationPending = false;
        chain = chain.after(e.link());
    }

    @EventSourcingHandler
    void on(TraceAnswered e) {
        // an answer, even one given without the information asked for, ends the question
        informationPending = false;
        lastOutcome = e.outcome();
        chain = chain.after(e.link());
    }
}
