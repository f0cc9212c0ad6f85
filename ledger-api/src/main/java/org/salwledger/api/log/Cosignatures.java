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

    public Optional<Instant> lastCosigned(String witness) {
        Timestamp at = jdbc.queryForObject("SELECT MAX(cosigned_at) FROM log_cosignature WHERE witness = ?",
                Timestamp.class, witness);
        return Optional.ofNullable(at).map(Timestamp::toInstant);
    }

    /** The largest checkpoint size that a quorum of the policy's witnesses cosigned. */
    Optional<Long> quorumSize() {
        List<Object> args = new ArrayList<>(names());
        args.add(policy.quorum());
        return jdbc.query("SELECT tree_size FROM log_cosignature WHERE witness IN (" + marks() + ") "
                        + "GROUP BY tree_size HAVING COUNT(*) >= ? ORDER BY tree_size DESC LIMIT 1",
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
