package org.salwledger.api.log;

import org.salwledger.api.store.DurableCommits;
import org.salwledger.core.log.Checkpoint;
import org.salwledger.core.log.MerkleProofs;
import org.salwledger.core.log.MerkleTree;
import org.salwledger.projections.log.IntegrityViolation;
import org.salwledger.projections.log.LogAnchor;
import org.salwledger.projections.log.LogIntegrity;
import org.salwledger.core.log.SignedNote;
import org.salwledger.projections.log.LogStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * Signs a C2SP checkpoint when the tree grew, at most once per {@code ledger.log.checkpoint-interval}.
 * Every checkpoint is kept; a size is signed once, so two checkpoints of one size cannot differ.
 * It never signs a fork: a new checkpoint must be a consistent extension (RFC 9162 consistency proof
 * from the stored tree) of the last one this node signed, which the {@link LogAnchor} keeps outside
 * the database and which is written before the new checkpoint is served.
 */
@Component
public class CheckpointPublisher {
    private final LogStore store;
    private final LogKey key;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final LogAnchor anchor;
    private final LogIntegrity integrity;
    private final Cosignatures cosignatures;
    private final DurableCommits durable;

    public CheckpointPublisher(LogStore store, LogKey key, JdbcTemplate jdbc, Clock clock, LogAnchor anchor,
                               LogIntegrity integrity, Cosignatures cosignatures, DurableCommits durable) {
        this.durable = durable;
        this.cosignatures = cosignatures;
        this.store = store;
        this.key = key;
        this.jdbc = jdbc;
        this.clock = clock;
        this.anchor = anchor;
        this.integrity = integrity;
    }

    @Scheduled(fixedDelayString = "${ledger.log.checkpoint-interval:PT1S}")
    @Transactional
    public void publishIfGrown() {
        if (!integrity.intact()) {
            return;
        }
        long size = store.size();
        long last = jdbc.queryForObject("SELECT COALESCE(MAX(tree_size), 0) FROM log_checkpoint", Long.class);
        if (size > last) {
            MerkleTree tree = store.tree();
            byte[] root = tree.root(size);
            requireExtendsAnchor(tree, size, root);
            // the leaves were committed before they were read: once written, no kill can take back what is signed
            durable.await();
            String note = SignedNote.sign(new Checkpoint(key.origin(), size, root).text(), key.origin(), key.signingKey());
            anchor.advance(note);
            int kept = jdbc.update("INSERT INTO log_checkpoint (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", size, root, note, Timestamp.from(clock.instant()));
            if (kept == 0) {
                requireSameAsStored(size, note);
            }
        }
    }

    /**
     * Another node signed this size first. Signing is deterministic (Ed25519) over the same origin,
     * size and root, so its note must be ours byte for byte; anything else is a fork.
     */
    private void requireSameAsStored(long size, String note) {
        String stored = jdbc.queryForObject("SELECT note FROM log_checkpoint WHERE tree_size = ?", String.class, size);
        if (!note.equals(stored)) {
            throw integrity.report(new IntegrityViolation("checkpoint " + size, "a different checkpoint of size " + size
                    + " was stored by another signer; refusing to sign a fork"));
        }
    }

    private void requireExtendsAnchor(MerkleTree tree, long size, byte[] root) {
        var signed = anchor.last();
        if (signed.isEmpty()) {
            return;
        }
        Checkpoint previous = signed.get().checkpoint();
        if (size < previous.size()) {
            throw integrity.report(new IntegrityViolation("log size " + size, "a checkpoint of size "
                    + previous.size() + " was signed but the log now holds " + size + " leaves; refusing to sign"));
        }
        boolean consistent = size == previous.size() ? java.util.Arrays.equals(root, previous.rootHash())
                : MerkleProofs.verifyConsistency(previous.size(), size, previous.rootHash(), root,
                        tree.consistencyProof(previous.size(), size));
        if (!consistent) {
            throw integrity.report(new IntegrityViolation("log size " + size, "the log of size " + size
                    + " is not a consistent extension of the checkpoint of size " + previous.size()
                    + " signed before; refusing to sign a fork"));
        }
    }

    /** A kept checkpoint: its signed note and the tree size it commits to. */
    public record SignedCheckpoint(String note, long size) {}

    /**
     * The checkpoint that counts as published: the latest one the log signed when no witnesses are
     * required, else the latest one a quorum of the policy's witnesses cosigned, with their cosignatures
     * appended to the note (C2SP: verifiers ignore signatures they do not know).
     */
    public Optional<SignedCheckpoint> published() {
        if (!cosignatures.policy().required()) {
            return latestSigned();
        }
        return cosignatures.quorumSize().map(size -> new SignedCheckpoint(
                jdbc.queryForObject("SELECT note FROM log_checkpoint WHERE tree_size = ?", String.class, size)
                        + cosignatures.lines(size), size));
    }

    /** The latest checkpoint this log signed, cosigned or not: what goes to the witnesses next. */
    public Optional<SignedCheckpoint> latestSigned() {
        return jdbc.query("SELECT note, tree_size FROM log_checkpoint ORDER BY tree_size DESC LIMIT 1",
                (rs, i) -> new SignedCheckpoint(rs.getString(1), rs.getLong(2))).stream().findFirst();
    }
}
