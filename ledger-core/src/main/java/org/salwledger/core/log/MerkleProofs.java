package org.salwledger.core.log;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** Proof verification exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 give it; false, never an exception. */
public final class MerkleProofs {
    private MerkleProofs() {}

    /** RFC 9162 §2.1.3.2: verifying an inclusion proof. */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof,
                                          byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize || !wellFormed(proof) || leafHash == null || root == null) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false; // step 3a: the proof is longer than the tree is deep
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleHashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** RFC 9162 §2.1.4.2: verifying consistency between two tree heads. */
    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 0 || size1 > size2 || !wellFormed(proof) || root1 == null || root2 == null) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        if (size1 == 0) {
            return proof.isEmpty(); // the empty tree is a prefix of every tree
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1); // step 1
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) { // step 3
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.node(c, fr);
                sr = MerkleHashes.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleHashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2) && sn == 0;
    }

    private static boolean wellFormed(List<byte[]> proof) {
        return proof != null && proof.stream().allMatch(p -> p != null && p.length == 32);
    }
}
