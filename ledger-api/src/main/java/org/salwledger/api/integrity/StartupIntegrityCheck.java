package org.salwledger.api.integrity;

import org.salwledger.api.config.LedgerProperties;
import org.salwledger.api.log.LogKey;
import org.salwledger.api.store.EnvelopeStore;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.crypto.Sha256;
import org.salwledger.core.log.MerkleHashes;
import org.salwledger.core.log.SignedNote;
import org.salwledger.projections.log.IntegrityViolation;
import org.salwledger.projections.log.LogAnchor;
import org.salwledger.projections.log.LogIntegrity;
import org.salwledger.projections.log.LogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Before the service starts its processors and its web server, it checks that the log still holds what
 * it last signed and that the log's tail matches the event store: the stored tree reproduces the root
 * of the anchored checkpoint, and the last {@code ledger.integrity.tail-records} leaves are recomputed
 * from their stored bytes, from the event store's record and from the envelope that caused it. The cost
 * is O(tail + log n), whatever the ledger's size; {@code ledger verify} is the full scan. On a mismatch
 * the ledger starts DOWN, appends and signs nothing, and says which record broke.
 */
@Component
public class StartupIntegrityCheck implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(StartupIntegrityCheck.class);

    private final LogStore store;
    private final LogAnchor anchor;
    private final LogIntegrity integrity;
    private final LogKey key;
    private final JdbcTemplate jdbc;
    private final StoredRecords records;
    private final EnvelopeStore envelopes;
    private final int tailRecords;

    public StartupIntegrityCheck(LogStore store, LogAnchor anchor, LogIntegrity integrity, LogKey key, JdbcTemplate jdbc,
                                 StoredRecords records, EnvelopeStore envelopes, LedgerProperties properties) {
        this.store = store;
        this.anchor = anchor;
        this.integrity = integrity;
        this.key = key;
        this.jdbc = jdbc;
        this.records = records;
        this.envelopes = envelopes;
        this.tailRecords = properties.integrity() == null ? 1000 : properties.integrity().tailRecords();
    }

    /** What the check found: log size, the anchored size, and how many records it recomputed. */
    public record Result(long size, long signedSize, long recomputed, long millis) {}

    @Override
    public void afterSingletonsInstantiated() {
        try {
            Result result = check();
            log.info("Integrity check passed: log of {} records, last signed checkpoint {} ({}), last {} records "
                    + "recomputed, in {} ms", result.size(), result.signedSize(), anchor.file(), result.recomputed(),
                    result.millis());
        } catch (IntegrityViolation violation) {
            integrity.report(violation);
        }
    }

    public Result check() {
        long started = System.nanoTime();
        long size = store.size();
        adoptStoredCheckpointIfNoAnchor();
        var signed = anchor.last();
        if (signed.isPresent()) {
            try {
                SignedNote.open(signed.get().note(), List.of(key.verifierKey()));
            } catch (IllegalArgumentException e) {
                throw new IntegrityViolation("log anchor " + anchor.file(),
                        "the last signed checkpoint does not verify with this log's key: " + e.getMessage());
            }
            long signedSize = signed.get().size();
            if (size < signedSize) {
                throw new IntegrityViolation("log size " + size, "the log holds " + size + " leaves but a checkpoint of "
                        + "size " + signedSize + " was signed: leaves were removed");
            }
            if (!Arrays.equals(store.tree().root(signedSize), signed.get().checkpoint().rootHash())) {
                throw new IntegrityViolation("log size " + signedSize, "the stored log no longer reproduces the root "
                        + "of the checkpoint of size " + signedSize + " it signed");
            }
        }
        long from = Math.max(0, size - tailRecords);
        long recomputed = checkTail(from, size);
        return new Result(size, anchor.signedSize(), recomputed, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A ledger that signed checkpoints before anchors existed (or whose anchor file was lost) adopts the
     * latest stored checkpoint once, if this log's key signed it; the loss of the file is logged.
     */
    private void adoptStoredCheckpointIfNoAnchor() {
        if (anchor.last().isPresent()) {
            return;
        }
        jdbc.query("SELECT note FROM log_checkpoint ORDER BY tree_size DESC LIMIT 1", (rs, i) -> rs.getString(1))
                .stream().findFirst().ifPresent(note -> {
                    try {
                        SignedNote.open(note, List.of(key.verifierKey()));
                    } catch (IllegalArgumentException e) {
                        throw new IntegrityViolation("log checkpoint", "the latest stored checkpoint does not verify "
                                + "with this log's key: " + e.getMessage());
                    }
                    log.warn("No log anchor at {}: adopting the latest stored checkpoint. Expected once after an "
                            + "upgrade; otherwise the anchor file was removed.", anchor.file());
                    anchor.advance(note);
                });
    }

    private long checkTail(long from, long size) {
        Map<Long, byte[]> nodes = new HashMap<>();
        jdbc.query("SELECT node_index, hash FROM log_node WHERE level = 0 AND node_index >= ?",
                rs -> {
                    nodes.put(rs.getLong(1), rs.getBytes(2));
                }, from);
        long[] expected = {from};
        jdbc.query("SELECT leaf_index, stream, sequence, record_hash, leaf_hash, record FROM log_leaf "
                + "WHERE leaf_index >= ? ORDER BY leaf_index", rs -> {
                    long index = rs.getLong(1);
                    String stream = rs.getString(2);
                    long sequence = rs.getLong(3);
                    String where = "record " + index + " (" + stream + "/" + sequence + ")";
                    if (index != expected[0]) {
                        throw new IntegrityViolation("record " + expected[0], "the log has no leaf at this index");
                    }
                    expected[0]++;
                    checkLeaf(where, index, stream, sequence, rs.getString(4), rs.getBytes(5), rs.getBytes(6),
                            nodes.get(index));
                }, from);
        if (expected[0] != size) {
            throw new IntegrityViolation("record " + expected[0], "the log has no leaf at this index");
        }
        return size - from;
    }

    private void checkLeaf(String where, long index, String stream, long sequence, String recordHash, byte[] leafHash,
                           byte[] record, byte[] node) {
        if (!Arrays.equals(MerkleHashes.leaf(record), leafHash) || !Sha256.hex(record).equals(recordHash)) {
            throw new IntegrityViolation(where, "the logged record no longer hashes to its leaf");
        }
        if (!Arrays.equals(leafHash, node)) {
            throw new IntegrityViolation(where, "the tree's leaf node differs from the logged leaf");
        }
        LedgerEvent event = records.find(stream, sequence).orElseThrow(() -> new IntegrityViolation(where,
                "the log has this record but the event store does not"));
        byte[] stored = LedgerRecords.canonicalBytes(LedgerRecords.recordOf(event));
        if (!Arrays.equals(stored, record) || !recordHash.equals(event.link().hash())) {
            throw new IntegrityViolation(where, "the event store holds another record than the one logged");
        }
        String envelopeHash = event.link().envelopeHash();
        if (envelopeHash != null) {
            byte[] envelope = envelopes.envelope(envelopeHash).orElseThrow(() -> new IntegrityViolation(where,
                    "the envelope that caused it is missing"));
            if (!Sha256.hex(envelope).equals(envelopeHash)) {
                throw new IntegrityViolation(where, "its envelope was replaced");
            }
        }
    }
}
