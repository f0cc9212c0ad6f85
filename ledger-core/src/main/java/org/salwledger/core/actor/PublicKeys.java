package org.salwledger.core.actor;

import org.salwledger.core.command.Refusal;
import org.salwledger.core.crypto.Ed25519;

import java.util.Base64;

/** Parses an actor's public key as commands carry it: base64 of the raw 32-byte Ed25519 key. */
final class PublicKeys {
    private PublicKeys() {}

    static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64 == null ? "" : base64);
        } catch (IllegalArgumentException e) {
            throw Refusal.unprocessable("bad-base64", "'publicKey' is not valid base64");
        }
        if (key.length != Ed25519.PUBLIC_KEY_BYTES) {
            throw Refusal.unprocessable("bad-public-key",
                    "'publicKey' must be a raw 32-byte Ed25519 key, got " + key.length + " bytes");
        }
        return key;
    }
}
