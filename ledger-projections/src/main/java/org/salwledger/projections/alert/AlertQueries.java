package org.salwledger.projections.alert;

import com.fasterxml.jackson.databind.JsonNode;
import org.salwledger.core.crypto.CanonicalJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

@Component
public class AlertQueries {
    static final int MAX_ITEMS_LISTED = 100;

    private final JdbcTemplate jdbc;

    public record Alert(String alertId, String type, String status, String summary, List<String> items, int itemCount,
                        JsonNode facts, String raisedAt, String resolvedAt, String resolution) {}

    /** Filters; {@code audience} null means every alert (investigators, auditors). */
    public record Filter(String type, String status, String itemId, Audience audience, int offset, int limit) {}

    /** What a reader may see: alerts of its country (authorities) or about itself; confidential ones only so. */
    public record Audience(String actorId, String authorityCountry, boolean seesAllOpen) {}

    public AlertQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Alert> find(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT a.alert_id, a.type, a.status, a.summary, a.facts, a.raised_at, "
                + "a.resolved_at, a.resolution FROM alert a WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.type() != null) {
            sql.append(" AND a.type = ?");
            args.add(filter.type());
        }
        if (filter.status() != null) {
            sql.append(" AND a.status = ?");
            args.add(filter.status());
        }
        if (filter.itemId() != null) {
            sql.append(" AND a.alert_id IN (SELECT alert_id FROM alert_item WHERE item_id = ?)");
            args.add(filter.itemId());
        }
        Audience audience = filter.audience();
        if (audience != null) {
            sql.append(" AND (a.actor_id = ?");
            args.add(audience.actorId());
            if (audience.authorityCountry() != null) {
                sql.append(" OR a.country = ? OR a.other_country = ?");
                args.add(audience.authorityCountry());
                args.add(audience.authorityCountry());
            }
            if (audience.seesAllOpen()) {
                sql.append(" OR a.confidential = FALSE");
            }
            sql.append(")");
        }
        sql.append(" ORDER BY a.raised_at DESC, a.alert_id LIMIT ? OFFSET ?");
        args.add(filter.limit());
        args.add(filter.offset());
        return jdbc.query(sql.toString(), (rs, i) -> {
            String id = rs.getString(1);
            List<String> items = jdbc.queryForList("SELECT item_id FROM alert_item WHERE alert_id = ? ORDER BY item_id "
                    + "LIMIT " + MAX_ITEMS_LISTED, String.class, id);
            int count = items.size() < MAX_ITEMS_LISTED ? items.size()
                    : jdbc.queryForObject("SELECT COUNT(*) FROM alert_item WHERE alert_id = ?", Integer.class, id);
            return new Alert(id, rs.getString(2), rs.getString(3), rs.getString(4), items, count, json(rs.getBytes(5)),
                    rs.getString(6), rs.getString(7), rs.getString(8));
        }, args.toArray());
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return CanonicalJson.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
