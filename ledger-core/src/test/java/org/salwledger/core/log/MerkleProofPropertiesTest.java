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
    private static final List<byte[]> LEAVES = leaves(MAX);
    private static final MerkleTree TREE = new MerkleTree(LEAVES);

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

    @Test
    void aFailedProofSaysWhy() {
        byte[] leaf = MerkleHashes.leaf(ByteBuffer.allocate(4).putInt(5).array());
        List<byte[]> proof = TREE.inclusionProof(5, 13);
        assertThat(MerkleProofs.inclusionFailure(5, 13, leaf, proof, TREE.root(13))).isEmpty();
        assertThat(MerkleProofs.inclusionFailure(13, 13, leaf, proof, TREE.root(13)))
                .contains(new ProofFailure.OutOfRange(13, 13));
        assertThat(MerkleProofs.inclusionFailure(5, 13, leaf, proof.subList(1, proof.size()), TREE.root(13)))
                .contains(new ProofFailure.WrongProofSize(proof.size() - 1, proof.size()));
        assertThat(MerkleProofs.inclusionFailure(5, 13, leaf, List.of(proof.get(0), new byte[31], proof.get(2), proof.get(3)),
                TREE.root(13))).contains(new ProofFailure.MalformedHash("proof hash 1"));
        ProofFailure mismatch = MerkleProofs.inclusionFailure(5, 13, leaf, flipped(proof, 0), TREE.root(13)).orElseThrow();
        assertThat(mismatch).isInstanceOfSatisfying(ProofFailure.RootMismatch.class, m -> {
            assertThat(m.size()).isEqualTo(13);
            assertThat(m.expected()).isEqualTo(TREE.root(13));
            assertThat(m.computed()).isNotEqualTo(TREE.root(13));
        });
        assertThat(mismatch.describe()).contains("for size 13, expected " + java.util.Base64.getEncoder().encodeToString(TREE.root(13)));

        List<byte[]> consistency = TREE.consistencyProof(6, 13);
        assertThat(MerkleProofs.consistencyFailure(6, 13, TREE.root(6), TREE.root(13), consistency)).isEmpty();
        assertThat(MerkleProofs.consistencyFailure(14, 13, TREE.root(6), TREE.root(13), consistency))
                .contains(new ProofFailure.OutOfRange(14, 13));
        assertThat(MerkleProofs.consistencyFailure(6, 13, TREE.root(6), TREE.root(13), consistency.subList(0, 2)))
                .contains(new ProofFailure.WrongProofSize(2, consistency.size()));
        assertThat(MerkleProofs.consistencyFailure(6, 13, TREE.root(5), TREE.root(13), consistency).orElseThrow())
                .isInstanceOfSatisfying(ProofFailure.RootMismatch.class, m -> assertThat(m.size()).isEqualTo(6));
        assertThat(MerkleProofs.consistencyFailure(6, 13, TREE.root(6), TREE.root(12), consistency).orElseThrow())
                .isInstanceOfSatisfying(ProofFailure.RootMismatch.class, m -> assertThat(m.size()).isEqualTo(13));
    }

    @Test
    void theRequiredProofLengthIsTheOneTheTreeGives() {
        for (int size = 1; size <= MAX; size++) {
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = TREE.inclusionProof(index, size);
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(TREE.root(1));
                assertThat(MerkleProofs.inclusionFailure(index, size, LEAVES.get(index), longer, TREE.root(size)))
                        .contains(new ProofFailure.WrongProofSize(proof.size() + 1, proof.size()));
            }
        }
    }
}
