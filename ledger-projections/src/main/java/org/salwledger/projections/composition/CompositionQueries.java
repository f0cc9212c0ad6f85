package org.salwledger.projections.composition;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Component
public class CompositionQueries {
    private final JdbcTemplate jdbc;

    public record InstalledPart(String partId, String partType, String model, Instant assembledAt,
                                String assembledHash) {}

    /** The host a part was last taken from, when it sits in none now. */
    public record Detachment(String hostId, Instant detachedAt) {}

    public CompositionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The parts installed in the host at the instant: assembled at or before it, not detached by then. */
    public List<InstalledPart> partsAt(String hostId, Instant at) {
        Timestamp t = Timestamp.from(at);
        return jdbc.query("""
                SELECT c.part_id, i.part_type, i.model, c.assembled_at, c.assembled_hash
                FROM composition c LEFT JOIN item_view i ON i.item_id = c.part_id
                WHERE c.host_id = ? AND c.assembled_at <= ? AND (c.detached_at IS NULL OR c.detached_at > ?)
                ORDER BY c.assembled_at""",
                (rs, i) -> new InstalledPart(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)), hostId, t, t);
    }

    /** Every part that was ever installed in the host, in the order first assembled. */
    public List<String> partsEver(String hostId) {
        return jdbc.queryForList("SELECT part_id FROM composition WHERE host_id = ? GROUP BY part_id "
                + "ORDER BY MIN(assembled_at), part_id", String.class, hostId);
    }

    /** Where the part was last installed, if it was and is not installed anywhere now. */
    public Optional<Detachment> lastDetachment(String partId) {
        return jdbc.query("""
                SELECT c.host_id, c.detached_at FROM composition c WHERE c.part_id = ? AND NOT EXISTS
                  (SELECT 1 FROM composition l WHERE l.part_id = c.part_id AND l.assembled_at > c.assembled_at)""",
                (rs, i) -> rs.getTimestamp(2) == null ? null
                        : new Detachment(rs.getString(1), rs.getTimestamp(2).toInstant()), partId)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }
}
