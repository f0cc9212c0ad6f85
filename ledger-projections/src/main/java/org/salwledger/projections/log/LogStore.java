package org.salwledger.projections.log;

import org.salwledger.core.log.MerkleTree;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The stored log: leaves and perfect-subtree hashes, read as a {@link MerkleTree} source. */
@Component
public class LogStore implements MerkleTree.Subtrees {
    private final JdbcTemplate jdbc;

    public record Leaf(long index, String stream, long sequence, String recordHash, byte[] leafHash) {}

    public LogStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long size() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM log_leaf", Long.class);
    }

    @Override
    public byte[] perfect(int level, long index) {
        return jdbc.queryForObject("SELECT hash FROM log_node WHERE level = ? AND node_index = ?", byte[].class,
                level, index);
    }

    public Optional<Leaf> leaf(String stream, long sequence) {
        return jdbc.query("SELECT leaf_index, stream, sequence, record_hash, leaf_hash FROM log_leaf "
                        + "WHERE stream = ? AND sequence = ?",
                (rs, i) -> new Leaf(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBytes(5)),
                stream, sequence).stream().findFirst();
    }

    /** A stored record of the log with the hash of the envelope that caused it. */
    public record Entry(long index, String stream, long sequence, String recordHash, byte[] record) {}

    /** Leaves [start, end) in log order. */
    public java.util.List<Entry> entries(long start, long end) {
        return jdbc.query("SELECT leaf_index, stream, sequence, record_hash, record FROM log_leaf "
                        + "WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index",
                (rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getBytes(5)),
                start, end);
    }

    public MerkleTree tree() {
        return new MerkleTree(this);
    }
}
