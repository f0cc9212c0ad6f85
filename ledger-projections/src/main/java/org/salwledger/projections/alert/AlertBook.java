package org.salwledger.projections.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.crypto.CanonicalJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Raises and resolves diversion alerts. An alert has a stable id (its type and what it is about), so
 * raising twice is harmless and a condition that holds again reopens it.
 */
@Component
public class AlertBook {
    private final JdbcTemplate jdbc;

    /** Who an alert concerns: the State(s) whose AUTHORITY sees it, and an actor; confidential ones only them. */
    public record Audience(String country, String otherCountry, String actorId, boolean confidential) {}

    public AlertBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void raise(String alertId, AlertType type, String summary, Collection<String> itemIds, ObjectNode facts,
                      Audience audience, String at) {
        List<String> status = jdbc.queryForList("SELECT status FROM alert WHERE alert_id = ?", String.class, alertId);
        if (!status.isEmpty()) {
            if (status.get(0).equals("RESOLVED")) {
                jdbc.update("UPDATE alert SET status = 'OPEN', resolved_at = NULL, resolution = NULL, raised_at = ? "
                        + "WHERE alert_id = ?", at, alertId);
            }
            return;
        }
        jdbc.update("INSERT INTO alert (alert_id, type, status, summary, facts, country, other_country, actor_id, "
                        + "confidential, raised_at) VALUES (?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?)", alertId, type.name(),
                summary, CanonicalJson.canonicalize(facts), audience.country(), audience.otherCountry(),
                audience.actorId(), audience.confidential(), at);
        List<Object[]> rows = new ArrayList<>();
        itemIds.stream().distinct().forEach(item -> rows.add(new Object[] {alertId, item}));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO alert_item (alert_id, item_id) VALUES (?, ?)", rows);
        }
    }

    public void resolve(String alertId, String resolution, String at) {
        jdbc.update("UPDATE alert SET status = 'RESOLVED', resolved_at = ?, resolution = ? WHERE alert_id = ? "
                + "AND status = 'OPEN'", at, resolution, alertId);
    }

    /** Resolves the open alerts of these types about an item. */
    public void resolveForItem(String itemId, String resolution, String at, AlertType... types) {
        for (AlertType type : types) {
            jdbc.update("UPDATE alert SET status = 'RESOLVED', resolved_at = ?, resolution = ? WHERE status = 'OPEN' "
                    + "AND type = ? AND alert_id IN (SELECT alert_id FROM alert_item WHERE item_id = ?)",
                    at, resolution, type.name(), itemId);
        }
    }

    /**
     * Raises the alert of one occurrence that several records report (a weapon and the parts installed
     * in it, recovered by one command), or names one more item on it. Views see those records in any
     * order, in parallel segments: two may raise it at once, and the database keeps one. The alert is
     * never reopened here: the occurrence is the same.
     */
    public void raiseOrJoin(String alertId, AlertType type, String summary, String itemId, ObjectNode facts,
                            Audience audience, String at) {
        jdbc.update("INSERT INTO alert (alert_id, type, status, summary, facts, country, other_country, actor_id, "
                        + "confidential, raised_at) VALUES (?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                alertId, type.name(), summary, CanonicalJson.canonicalize(facts), audience.country(),
                audience.otherCountry(), audience.actorId(), audience.confidential(), at);
        jdbc.update("INSERT INTO alert_item (alert_id, item_id) VALUES (?, ?) ON CONFLICT DO NOTHING", alertId, itemId);
    }

    public boolean isOpen(String alertId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM alert WHERE alert_id = ? AND status = 'OPEN'", Integer.class,
                alertId) > 0;
    }

    /** The ids of the open alerts of a type, for scanners that resolve what no longer holds. */
    public List<String> open(AlertType type) {
        return jdbc.queryForList("SELECT alert_id FROM alert WHERE status = 'OPEN' AND type = ?", String.class, type.name());
    }

    public static ObjectNode facts() {
        return CanonicalJson.mapper().createObjectNode();
    }
}
