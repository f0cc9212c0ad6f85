package org.salwledger.projections.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.projections.item.ItemQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The alerts that time raises: overdue transfers, marks still missing, trace requests not acknowledged
 * or answered in time, and refusals on items still lost or stolen; and the trace hits the views could
 * not see as the records arrived ({@link TraceHits#missed}). Each sweep raises what holds now
 * and resolves what no longer does, so alerts clear themselves when the facts change. The service
 * decides when to sweep; the queries over the views live here, with the views.
 */
@Component
public class AlertSweep {
    private final JdbcTemplate jdbc;
    private final AlertBook alerts;
    private final ItemQueries items;
    private final TraceHits traceHits;

    /** How long each obligation may stay open before it is an alert. */
    public record Deadlines(Duration mark, Duration traceAcknowledgement, Duration traceAnswer,
                            Duration traceInformation) {}

    private record Due(String alertId, String summary, Supplier<List<String>> items, ObjectNode facts,
                       AlertBook.Audience audience) {}

    public AlertSweep(JdbcTemplate jdbc, AlertBook alerts, ItemQueries items, TraceHits traceHits) {
        this.jdbc = jdbc;
        this.traceHits = traceHits;
        this.alerts = alerts;
        this.items = items;
    }

    /** Call in a transaction: the alerts raised and resolved are one consistent view of {@code now}. */
    public void sweep(Instant now, Deadlines deadlines) {
        String today = now.atZone(ZoneOffset.UTC).toLocalDate().toString();
        apply(AlertType.TRANSFER_OVERDUE, overdueTransfers(today), now, "the transfer was received or rejected");
        apply(AlertType.MARK_MISSING, missingMarks(now.minus(deadlines.mark())), now, "the mark was recorded");
        apply(AlertType.TRACE_UNACKNOWLEDGED, unacknowledgedTraces(now.minus(deadlines.traceAcknowledgement())), now,
                "acknowledged");
        apply(AlertType.TRACE_UNANSWERED, unansweredTraces(now.minus(deadlines.traceAnswer()), today), now,
                "answered, or waiting for the requester's information");
        apply(AlertType.TRACE_INFORMATION_OVERDUE, informationOverdue(now.minus(deadlines.traceInformation())), now,
                "the information came, or the trace was answered");
        apply(AlertType.REFUSED_LOST_OR_STOLEN, refusalsOnMissingItems(), now, "the item is no longer lost or stolen");
        traceHits.missed(now);
    }

    /** Keeps, outside the rolled-back command, that someone tried to act on an item that is lost or stolen. */
    public void recordRefusal(String itemId, String code, String actorId, String country, String commandType, Instant at) {
        jdbc.update("INSERT INTO refused_command (item_id, code, actor_id, country, command_type, refused_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", itemId, code, actorId, country, commandType, at.toString());
    }

    private void apply(AlertType type, Map<String, Due> due, Instant now, String resolution) {
        String at = now.toString();
        for (Due d : due.values()) {
            if (!alerts.isOpen(d.alertId())) {
                alerts.raise(d.alertId(), type, d.summary(), d.items().get(), d.facts(), d.audience(), at);
            }
        }
        for (String open : alerts.open(type)) {
            if (!due.containsKey(open)) {
                alerts.resolve(open, resolution, at);
            }
        }
    }

    private Map<String, Due> overdueTransfers(String today) {
        Map<String, Due> due = new HashMap<>();
        jdbc.query("SELECT transfer_id, kind, sender, sender_country, consignee, consignee_country, due_by, item_count "
                + "FROM transfer_view WHERE state = 'DISPATCHED' AND due_by < ?", rs -> {
            String transfer = rs.getString(1);
            String id = "overdue:" + transfer;
            due.put(id, new Due(id, rs.getString(2) + " transfer " + transfer + " from " + rs.getString(3) + " to "
                    + rs.getString(5) + " (" + rs.getInt(8) + " items) was due by " + rs.getString(7) + " and is not received",
                    () -> jdbc.queryForList("SELECT item_id FROM transfer_item WHERE transfer_id = ?", String.class, transfer),
                    AlertBook.facts().put("transferId", transfer).put("kind", rs.getString(2)).put("sender", rs.getString(3))
                            .put("consignee", rs.getString(5)).put("dueBy", rs.getString(7)),
                    new AlertBook.Audience(rs.getString(4), rs.getString(6), rs.getString(3), false)));
        }, today);
        return due;
    }

    /**
     * Obligations still open after the deadline. A weapon's is met by the mark of that type and country
     * on the identity component installed in it (where a weapon's marks live); a part installed in a
     * weapon owes nothing of its own.
     */
    private Map<String, Due> missingMarks(Instant sinceBefore) {
        Map<String, Due> due = new HashMap<>();
        jdbc.query("""
                SELECT o.item_id, o.mark_type, o.country, o.since FROM mark_obligation o
                LEFT JOIN item_view w ON w.item_id = o.item_id
                WHERE o.fulfilled_at IS NULL AND o.since < ? AND w.installed_in IS NULL
                AND NOT EXISTS (SELECT 1 FROM composition c JOIN item_view p ON p.item_id = c.part_id
                    JOIN item_marking m ON m.item_id = c.part_id
                    WHERE c.host_id = o.item_id AND c.detached_at IS NULL AND p.part_type = w.identity_component
                    AND m.mark_type = o.mark_type AND COALESCE(m.country, o.country) = o.country)""",
                rs -> {
                    String item = rs.getString(1);
                    String id = "mark:" + item + ":" + rs.getString(2);
                    due.put(id, new Due(id, rs.getString(2) + " mark of " + rs.getString(3) + " still missing on item "
                            + item + " (due since " + rs.getString(4) + ")", () -> withIdentityComponent(item),
                            AlertBook.facts().put("markType", rs.getString(2)).put("country", rs.getString(3))
                                    .put("since", rs.getString(4)),
                            new AlertBook.Audience(rs.getString(3), null, null, false)));
                }, sinceBefore.toString());
        return due;
    }

    /** What is said of a weapon is said of its identity component: the alert names both. */
    private List<String> withIdentityComponent(String item) {
        List<String> named = new java.util.ArrayList<>(List.of(item));
        items.identityComponentOf(item).ifPresent(named::add);
        return named;
    }

    private Map<String, Due> unacknowledgedTraces(Instant submittedBefore) {
        return traces("unacknowledged:", "submitted_at", "status = 'SUBMITTED' AND submitted_at < ?",
                (requester, requestedState, since) -> "not acknowledged by " + requestedState + " since " + since,
                submittedBefore.toString());
    }

    private Map<String, Due> unansweredTraces(Instant acknowledgedBefore, String today) {
        return traces("unanswered:", "status", "(status = 'ACKNOWLEDGED' AND COALESCE(information_provided_at, "
                        + "acknowledged_at) < ?) OR (status = 'DELAYED' AND delayed_until < ?)",
                (requester, requestedState, status) -> "not answered by " + requestedState + " in time (" + status + ")",
                acknowledgedBefore.toString(), today);
    }

    private Map<String, Due> informationOverdue(Instant askedBefore) {
        return traces("information:", "information_requested_at",
                "status = 'INFO_REQUESTED' AND information_requested_at < ?",
                (requester, requestedState, since) -> "waits since " + since + " for the information " + requestedState
                        + " asked of " + requester, askedBefore.toString());
    }

    /** What a late trace alert says, from the trace's parties and the one column {@link #traces} reads for it. */
    private interface TraceLateness {
        String describe(String requester, String requestedState, String detail);
    }

    /** A trace alert, id {@code prefix + traceId}, for every trace the condition selects. */
    private Map<String, Due> traces(String prefix, String detailColumn, String condition, TraceLateness lateness,
                                    Object... args) {
        Map<String, Due> due = new HashMap<>();
        jdbc.query("SELECT trace_id, requester, requester_country, requested_state, " + detailColumn
                + " FROM trace_view WHERE " + condition, rs -> {
            String traceId = rs.getString(1);
            String id = prefix + traceId;
            due.put(id, trace(id, traceId, lateness.describe(rs.getString(2), rs.getString(4), rs.getString(5)),
                    rs.getString(2), rs.getString(3), rs.getString(4)));
        }, args);
        return due;
    }

    private static Due trace(String id, String traceId, String what, String requester, String requesterCountry,
                             String requestedState) {
        return new Due(id, "trace request " + traceId + " " + what, List::of,
                AlertBook.facts().put("traceId", traceId).put("requester", requester).put("requestedState", requestedState),
                new AlertBook.Audience(requestedState, requesterCountry, requester, true));
    }

    private Map<String, Due> refusalsOnMissingItems() {
        Map<String, Due> due = new HashMap<>();
        jdbc.query("SELECT r.refusal_id, r.item_id, r.code, r.actor_id, r.country, r.command_type, r.refused_at, v.status "
                + "FROM refused_command r JOIN item_view v ON v.item_id = r.item_id WHERE v.status IN ('LOST', 'STOLEN')",
                rs -> {
                    String item = rs.getString(2);
                    String id = "refused:" + rs.getLong(1);
                    due.put(id, new Due(id, rs.getString(6) + " by " + rs.getString(4) + " refused: item " + item + " is "
                            + rs.getString(8), () -> withIdentityComponent(item), AlertBook.facts().put("actor", rs.getString(4))
                            .put("commandType", rs.getString(6)).put("code", rs.getString(3))
                            .put("refusedAt", rs.getString(7)),
                            new AlertBook.Audience(rs.getString(5), null, rs.getString(4), false)));
                });
        return due;
    }
}
