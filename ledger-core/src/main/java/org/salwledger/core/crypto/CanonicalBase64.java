package org.salwledger.core.crypto;

import java.util.Base64;

/**
 * Standard base64 (RFC 4648 §4) that accepts only the one encoding of each byte string. The JDK's decoder
 * ignores the unused bits of the last character before the padding, so up to 16 texts decode to the same
 * bytes; where the text itself is not covered by a hash or signature (a note's signature lines, a proof's
 * hashes), that would let bytes of a verified document change unseen.
 */
public final class CanonicalBase64 {
    private CanonicalBase64() {}

    /** @throws IllegalArgumentException if {@code text} is not base64 or not the canonical encoding of its bytes */
    public static byte[] decode(String text) {
        byte[] bytes = Base64.getDecoder().decode(text);
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not the canonical base64 encoding of its bytes");
        }
        return bytes;
    }
}
