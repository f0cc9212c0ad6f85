package org.salwledger.core.log;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every tree size up to 300: every leaf's inclusion proof and every pair's consistency proof
 * verify, and the same proofs with a wrong index, size, root or element do not.
 */
class MerkleProofPropertiesTest {
    private static final int MAX = 300;
    private static final MerkleTree TREE = new MerkleTree(leaves(MAX));

    private static List<byte[]> leaves(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(MerkleHashes.leaf(ByteBuffer.allocate(4).putInt(i).array()));
        }
        return out;
    }

    private static List<byte[]> flipped(List<byte[]> proof, int at) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] element = copy.get(at).clone();
        element[0] ^= 8;
        copy.set(at, element);
        return copy;
    }

    @Test
    void everyInclusionProofVerifiesAndNoWrongOneDoes() {
        List<byte[]> leaves = leaves(MAX);
        for (int size = 1; size <= MAX; size++) {
            byte[] root = TREE.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = TREE.inclusionProof(index, size);
                byte[] leaf = leaves.get(index);
                assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof, root)).as("leaf %d of %d", index, size).isTrue();
                if (size > 1) {
                    assertThat(MerkleProofs.verifyInclusion(index ^ 1, size, leaf, proof, root)).isFalse();
                    assertThat(MerkleProofs.verifyInclusion(index, size, leaves.get((index + 1) % size), proof, root)).isFalse();
                    assertThat(MerkleProofs.verifyInclusion(index, size, leaf, flipped(proof, proof.size() - 1), root)).isFalse();
                    assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof.subList(0, proof.size() - 1), root)).isFalse();
                }
                assertThat(MerkleProofs.verifyInclusion(index, size * 2L, leaf, proof, root)).isFalse();
                assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof, MerkleHashes.EMPTY_ROOT)).isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndNoWrongOneDoes() {
        for (int to = 1; to <= MAX; to++) {
            byte[] root2 = TREE.root(to);
            for (int from = 1; from <= to; from++) {
                byte[] root1 = TREE.root(from);
                List<byte[]> proof = TREE.consistencyProof(from, to);
                assertThat(MerkleProofs.verifyConsistency(from, to, root1, root2, proof)).as("%d -> %d", from, to).isTrue();
                if (from < to) {
                    assertThat(MerkleProofs.verifyConsistency(from, to, root1, root2, flipped(proof, 0))).isFalse();
                    assertThat(MerkleProofs.verifyConsistency(from, to, root2, root2, proof)).isFalse();
                    assertThat(MerkleProofs.verifyConsistency(to, from, root2, root1, proof)).isFalse();
                    assertThat(MerkleProofs.verifyConsistency(from, to, root1, root2, List.of())).isFalse();
                } else {
                    assertThat(MerkleProofs.verifyConsistency(from, to, root1, TREE.root(to - 1), proof))
                            .as("equal sizes, different roots").isFalse();
                }
            }
        }
    }
}
