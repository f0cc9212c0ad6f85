package org.salwledger.core.log;

import java.util.List;
import java.util.Optional;

/**
 * The JSON the ledger serves at {@code /api/v1/log/proof/consistency} (docs/ledger-format.md §5): the
 * RFC 9162 consistency proof from the tree of size {@code from} to the tree of size {@code to}.
 */
public record ConsistencyProof(long from, long to, List<String> proof) {

    public ConsistencyProof {
        proof = List.copyOf(proof);
    }

    public static ConsistencyProof of(long from, long to, List<byte[]> hashes) {
        return new ConsistencyProof(from, to, ProofHashes.encode(hashes));
    }

    public List<byte[]> hashes() {
        return ProofHashes.decode(proof);
    }

    /** Empty when the tree of {@code from} with {@code fromRoot} is a prefix of the one with {@code toRoot}. */
    public Optional<ProofFailure> failureFor(byte[] fromRoot, byte[] toRoot) {
        return ProofHashes.check(proof, hashes -> MerkleProofs.consistencyFailure(from, to, fromRoot, toRoot, hashes));
    }
}
