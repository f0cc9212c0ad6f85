package org.salwledger.api.integrity;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.projections.log.IntegrityViolation;
import org.salwledger.projections.log.LogIntegrity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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

    public LogAgreement(JdbcTemplate jdbc, LogIntegrity integrity) {
        this.jdbc = jdbc;
        this.integrity = integrity;
    }

    public void check(List<LedgerEvent> events) {
        Map<String, LedgerEvent> firstPerStream = new LinkedHashMap<>();
        events.forEach(event -> firstPerStream.putIfAbsent(event.link().stream(), event));
        for (LedgerEvent first : firstPerStream.values()) {
            var link = first.link();
            jdbc.query("SELECT sequence, record_hash FROM log_leaf WHERE stream = ? AND sequence IN (?, ?)", rs -> {
                long sequence = rs.getLong(1);
                String where = IntegrityViolation.record(link.stream(), sequence);
                // The command's own records are already inserted in this transaction; a concurrent twin at the
                // same position would have failed that insert. A leaf here is a record the store lost.
                if (sequence == link.sequence()) {
                    throw integrity.report(new IntegrityViolation(where, "the log committed to a record at this "
                            + "position that the event store no longer has; refusing to write another there"));
                }
                if (sequence == link.sequence() - 1 && !rs.getString(2).equals(link.prevHash())) {
                    throw integrity.report(new IntegrityViolation(where, "the write side's chain no longer ends "
                            + "with the record the log holds here"));
                }
            }, link.stream(), link.sequence(), link.sequence() - 1);
        }
    }
}
