package org.salwledger.api.integrity;

import org.salwledger.api.store.DatabaseProduct;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.projections.log.IntegrityViolation;
import org.salwledger.projections.log.LogIntegrity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before a command's records commit, the write side must agree with the log: no new record may take a
 * position the log already committed to another record (which happens when records were deleted from
 * the event store behind the service's back), and the record it follows must be the one the log holds.
 * One indexed lookup per stream the command touches.
 */
@Component
public class LogAgreement {
    private final JdbcTemplate jdbc;
    private final LogIntegrity integrity;
    /**
     * How the positions are asked for. As {@code (stream, sequence) IN (…)}, H2 finds the rows by the index and then
     * tests each against the whole list of parameters: a 10,000-item receipt spent 20 % of its writer's time there
     * (async-profiler). Joined as rows of {@code VALUES}, H2 looks each up in the index and tests nothing more.
     * PostgreSQL plans that join as a hash join over a scan of the whole log, and the {@code IN} list as index scans.
     * A command of a few streams (most commands: one) keeps the list on H2 too, whose test is then short.
     */
    private final boolean joinOnH2;

    public LogAgreement(JdbcTemplate jdbc, LogIntegrity integrity) {
        this.jdbc = jdbc;
        this.integrity = integrity;
        this.joinOnH2 = DatabaseProduct.isH2(jdbc.getDataSource());
    }

    /** Streams per query: a 10,000-item transfer is checked in 25 queries, not 10,000. */
    private static final int CHUNK = 400;
    /** Up to this many streams, H2 gets the list too. */
    private static final int FEW_STREAMS = 8;

    public void check(List<LedgerEvent> events) {
        Map<String, LedgerEvent> firstPerStream = new LinkedHashMap<>();
        events.forEach(event -> firstPerStream.putIfAbsent(event.link().stream(), event));
        List<LedgerEvent> firsts = new ArrayList<>(firstPerStream.values());
        for (int from = 0; from < firsts.size(); from += CHUNK) {
            checkChunk(firsts.subList(from, Math.min(firsts.size(), from + CHUNK)));
        }
    }

    private void checkChunk(List<LedgerEvent> firsts) {
        boolean positionsAsRows = joinOnH2 && firsts.size() > FEW_STREAMS;
        Map<String, LedgerEvent> byStream = new HashMap<>();
        List<Object> args = new ArrayList<>();
        StringBuilder pairs = new StringBuilder();
        String pair = positionsAsRows ? "(CAST(? AS VARCHAR(80)), CAST(? AS BIGINT))" : "(?, ?)";
        for (LedgerEvent first : firsts) {
            var link = first.link();
            byStream.put(link.stream(), first);
            pairs.append(pairs.isEmpty() ? "" : ", ").append(pair).append(", ").append(pair);
            args.addAll(List.of(link.stream(), link.sequence(), link.stream(), link.sequence() - 1));
        }
        String query = positionsAsRows
                ? "SELECT l.stream, l.sequence, l.record_hash FROM (VALUES " + pairs + ") AS w (stream, sequence) "
                        + "JOIN log_leaf l ON l.stream = w.stream AND l.sequence = w.sequence"
                : "SELECT stream, sequence, record_hash FROM log_leaf WHERE (stream, sequence) IN (" + pairs + ")";
        jdbc.query(query,
                rs -> {
                    var link = byStream.get(rs.getString(1)).link();
                    long sequence = rs.getLong(2);
                    String where = IntegrityViolation.record(link.stream(), sequence);
                    // The command's own records are already inserted in this transaction; a concurrent twin at the
                    // same position would have failed that insert. A leaf here is a record the store lost.
                    if (sequence == link.sequence()) {
                        throw integrity.report(new IntegrityViolation(where, "the log committed to a record at this "
                                + "position that the event store no longer has; refusing to write another there"));
                    }
                    if (!rs.getString(3).equals(link.prevHash())) {
                        throw integrity.report(new IntegrityViolation(where, "the write side's chain no longer ends "
                                + "with the record the log holds here"));
                    }
                }, args.toArray());
    }
}
