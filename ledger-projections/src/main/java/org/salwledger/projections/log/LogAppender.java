package org.salwledger.projections.log;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.log.MerkleHashes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The log's single writer: one tracking processor thread appends every ledger record as the next
 * leaf and completes the perfect subtrees it closes. The token moves in the same transaction, so a
 * crash resumes where the log ends; a redelivered record is recognised by (stream, sequence).
 * There is no reset handler on purpose: leaf order is the log's own and is never rebuilt.
 */
@Component
@ProcessingGroup(LogAppender.PROCESSING_GROUP)
public class LogAppender {
    public static final String PROCESSING_GROUP = "transparency-log";

    private final JdbcTemplate jdbc;
    private final LogAnchor anchor;
    private final LogIntegrity integrity;
    private final RightEdge edge = new RightEdge();
    private static final String BATCH_STARTED = LogAppender.class.getName() + ".batchStarted";

    public LogAppender(JdbcTemplate jdbc, LogAnchor anchor, LogIntegrity integrity) {
        this.jdbc = jdbc;
        this.anchor = anchor;
        this.integrity = integrity;
    }

    /**
     * Throws instead of appending when the ledger is not intact; the processor then retries the same
     * record (nothing is skipped) and appends again only after an operator restored the store and restarted.
     */
    @EventHandler
    void on(LedgerEvent event) {
        integrity.requireIntact();
        var link = event.link();
        List<String> logged = jdbc.queryForList("SELECT record_hash FROM log_leaf WHERE stream = ? AND sequence = ?",
                String.class, link.stream(), link.sequence());
        if (!logged.isEmpty()) {
            if (!logged.get(0).equals(link.hash())) {
                // the event store now holds another record where the log already committed to one
                throw integrity.report(new IntegrityViolation(IntegrityViolation.record(link.stream(), link.sequence()),
                        "the log holds record hash " + logged.get(0) + " but the event store now " + link.hash()));
            }
            return;
        }
        startOfBatch();
        long index = edge.nextIndex(() -> jdbc.queryForObject("SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM log_leaf",
                Long.class));
        if (index < anchor.signedSize()) {
            // Never rebuild a log that was signed: the leaves it committed to are gone.
            throw integrity.report(new IntegrityViolation("log size " + index, "the log holds " + index
                    + " leaves but a checkpoint of size " + anchor.signedSize() + " was signed (" + anchor.file()
                    + "): its leaves were removed; refusing to rebuild the log from the event store"));
        }
        byte[] record = LedgerRecords.canonicalBytes(LedgerRecords.recordOf(event));
        byte[] leafHash = MerkleHashes.leaf(record);
        jdbc.update("INSERT INTO log_leaf (leaf_index, stream, sequence, record_hash, leaf_hash, record) "
                + "VALUES (?, ?, ?, ?, ?, ?)", index, link.stream(), link.sequence(), link.hash(), leafHash, record);
        // RFC 9162 perfect subtrees: a right child closes its parent, up as far as the index is odd.
        byte[] hash = leafHash;
        int level = 0;
        long at = index;
        insertNode(level, at, hash);
        while ((at & 1) == 1) {
            int leftLevel = level;
            long leftIndex = at - 1;
            byte[] left = edge.node(level, at - 1).orElseGet(() -> jdbc.queryForObject(
                    "SELECT hash FROM log_node WHERE level = ? AND node_index = ?", byte[].class, leftLevel, leftIndex));
            hash = MerkleHashes.node(left, hash);
            level++;
            at >>= 1;
            insertNode(level, at, hash);
        }
        edge.appended(index);
    }

    private void insertNode(int level, long at, byte[] hash) {
        jdbc.update("INSERT INTO log_node (level, node_index, hash) VALUES (?, ?, ?)", level, at, hash);
        edge.completed(level, at, hash);
    }

    /**
     * What this writer remembers between records is only a shortcut for two reads (the next index and the left
     * siblings up the right edge), and only within one batch: the first record of each unit of work reads them
     * from the database again, so a rolled-back batch or another node's appends can never leave it stale.
     */
    private void startOfBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            edge.forget();
            return;
        }
        CurrentUnitOfWork.get().getOrComputeResource(BATCH_STARTED, key -> {
            edge.forget();
            return Boolean.TRUE;
        });
    }
}
