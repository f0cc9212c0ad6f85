package org.salwledger.core.log;

import org.salwledger.core.crypto.Sha256;

/** RFC 6962 §2.1 / RFC 9162 §2.1.1 hashing: domain-separated leaves and interior nodes. */
public final class MerkleHashes {
    /** Bytes of every leaf and node hash (SHA-256). */
    public static final int HASH_SIZE = 32;

    /** MTH({}) = SHA-256 of the empty string. */
    public static final byte[] EMPTY_ROOT = Sha256.digest(new byte[0]);

    private MerkleHashes() {}

    /** MTH({d}) = SHA-256(0x00 || d). */
    public static byte[] leaf(byte[] data) {
        byte[] in = new byte[data.length + 1];
        in[0] = 0x00;
        System.arraycopy(data, 0, in, 1, data.length);
        return Sha256.digest(in);
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] node(byte[] left, byte[] right) {
        byte[] in = new byte[1 + left.length + right.length];
        in[0] = 0x01;
        System.arraycopy(left, 0, in, 1, left.length);
        System.arraycopy(right, 0, in, 1 + left.length, right.length);
        return Sha256.digest(in);
    }

    /** The largest power of two strictly smaller than n (n > 1): RFC 6962's split point k. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}
