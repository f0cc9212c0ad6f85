package org.salwledger.api.log;

import org.salwledger.core.log.Checkpoint;
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
 */
@Component
public class CheckpointPublisher {
    private final LogStore store;
    private final LogKey key;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CheckpointPublisher(LogStore store, LogKey key, JdbcTemplate jdbc, Clock clock) {
        this.store = store;
        this.key = key;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ledger.log.checkpoint-interval:PT1S}")
    @Transactional
    public void publishIfGrown() {
        long size = store.size();
        long last = jdbc.queryForObject("SELECT COALESCE(MAX(tree_size), 0) FROM log_checkpoint", Long.class);
        if (size > last) {
            byte[] root = store.tree().root(size);
            String note = SignedNote.sign(new Checkpoint(key.origin(), size, root).text(), key.origin(), key.signingKey());
            jdbc.update("INSERT INTO log_checkpoint (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?)",
                    size, root, note, Timestamp.from(clock.instant()));
        }
    }

    public Optional<String> latest() {
        return latestSigned().map(SignedCheckpoint::note);
    }

    /** A kept checkpoint: its signed note and the tree size it commits to. */
    public record SignedCheckpoint(String note, long size) {}

    public Optional<SignedCheckpoint> latestSigned() {
        return jdbc.query("SELECT note, tree_size FROM log_checkpoint ORDER BY tree_size DESC LIMIT 1",
                (rs, i) -> new SignedCheckpoint(rs.getString(1), rs.getLong(2))).stream().findFirst();
    }
}
