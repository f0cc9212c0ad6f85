package org.salwledger.core.crypto;

import java.util.Base64;
import java.util.List;

/** A DSSE envelope as it travels: payload and signatures base64 (standard alphabet). */
public record DsseEnvelope(String payloadType, String payload, List<DsseSignature> signatures) {

    public record DsseSignature(String keyid, String sig) {}

    public static DsseEnvelope sign(String payloadType, byte[] payload, SigningKey key) {
        byte[] signature = key.sign(Dsse.pae(payloadType, payload));
        return new DsseEnvelope(payloadType, Base64.getEncoder().encodeToString(payload),
                List.of(new DsseSignature(key.keyId(), Base64.getEncoder().encodeToString(signature))));
    }

    /** The envelope's identity on the ledger: SHA-256 of its RFC 8785 canonical JSON. */
    public String hash() {
        return Sha256.hex(canonicalBytes());
    }

    public byte[] canonicalBytes() {
        return CanonicalJson.canonicalize(this);
    }
}
