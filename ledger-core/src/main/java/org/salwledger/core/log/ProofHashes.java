package org.salwledger.core.log;

import java.util.Base64;
import java.util.List;

/** Proof hashes travel as standard base64 strings; this is the one place that decodes them. */
final class ProofHashes {
    private ProofHashes() {
    }

    static List<byte[]> decode(List<String> encoded) {
        return encoded.stream().map(Base64.getDecoder()::decode).toList();
    }
}
