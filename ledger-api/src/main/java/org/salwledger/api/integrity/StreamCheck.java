package org.salwledger.api.integrity;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.crypto.Sha256;
import org.salwledger.projections.log.IntegrityViolation;
import org.salwledger.projections.log.LogIntegrity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Before a stream's records are served, they are rechecked (one stream is cheap): sequences from 0
 * without a gap, each record's hash recomputed, each prevHash linking to the record before, each
 * envelope hashing to its envelopeHash, and every leaf the log holds for the stream naming the same
 * record. A history that does not match its chain is not served.
 */
@Component
public class StreamCheck {
    private final JdbcTemplate jdbc;
    private final LogIntegrity integrity;

    public StreamCheck(JdbcTemplate jdbc, LogIntegrity integrity) {
        this.jdbc = jdbc;
        this.integrity = integrity;
    }

    /** @param envelopes the stored envelope bytes of each event (null where it has none) */
    public void verify(String stream, List<LedgerEvent> events, List<byte[]> envelopes) {
        String prevHash = LedgerRecords.GENESIS;
        for (int i = 0; i < events.size(); i++) {
            var link = events.get(i).link();
            String where = IntegrityViolation.record(stream, i);
            if (link.sequence() != i) {
                fail(where, "the event store holds " + stream + "/" + link.sequence() + " at this position");
            }
            if (!LedgerRecords.hashMatches(events.get(i))) {
                fail(where, "its hash does not match its content");
            }
            if (!link.prevHash().equals(prevHash)) {
                fail(where, "its prevHash does not link to the record before");
            }
            if (link.envelopeHash() != null
                    && (envelopes.get(i) == null || !Sha256.hex(envelopes.get(i)).equals(link.envelopeHash()))) {
                fail(where, "its envelope was replaced or removed");
            }
            prevHash = link.hash();
        }
        jdbc.query("SELECT sequence, record_hash FROM log_leaf WHERE stream = ?", rs -> {
            long sequence = rs.getLong(1);
            String where = IntegrityViolation.record(stream, sequence);
            if (sequence >= events.size()) {
                fail(where, "the log has this record but the event store does not");
            }
            if (!events.get((int) sequence).link().hash().equals(rs.getString(2))) {
                fail(where, "the event store holds another record than the one the log committed to");
            }
        }, stream);
    }

    private void fail(String where, String what) {
        throw integrity.report(new IntegrityViolation(where, what));
    }
}
