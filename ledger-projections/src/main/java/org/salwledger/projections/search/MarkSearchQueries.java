package org.salwledger.projections.search;

import org.salwledger.core.item.marking.MarkText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds items by what is left of a marking. Matches come in tiers, best first: EXACT (normalized text
 * equal), WILDCARD (the query's unknowns, or an observed marking's, filled in), LOOK_ALIKE and
 * LOOK_ALIKE_WILDCARD (the same on folded text); within a tier fewer unknowns rank first. Every
 * tier reads an index range: the normalized or folded form by its known prefix, or the reversed
 * form by its known suffix, whichever is longer.
 * <p>
 * A part installed in a host is found as what it is part of: each hit names the host it sits in now
 * (or, once detached, the host it was last taken from, and when), and the descriptive filters (kind,
 * category, calibre, manufacturer, country) match the item or that host, so a search for a WEAPON finds the pistol through the serial on its fire-control unit.
 */
@Component
public class MarkSearchQueries {
    public enum Match { EXACT, WILDCARD, LOOK_ALIKE, LOOK_ALIKE_WILDCARD }

    public record Filters(String manufacturer, String country, String category, String calibre, String kind) {}

    public record Hit(String itemId, Match match, int unknowns, String matchedText, String source, String markType,
                      String status, String custodian, String kind, String category, String partType, String make,
                      String model, String calibre, String manufacturer, String countryOfManufacture,
                      Host installedIn, Host formerlyInstalledIn) {
        /** The weapon the item is part of: the host it sits in now, else the one it was last detached from. */
        public Host host() {
            return installedIn != null ? installedIn : formerlyInstalledIn;
        }
    }

    /**
     * A host a matched part sits in ({@code detachedAt} null) or was last detached from: a fire-control
     * unit found alone is still reported as the pistol it was taken from, and when.
     */
    public record Host(String itemId, String kind, String category, String make, String model, String calibre,
                       String identityComponent, Instant detachedAt) {}

    private final JdbcTemplate jdbc;

    public MarkSearchQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The best hit per item, ranked, at most {@code limit}. */
    public List<Hit> search(String query, Filters filters, int limit) {
        String normalized = MarkText.normalize(query);
        String folded = MarkText.fold(normalized);
        int queryUnknowns = MarkText.unknowns(normalized);
        List<Hit> hits = new ArrayList<>();
        if (queryUnknowns == 0) {
            hits.addAll(tier(Match.EXACT, "mark_index", "m.normalized = ?", List.of(normalized), filters, queryUnknowns, limit));
            hits.addAll(tier(Match.WILDCARD, "mark_pattern", "? LIKE m.pattern ESCAPE '\\'", List.of(normalized),
                    filters, queryUnknowns, limit));
            hits.addAll(tier(Match.LOOK_ALIKE, "mark_index", "m.folded = ?", List.of(folded), filters, queryUnknowns, limit));
            hits.addAll(tier(Match.LOOK_ALIKE_WILDCARD, "mark_pattern", "? LIKE m.folded_pattern ESCAPE '\\'",
                    List.of(folded), filters, queryUnknowns, limit));
        } else {
            hits.addAll(patternTier(Match.WILDCARD, "normalized", normalized, filters, queryUnknowns, limit));
            hits.addAll(patternTier(Match.LOOK_ALIKE_WILDCARD, "folded", folded, filters, queryUnknowns, limit));
        }
        Map<String, Hit> best = new LinkedHashMap<>();
        hits.stream().sorted(Comparator.comparing(Hit::match).thenComparingInt(Hit::unknowns)
                        .thenComparing(Hit::itemId))
                .forEach(hit -> best.putIfAbsent(hit.itemId(), hit));
        return best.values().stream().limit(limit).toList();
    }

    private List<Hit> patternTier(Match match, String column, String pattern, Filters filters, int queryUnknowns,
                                  int limit) {
        String prefix = MarkText.knownPrefix(pattern);
        String suffix = MarkText.knownPrefix(MarkText.reverse(pattern));
        List<Object> args = new ArrayList<>();
        // "pattern IS NULL" (not "unknowns = 0") so the planner reads the range below, not the unknowns index
        StringBuilder where = new StringBuilder("m.pattern IS NULL AND m." + column + " LIKE ? ESCAPE '\\'");
        args.add(MarkText.likePattern(pattern));
        if (!prefix.isEmpty() && prefix.length() >= suffix.length()) {
            where.append(" AND m.").append(column).append(" >= ? AND m.").append(column).append(" < ?");
            args.add(prefix);
            args.add(prefix + Character.MAX_VALUE);
        } else if (!suffix.isEmpty()) {
            where.append(" AND m.").append(column).append("_rev >= ? AND m.").append(column).append("_rev < ?");
            args.add(suffix);
            args.add(suffix + Character.MAX_VALUE);
        }
        return tier(match, "mark_index", where.toString(), args, filters, queryUnknowns, limit);
    }

    /** One tier over {@code table}: mark_index, or mark_pattern for the observed markings with unknowns. */
    private List<Hit> tier(Match match, String table, String condition, List<Object> conditionArgs, Filters filters,
                           int queryUnknowns, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT m.item_id, m.unknowns, m.text, m.source, m.mark_type, v.status, v.custodian, v.kind,
                  v.category, v.part_type, v.make, v.model, v.calibre, v.manufacturer, v.country_of_manufacture,
                  h.item_id, h.kind, h.category, h.make, h.model, h.calibre, h.identity_component,
                  f.item_id, f.kind, f.category, f.make, f.model, f.calibre, f.identity_component, c.detached_at
                FROM\s""").append(table).append("""
                 m JOIN item_view v ON v.item_id = m.item_id
                LEFT JOIN item_view h ON h.item_id = v.installed_in
                LEFT JOIN composition c ON v.installed_in IS NULL AND c.part_id = v.item_id
                  AND c.detached_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM composition l
                    WHERE l.part_id = c.part_id AND l.assembled_at > c.assembled_at)
                LEFT JOIN item_view f ON f.item_id = c.host_id
                WHERE\s""").append(condition);
        List<Object> args = new ArrayList<>(conditionArgs);
        filter(sql, args, "manufacturer", filters.manufacturer());
        filter(sql, args, "country_of_manufacture", filters.country());
        filter(sql, args, "category", filters.category());
        filter(sql, args, "kind", filters.kind());
        if (filters.calibre() != null) {
            sql.append(" AND (UPPER(v.calibre) = UPPER(?) OR UPPER(h.calibre) = UPPER(?) OR UPPER(f.calibre) = UPPER(?))");
            args.add(filters.calibre());
            args.add(filters.calibre());
            args.add(filters.calibre());
        }
        sql.append(" ORDER BY m.unknowns, m.item_id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new Hit(rs.getString(1), match, queryUnknowns + rs.getInt(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                rs.getString(14), rs.getString(15), host(rs, 16, null), host(rs, 23, rs.getTimestamp(30))),
                args.toArray());
    }

    private static Host host(ResultSet rs, int first, Timestamp detachedAt) throws SQLException {
        return rs.getString(first) == null ? null : new Host(rs.getString(first), rs.getString(first + 1),
                rs.getString(first + 2), rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5),
                rs.getString(first + 6), detachedAt == null ? null : detachedAt.toInstant());
    }

    /** The item, the host it is installed in or the host it was last detached from has the value. */
    private static void filter(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND (v.").append(column).append(" = ? OR h.").append(column).append(" = ? OR f.")
                    .append(column).append(" = ?)");
            args.add(value);
            args.add(value);
            args.add(value);
        }
    }
}
