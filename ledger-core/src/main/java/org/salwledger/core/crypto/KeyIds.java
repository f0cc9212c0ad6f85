package org.salwledger.core.crypto;

/** DESIGN.md §5: keyid = lowercase hex SHA-256 of the raw 32-byte Ed25519 public key. */
public final class KeyIds {
    private KeyIds() {}

    public static String of(byte[] publicKey) {
        Ed25519.requirePublicKey(publicKey);
        return Sha256.hex(publicKey);
    }
}
