package org.salwledger.projections.trace;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.item.marking.MarkText;
import org.salwledger.core.trace.TraceAcknowledged;
import org.salwledger.core.trace.TraceAnswered;
import org.salwledger.core.trace.TraceInformationProvided;
import org.salwledger.core.trace.TraceInformationRequested;
import org.salwledger.core.trace.TraceOutcome;
import org.salwledger.core.trace.TraceRequested;
import org.salwledger.projections.LedgerViews;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Trace requests, their steps, and the markings of NOT_FOUND answers kept for later hits. */
@Component
@ProcessingGroup(LedgerViews.PROCESSING_GROUP)
public class TraceProjection {
    private final JdbcTemplate jdbc;

    public TraceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TraceRequested e) {
        jdbc.update("DELETE FROM trace_view WHERE trace_id = ?", e.traceId());
        jdbc.update("INSERT INTO trace_view (trace_id, requester, requester_country, requested_state, status, priority, "
                        + "request, submitted_at, last_sequence) VALUES (?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?)",
                e.traceId(), e.requester(), e.requesterCountry(), e.requestedState(), e.priority().name(),
                CanonicalJson.canonicalize(LedgerRecords.factsOf(e)), e.link().recordedAt(), e.link().sequence());
        step(e.traceId(), e.requester(), e);
    }

    @EventHandler
    void on(TraceAcknowledged e) {
        jdbc.update("UPDATE trace_view SET status = 'ACKNOWLEDGED', acknowledged_at = ?, last_sequence = ? "
                + "WHERE trace_id = ?", e.link().recordedAt(), e.link().sequence(), e.traceId());
        step(e.traceId(), e.acknowledgedBy(), e);
    }

    @EventHandler
    void on(TraceInformationRequested e) {
        jdbc.update("UPDATE trace_view SET status = 'INFO_REQUESTED', information_requested_at = ?, last_sequence = ? "
                + "WHERE trace_id = ?", e.link().recordedAt(), e.link().sequence(), e.traceId());
        step(e.traceId(), e.requestedBy(), e);
    }

    @EventHandler
    void on(TraceInformationProvided e) {
        jdbc.update("UPDATE trace_view SET status = 'ACKNOWLEDGED', information_provided_at = ?, last_sequence = ? "
                + "WHERE trace_id = ?", e.link().recordedAt(), e.link().sequence(), e.traceId());
        step(e.traceId(), e.providedBy(), e);
    }

    @EventHandler
    void on(TraceAnswered e) {
        jdbc.update("UPDATE trace_view SET status = ?, answered_at = ?, delayed_until = ?, last_sequence = ? "
                        + "WHERE trace_id = ?", e.outcome().name(), e.link().recordedAt(),
                e.newDate() == null ? null : e.newDate().toString(), e.link().sequence(), e.traceId());
        step(e.traceId(), e.answeredBy(), e);
        if (e.outcome() == TraceOutcome.NOT_FOUND) {
            watch(e.traceId());
        }
    }

    private void watch(String traceId) {
        byte[] request = jdbc.queryForObject("SELECT request FROM trace_view WHERE trace_id = ?", byte[].class, traceId);
        List<String> markings = TraceQueries.normalizedMarkings(request);
        jdbc.update("DELETE FROM trace_watch WHERE trace_id = ?", traceId);
        for (int i = 0; i < markings.size(); i++) {
            String normalized = markings.get(i);
            jdbc.update("INSERT INTO trace_watch (trace_id, position, pattern, folded_pattern) VALUES (?, ?, ?, ?)",
                    traceId, i, MarkText.likePattern(normalized), MarkText.likePattern(MarkText.fold(normalized)));
        }
    }

    private void step(String traceId, String actorId, LedgerEvent e) {
        jdbc.update("INSERT INTO trace_step (trace_id, sequence, type, actor_id, recorded_at, facts, record_hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", traceId, e.link().sequence(), LedgerRecords.typeOf(e), actorId,
                e.link().recordedAt(), CanonicalJson.canonicalize(LedgerRecords.factsOf(e)), e.link().hash());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE TABLE trace_watch");
        jdbc.update("TRUNCATE TABLE trace_step");
        jdbc.update("TRUNCATE TABLE trace_view");
    }
}
