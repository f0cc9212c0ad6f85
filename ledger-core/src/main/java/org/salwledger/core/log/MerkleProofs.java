package org.salwledger.core.log;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proof verification as RFC 9162 §2.1.3.2 and §2.1.4.2 give it. The proof's length is checked first
 * against the length the sizes require (the decomposition transparency-dev/merkle uses), so a failure
 * says which: out of range, wrong length, malformed hash, or a root that does not match.
 */
public final class MerkleProofs {
    private static final int HASH_SIZE = 32;

    private MerkleProofs() {}

    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
        return inclusionFailure(leafIndex, treeSize, leafHash, proof, root).isEmpty();
    }

    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        return consistencyFailure(size1, size2, root1, root2, proof).isEmpty();
    }

    /** RFC 9162 §2.1.3.2: empty when {@code leafHash} is leaf {@code leafIndex} of the tree with {@code root}. */
    public static Optional<ProofFailure> inclusionFailure(long leafIndex, long treeSize, byte[] leafHash,
                                                          List<byte[]> proof, byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return Optional.of(new ProofFailure.OutOfRange(leafIndex, treeSize));
        }
        Optional<ProofFailure> malformed = malformed(proof, leafHash, "the leaf hash", root, "the root");
        if (malformed.isPresent()) {
            return malformed;
        }
        int inner = innerProofSize(leafIndex, treeSize);
        int want = inner + Long.bitCount(leafIndex >> inner);
        if (proof.size() != want) {
            return Optional.of(new ProofFailure.WrongProofSize(proof.size(), want));
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
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
        return MessageDigest.isEqual(r, root) ? Optional.empty()
                : Optional.of(new ProofFailure.RootMismatch(treeSize, r, root));
    }

    /** RFC 9162 §2.1.4.2: empty when the tree of {@code size1} with {@code root1} is a prefix of the other. */
    public static Optional<ProofFailure> consistencyFailure(long size1, long size2, byte[] root1, byte[] root2,
                                                            List<byte[]> proof) {
        if (size1 < 0 || size1 > size2) {
            return Optional.of(new ProofFailure.OutOfRange(size1, size2));
        }
        Optional<ProofFailure> malformed = malformed(proof, root1, "the first root", root2, "the second root");
        if (malformed.isPresent()) {
            return malformed;
        }
        if (size1 == size2 || size1 == 0) {
            if (!proof.isEmpty()) {
                return Optional.of(new ProofFailure.WrongProofSize(proof.size(), 0));
            }
            // the empty tree is a prefix of every tree; a tree is consistent with itself only if the roots agree
            return size1 == 0 || MessageDigest.isEqual(root1, root2) ? Optional.empty()
                    : Optional.of(new ProofFailure.RootMismatch(size2, root1, root2));
        }
        int shift = Long.numberOfTrailingZeros(size1);
        int split = innerProofSize(size1 - 1, size2);
        int inner = split - shift;
        int border = Long.bitCount((size1 - 1) >> split);
        boolean seedIsRoot1 = size1 == 1L << shift;
        int want = (seedIsRoot1 ? 0 : 1) + inner + border;
        if (proof.size() != want) {
            return Optional.of(new ProofFailure.WrongProofSize(proof.size(), want));
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (seedIsRoot1) {
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
        if (!MessageDigest.isEqual(fr, root1)) {
            return Optional.of(new ProofFailure.RootMismatch(size1, fr, root1));
        }
        return MessageDigest.isEqual(sr, root2) ? Optional.empty()
                : Optional.of(new ProofFailure.RootMismatch(size2, sr, root2));
    }

    /** Hashes below the split of the paths to {@code index} and to the tree's last leaf. */
    private static int innerProofSize(long index, long size) {
        return 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    }

    private static Optional<ProofFailure> malformed(List<byte[]> proof, byte[] a, String aName, byte[] b, String bName) {
        if (a == null || a.length != HASH_SIZE) {
            return Optional.of(new ProofFailure.MalformedHash(aName));
        }
        if (b == null || b.length != HASH_SIZE) {
            return Optional.of(new ProofFailure.MalformedHash(bName));
        }
        if (proof == null) {
            return Optional.of(new ProofFailure.MalformedHash("the proof"));
        }
        for (int i = 0; i < proof.size(); i++) {
            if (proof.get(i) == null || proof.get(i).length != HASH_SIZE) {
                return Optional.of(new ProofFailure.MalformedHash("proof hash " + i));
            }
        }
        return Optional.empty();
    }
}
