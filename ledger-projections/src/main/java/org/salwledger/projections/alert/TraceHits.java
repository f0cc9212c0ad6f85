package org.salwledger.projections.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.item.event.ItemMarked;
import org.salwledger.core.item.event.ItemRegisteredUnmarked;
import org.salwledger.core.item.marking.MarkText;
import org.salwledger.core.item.marking.ObservedMarking;
import org.salwledger.projections.trace.TraceQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Trace hits: a trace answered NOT_FOUND stays live, its request searchable (iARMS-style notification), so
 * a mark recorded after the answer that fills the pattern of one of the trace's markings, or an item
 * registered unmarked after it whose observed markings could read as one, is a TRACE_HIT for the
 * requester. "After" is by the records' {@code recordedAt}, whatever order the views see them in: the
 * trace's records and the item's are in different streams, which parallel segments project in either
 * order. The record projected second finds the first when it is the mark ({@link #mark}, {@link #registered});
 * when the answer is projected after a later mark, {@link #missed} finds the hit from the committed views
 * at the next sweep.
 */
@Component
public class TraceHits {
    /**
     * How long after an answer was recorded the sweep still looks for marks the views projected before it.
     * Far longer than the views lag behind the records on a running node; a rebuild raises no hits.
     */
    static final Duration CATCH_UP = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final AlertBook alerts;

    /** A trace answered NOT_FOUND: its parties and when it was answered. */
    private record Trace(String traceId, String requester, String requestedState, Instant answeredAt) {
        boolean answeredBefore(String recordedAt) {
            return answeredAt.isBefore(Instant.parse(recordedAt));
        }
    }

    public TraceHits(JdbcTemplate jdbc, AlertBook alerts) {
        this.jdbc = jdbc;
        this.alerts = alerts;
    }

    /** A new mark that fills the pattern of a trace answered NOT_FOUND before it. */
    void mark(ItemMarked e) {
        for (String text : e.serial() == null ? List.of(e.text()) : List.of(e.text(), e.serial())) {
            for (Trace trace : tracesFilledBy(MarkText.normalize(text))) {
                if (trace.answeredBefore(e.link().recordedAt())) {
                    markHit(trace, e.itemId(), text, e.markType().name(), e.markedBy(), e.link().hash(),
                            e.link().recordedAt());
                }
            }
        }
    }

    /**
     * An item registered unmarked comes with what could be read of its markings, partial like the trace's
     * own: a hit when one mark could read as both (or as both once look-alikes are folded).
     */
    void registered(ItemRegisteredUnmarked e) {
        if (e.observedMarkings() == null || e.observedMarkings().isEmpty()) {
            return;
        }
        for (Watched watched : notFound(null)) {
            if (!watched.trace.answeredBefore(e.link().recordedAt())) {
                continue;
            }
            for (ObservedMarking observed : e.observedMarkings()) {
                if (watched.couldRead(observed.text())) {
                    observedHit(watched.trace, e.itemId(), observed.text(), e.registeredBy(), e.link().hash(),
                            e.link().recordedAt());
                    break;
                }
            }
        }
    }

    /**
     * The hits of the traces answered in the last {@link #CATCH_UP} that no mark's projection raised,
     * because the views projected the mark first. Raises what is missing and nothing else: a hit already
     * raised stays as it is, resolved or not.
     */
    public void missed(Instant now) {
        List<Watched> recent = notFound(now.minus(CATCH_UP));
        if (recent.isEmpty()) {
            return;
        }
        for (Watched watched : recent) {
            String after = lowerBound(watched.trace.answeredAt);
            jdbc.query("SELECT m.item_id, m.text, m.mark_type, h.actor_id, h.recorded_at, h.record_hash FROM item_history h "
                    + "JOIN mark_index m ON m.item_id = h.item_id AND m.sequence = h.sequence "
                    + "WHERE h.recorded_at > ? AND h.type = 'ItemMarked' AND m.source = 'MARK' AND EXISTS (SELECT 1 "
                    + "FROM trace_watch w WHERE w.trace_id = ? AND (m.normalized LIKE w.pattern ESCAPE '\\' "
                    + "OR m.folded LIKE w.folded_pattern ESCAPE '\\')) ORDER BY m.item_id, m.sequence, m.position", rs -> {
                if (watched.trace.answeredBefore(rs.getString(5)) && absent(watched.trace, rs.getString(1))) {
                    markHit(watched.trace, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(6), rs.getString(5));
                }
            }, after, watched.trace.traceId);
        }
        // the observed markings of items registered unmarked since the earliest of these answers, read once for all
        Instant earliest = recent.stream().map(w -> w.trace.answeredAt).min(Instant::compareTo).orElseThrow();
        List<Observed> observed = jdbc.query("SELECT m.item_id, m.text, h.actor_id, h.recorded_at, h.record_hash "
                        + "FROM item_history h JOIN mark_index m ON m.item_id = h.item_id AND m.sequence = h.sequence "
                        + "WHERE h.recorded_at > ? AND h.type = 'ItemRegisteredUnmarked' AND m.source = 'OBSERVED' "
                        + "ORDER BY m.item_id, m.sequence, m.position",
                (rs, i) -> new Observed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                lowerBound(earliest));
        for (Watched watched : recent) {
            for (Observed o : observed) {
                if (watched.trace.answeredBefore(o.recordedAt) && watched.couldRead(o.text)
                        && absent(watched.trace, o.itemId)) {
                    observedHit(watched.trace, o.itemId, o.text, o.registeredBy, o.recordHash, o.recordedAt);
                }
            }
        }
    }

    /** An observed marking of an item registered unmarked, with its record. */
    private record Observed(String itemId, String text, String registeredBy, String recordedAt, String recordHash) {}

    /** The traces answered NOT_FOUND whose patterns this normalized mark fills, as is or with look-alikes folded. */
    private List<Trace> tracesFilledBy(String normalized) {
        return jdbc.query("SELECT DISTINCT t.trace_id, t.requester, t.requested_state, t.answered_at FROM trace_watch w "
                        + "JOIN trace_view t ON t.trace_id = w.trace_id WHERE t.status = 'NOT_FOUND' "
                        + "AND (? LIKE w.pattern ESCAPE '\\' OR ? LIKE w.folded_pattern ESCAPE '\\')",
                (rs, i) -> new Trace(rs.getString(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4))),
                normalized, MarkText.fold(normalized));
    }

    /** A trace answered NOT_FOUND and the markings it asked about, normalized. */
    private record Watched(Trace trace, List<String> markings) {
        boolean couldRead(String observedText) {
            String read = MarkText.normalize(observedText);
            return markings.stream().anyMatch(wanted -> MarkText.couldBeTheSame(read, wanted)
                    || MarkText.couldBeTheSame(MarkText.fold(read), MarkText.fold(wanted)));
        }
    }

    /** Traces answered NOT_FOUND, all of them or those answered since {@code since}. */
    private List<Watched> notFound(Instant since) {
        String sql = "SELECT trace_id, requester, requested_state, answered_at, request FROM trace_view "
                + "WHERE status = 'NOT_FOUND'";
        RowMapper<Watched> row = (rs, i) -> new Watched(new Trace(rs.getString(1),
                rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4))),
                TraceQueries.normalizedMarkings(rs.getBytes(5)));
        List<Watched> traces = since == null ? jdbc.query(sql, row)
                : jdbc.query(sql + " AND answered_at > ?", row, lowerBound(since));
        return since == null ? traces : traces.stream().filter(w -> !w.trace.answeredAt.isBefore(since)).toList();
    }

    /**
     * A string below every recorded time at or after {@code instant}: times are ISO-8601 with 0, 3, 6 or 9
     * fraction digits, which compare as strings only to the second, so the bound is a whole second earlier.
     */
    private static String lowerBound(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1).toString();
    }

    private boolean absent(Trace trace, String itemId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM alert WHERE alert_id = ?", Integer.class,
                alertId(trace, itemId)) == 0;
    }

    private void markHit(Trace trace, String itemId, String text, String markType, String markedBy, String recordHash,
                         String at) {
        raise(trace, itemId, AlertBook.facts().put("traceId", trace.traceId).put("markText", text)
                .put("markType", markType).put("markedBy", markedBy).put("recordHash", recordHash), at);
    }

    private void observedHit(Trace trace, String itemId, String text, String registeredBy, String recordHash, String at) {
        raise(trace, itemId, AlertBook.facts().put("traceId", trace.traceId).put("observedText", text)
                .put("registeredBy", registeredBy).put("recordHash", recordHash), at);
    }

    private void raise(Trace trace, String itemId, ObjectNode facts, String at) {
        alerts.raise(alertId(trace, itemId), AlertType.TRACE_HIT, "an item matching trace " + trace.traceId
                        + " (answered NOT_FOUND) was registered: " + itemId, List.of(itemId), facts,
                new AlertBook.Audience(trace.requestedState, null, trace.requester, true), at);
    }

    private static String alertId(Trace trace, String itemId) {
        return "hit:" + trace.traceId + ":" + itemId;
    }
}
