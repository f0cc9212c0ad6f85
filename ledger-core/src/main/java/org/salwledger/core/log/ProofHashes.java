package org.salwledger.core.log;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Proof hashes travel as standard base64 strings; this is the one place that encodes and decodes them. */
final class ProofHashes {
    private ProofHashes() {
    }

    static List<String> encode(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }

    static List<byte[]> decode(List<String> encoded) {
        return encoded.stream().map(Base64.getDecoder()::decode).toList();
    }

    /** Decodes the proof and checks it; a hash that is not base64 is a {@link ProofFailure.MalformedHash}. */
    static Optional<ProofFailure> check(List<String> encoded, Function<List<byte[]>, Optional<ProofFailure>> verify) {
        List<byte[]> hashes;
        try {
            hashes = decode(encoded);
        } catch (IllegalArgumentException e) {
            return Optional.of(new ProofFailure.MalformedHash("a proof hash (" + e.getMessage() + ")"));
        }
        return verify.apply(hashes);
    }
}
