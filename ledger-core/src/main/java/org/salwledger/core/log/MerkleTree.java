package org.salwledger.core.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory RFC 6962 tree over leaf hashes: roots, inclusion and consistency proofs for any
 * size up to the number of leaves. For verifiers and tests; subtree roots are memoised.
 */
public final class MerkleTree {
    private final List<byte[]> leaves;
    private final Map<Long, byte[]> subtrees = new HashMap<>();

    public MerkleTree(List<byte[]> leafHashes) {
        this.leaves = List.copyOf(leafHashes);
    }

    public int size() {
        return leaves.size();
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

    /** MTH(D[start:start+n]), n >= 1. */
    private byte[] hash(long start, long n) {
        if (n == 1) {
            return leaves.get((int) start);
        }
        long key = (start << 32) | n; // both below 2^31: a list index bounds them
        byte[] known = subtrees.get(key);
        if (known != null) {
            return known;
        }
        long k = MerkleHashes.split(n);
        byte[] h = MerkleHashes.node(hash(start, k), hash(start + k, n - k));
        subtrees.put(key, h);
        return h;
    }

    private void requireSize(long n) {
        if (n < 0 || n > leaves.size()) {
            throw new IllegalArgumentException("tree size " + n + " outside 0.." + leaves.size());
        }
    }
}
