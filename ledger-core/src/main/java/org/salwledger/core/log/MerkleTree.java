package org.salwledger.core.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 6962 roots, inclusion and consistency proofs for any size up to the tree's, over a source of
 * perfect-subtree hashes: in memory (verifiers, tests) or stored node hashes (the ledger's log), so
 * a proof reads O(log n) hashes, never the whole tree.
 */
public final class MerkleTree {
    /** The hash of the perfect subtree of 2^level leaves starting at leaf index × 2^level. */
    public interface Subtrees {
        long size();

        byte[] perfect(int level, long index);
    }

    private final Subtrees source;
    private final Map<Long, byte[]> memo = new HashMap<>();

    public MerkleTree(Subtrees source) {
        this.source = source;
    }

    /** An in-memory tree over leaf hashes. */
    public MerkleTree(List<byte[]> leafHashes) {
        this(new InMemory(List.copyOf(leafHashes)));
    }

    public long size() {
        return source.size();
    }

    /** MTH(D[0:n]). */
    public byte[] root(long n) {
        requireSize(n);
        return n == 0 ? MerkleHashes.EMPTY_ROOT.clone() : hash(0, n);
    }

    /** RFC 6962 §2.1.1 PATH(m, D[0:n]), ordered from the leaf up. */
    public List<byte[]> inclusionProof(long m, long n) {
        requireSize(n);
        if (m < 0 || m >= n) {
            throw new IllegalArgumentException("leaf " + m + " is not in a tree of size " + n);
        }
        List<byte[]> path = new ArrayList<>();
        path(m, 0, n, path);
        return path;
    }

    /** RFC 6962 §2.1.2 PROOF(m, D[0:n]). */
    public List<byte[]> consistencyProof(long m, long n) {
        requireSize(n);
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(m, 0, n, true, proof);
        }
        return proof;
    }

    private void path(long m, long start, long n, List<byte[]> out) {
        if (n == 1) {
            return;
        }
        long k = MerkleHashes.split(n);
        if (m < k) {
            path(m, start, k, out);
            out.add(hash(start + k, n - k));
        } else {
            path(m - k, start + k, n - k, out);
            out.add(hash(start, k));
        }
    }

    private void subproof(long m, long start, long n, boolean whole, List<byte[]> out) {
        if (m == n) {
            if (!whole) {
                out.add(hash(start, n));
            }
            return;
        }
        long k = MerkleHashes.split(n);
        if (m <= k) {
            subproof(m, start, k, whole, out);
            out.add(hash(start + k, n - k));
        } else {
            subproof(m - k, start + k, n - k, false, out);
            out.add(hash(start, k));
        }
    }

    /** MTH(D[start:start+n]), n >= 1: a stored perfect subtree when aligned, else split per RFC 6962. */
    private byte[] hash(long start, long n) {
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return source.perfect(Long.numberOfTrailingZeros(n), start / n);
        }
        long key = (start << 32) | n; // memo for trees below 2^31 leaves
        byte[] known = memo.get(key);
        if (known != null) {
            return known;
        }
        long k = MerkleHashes.split(n);
        byte[] h = MerkleHashes.node(hash(start, k), hash(start + k, n - k));
        memo.put(key, h);
        return h;
    }

    private void requireSize(long n) {
        if (n < 0 || n > source.size()) {
            throw new IllegalArgumentException("tree size " + n + " outside 0.." + source.size());
        }
    }

    /** Perfect subtrees computed from leaf hashes held in memory, memoised. */
    private static final class InMemory implements Subtrees {
        private final List<byte[]> leaves;
        private final Map<Long, byte[]> perfect = new HashMap<>();

        InMemory(List<byte[]> leaves) {
            this.leaves = leaves;
        }

        @Override
        public long size() {
            return leaves.size();
        }

        @Override
        public byte[] perfect(int level, long index) {
            if (level == 0) {
                return leaves.get((int) index);
            }
            long key = ((long) level << 40) | index;
            byte[] known = perfect.get(key);
            if (known == null) {
                known = MerkleHashes.node(perfect(level - 1, index * 2), perfect(level - 1, index * 2 + 1));
                perfect.put(key, known);
            }
            return known;
        }
    }
}
