package org.salwledger.core.log;

import java.util.List;
import java.util.Optional;

/**
 * The JSON the ledger serves at {@code /api/v1/log/proof/inclusion} (docs/ledger-format.md §5): leaf
 * {@code index} of the tree of {@code size}, the RFC 9162 audit path in standard base64.
 */
public record InclusionProof(long index, long size, List<String> proof) {

    public InclusionProof {
        proof = List.copyOf(proof);
    }

    public static InclusionProof of(long index, long size, List<byte[]> hashes) {
        return new InclusionProof(index, size, ProofHashes.encode(hashes));
    }

    public List<byte[]> hashes() {
        return ProofHashes.decode(proof);
    }

    /** Empty when the leaf with {@code leafHash} is in the tree with {@code root}; otherwise why not. */
    public Optional<ProofFailure> failureFor(byte[] leafHash, byte[] root) {
        return ProofHashes.check(proof, hashes -> MerkleProofs.inclusionFailure(index, size, leafHash, hashes, root));
    }
}
