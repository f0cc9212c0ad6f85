package org.salwledger.projections.trace;

import com.fasterxml.jackson.databind.JsonNode;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.item.marking.MarkText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

@Component
public class TraceQueries {
    private final JdbcTemplate jdbc;

    public record TraceView(String traceId, String requester, String requesterCountry, String requestedState,
                            String status, String priority, JsonNode request, String submittedAt,
                            String acknowledgedAt, String answeredAt, String delayedUntil) {}

    public record Step(long sequence, String type, String actorId, String recordedAt, JsonNode facts, String recordHash) {}

    public record Read(String reader, String role, String country, boolean allowed, String readAt) {}

    public TraceQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS = "trace_id, requester, requester_country, requested_state, status, priority, "
            + "request, submitted_at, acknowledged_at, answered_at, delayed_until";

    public Optional<TraceView> find(String traceId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM trace_view WHERE trace_id = ?", (rs, i) -> view(rs), traceId)
                .stream().findFirst();
    }

    /** Traces the actor requested, or addressed to its State when it is an AUTHORITY. */
    public List<TraceView> visibleTo(String actorId, String authorityCountry) {
        return jdbc.query("SELECT " + COLUMNS + " FROM trace_view WHERE requester = ? OR requested_state = ? "
                + "ORDER BY submitted_at DESC, trace_id LIMIT 500", (rs, i) -> view(rs), actorId, authorityCountry);
    }

    public List<Step> steps(String traceId) {
        return jdbc.query("SELECT sequence, type, actor_id, recorded_at, facts, record_hash FROM trace_step "
                        + "WHERE trace_id = ? ORDER BY sequence", (rs, i) -> new Step(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), json(rs.getBytes(5)), rs.getString(6)), traceId);
    }

    public List<Read> reads(String traceId) {
        return jdbc.query("SELECT reader, role, country, allowed, read_at FROM trace_read WHERE trace_id = ? "
                        + "ORDER BY read_id", (rs, i) -> new Read(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getTimestamp(5).toInstant().toString()), traceId);
    }

    public void recordRead(String traceId, String reader, String role, String country, boolean allowed,
                           java.time.Instant at) {
        jdbc.update("INSERT INTO trace_read (trace_id, reader, role, country, allowed, read_at) VALUES (?, ?, ?, ?, ?, ?)",
                traceId, reader, role, country, allowed, java.sql.Timestamp.from(at));
    }

    private static TraceView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new TraceView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), json(rs.getBytes(7)), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11));
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return CanonicalJson.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request's observed markings (its recorded facts) as {@link MarkText} normalizes them: what hits match. */
    public static List<String> normalizedMarkings(byte[] request) {
        try {
            List<String> markings = new java.util.ArrayList<>();
            CanonicalJson.mapper().readTree(request).path("observedMarkings")
                    .forEach(m -> markings.add(MarkText.normalize(m.path("text").asText())));
            return markings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
