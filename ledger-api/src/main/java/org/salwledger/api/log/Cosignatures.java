package org.salwledger.api.log;

import org.salwledger.core.witness.WitnessPolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Witnesses' verified cosignature lines, per checkpoint size; which checkpoint a quorum of the policy cosigned. */
@Component
public class Cosignatures {
    private final JdbcTemplate jdbc;
    private final WitnessPolicy policy;

    public Cosignatures(JdbcTemplate jdbc, WitnessPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    public WitnessPolicy policy() {
        return policy;
    }

    /** Keeps a cosignature line already verified against the witness's key; a second one for a size is dropped. */
    public void keep(long size, String witness, String line, Instant at) {
        jdbc.update("INSERT INTO log_cosignature (tree_size, witness, signature, cosigned_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", size, witness, line, Timestamp.from(at));
    }

    /** The largest size {@code witness} cosigned for this log, 0 when none. */
    public long cosignedSize(String witness) {
        return jdbc.queryForObject("SELECT COALESCE(MAX(tree_size), 0) FROM log_cosignature WHERE witness = ?",
                Long.class, witness);
    }

    /** When {@code witness} made its latest cosignature (of the largest size it cosigned). */
    public Optional<Instant> lastCosigned(String witness) {
        return jdbc.query("SELECT cosigned_at FROM log_cosignature WHERE witness = ? ORDER BY tree_size DESC LIMIT 1",
                (rs, i) -> rs.getTimestamp(1).toInstant(), witness).stream().findFirst();
    }

    /**
     * The largest checkpoint size that a quorum of the policy's witnesses cosigned: checkpoints from the
     * latest down, each counted by its key, so a read costs the few newest checkpoints, not the whole table.
     */
    Optional<Long> quorumSize() {
        List<Object> args = new ArrayList<>(names());
        args.add(policy.quorum());
        // from the largest size anyone cosigned down: checkpoints signed while witnesses were away are skipped
        return jdbc.query("SELECT c.tree_size FROM log_checkpoint c "
                        + "WHERE c.tree_size <= (SELECT MAX(tree_size) FROM log_cosignature) AND (SELECT COUNT(*) "
                        + "FROM log_cosignature s WHERE s.tree_size = c.tree_size AND s.witness IN (" + marks() + ")) >= ? "
                        + "ORDER BY c.tree_size DESC LIMIT 1",
                (rs, i) -> rs.getLong(1), args.toArray()).stream().findFirst();
    }

    /** The policy's witnesses' cosignature lines on the checkpoint of {@code size}, in a stable order. */
    String lines(long size) {
        List<Object> args = new ArrayList<>(List.of(size));
        args.addAll(names());
        return String.join("", jdbc.queryForList("SELECT signature FROM log_cosignature WHERE tree_size = ? AND witness IN ("
                + marks() + ") ORDER BY witness", String.class, args.toArray()));
    }

    private List<String> names() {
        return policy.witnesses().stream().map(WitnessPolicy.Member::name).toList();
    }

    private String marks() {
        return String.join(",", Collections.nCopies(policy.witnesses().size(), "?"));
    }
}
