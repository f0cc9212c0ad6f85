package org.salwledger.core.log;

import org.salwledger.core.crypto.Ed25519;
import org.salwledger.core.crypto.Sha256;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A C2SP signed-note Ed25519 verifier key: {@code <name>+<hex8 key ID>+<base64(type || public key)>},
 * with key ID = SHA-256(name || 0x0A || type || public key)[:4]; type 0x01 for a log's signature, 0x04 for a
 * witness's timestamped cosignature (C2SP tlog-cosignature).
 */
public record NoteVerifierKey(String name, byte type, int keyId, byte[] publicKey) {
    /** Signature type of a plain Ed25519 note signature (a log's checkpoint). */
    public static final byte ED25519 = 0x01;
    /** Signature type of a C2SP tlog-cosignature/v1 timestamped Ed25519 cosignature (a witness). */
    public static final byte COSIGNATURE_V1 = 0x04;

    public static NoteVerifierKey of(String name, byte[] publicKey) {
        return of(name, ED25519, publicKey);
    }

    public static NoteVerifierKey of(String name, byte type, byte[] publicKey) {
        requireName(name);
        if (publicKey.length != Ed25519.PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 key is 32 bytes");
        }
        return new NoteVerifierKey(name, type, keyId(name, type, publicKey), publicKey.clone());
    }

    /** Parses an Ed25519 (type 0x01) vkey line. */
    public static NoteVerifierKey parse(String vkey) {
        return parse(vkey, ED25519);
    }

    /** Parses a vkey line of the given signature type; the base64 part may contain '+', so name and ID come first. */
    public static NoteVerifierKey parse(String vkey, byte type) {
        String[] parts = vkey.split("\\+", 3);
        if (parts.length != 3 || parts[1].length() != 8) {
            throw new IllegalArgumentException("malformed verifier key");
        }
        requireName(parts[0]);
        byte[] key;
        int id;
        try {
            key = Base64.getDecoder().decode(parts[2]);
            id = (int) Long.parseLong(parts[1], 16);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed verifier key", e);
        }
        if (!parts[1].equals(parts[1].toLowerCase(Locale.ROOT)) || key.length != 33 || key[0] != type) {
            throw new IllegalArgumentException(type == ED25519 ? "not an Ed25519 verifier key"
                    : "not a verifier key of signature type 0x" + HexFormat.of().toHexDigits(type));
        }
        byte[] publicKey = java.util.Arrays.copyOfRange(key, 1, 33);
        if (keyId(parts[0], type, publicKey) != id) {
            throw new IllegalArgumentException("verifier key ID does not match its key");
        }
        return new NoteVerifierKey(parts[0], type, id, publicKey);
    }

    public String encode() {
        byte[] key = new byte[33];
        key[0] = type;
        System.arraycopy(publicKey, 0, key, 1, 32);
        return name + "+" + HexFormat.of().toHexDigits(keyId) + "+" + Base64.getEncoder().encodeToString(key);
    }

    static int keyId(String name, byte[] publicKey) {
        return keyId(name, ED25519, publicKey);
    }

    /** C2SP signed-note key ID: SHA-256(name || 0x0A || signature type || public key)[:4], big-endian. */
    public static int keyId(String name, byte signatureType, byte[] publicKey) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] in = new byte[n.length + 2 + publicKey.length];
        System.arraycopy(n, 0, in, 0, n.length);
        in[n.length] = 0x0A;
        in[n.length + 1] = signatureType;
        System.arraycopy(publicKey, 0, in, n.length + 2, publicKey.length);
        return ByteBuffer.wrap(Sha256.digest(in), 0, 4).getInt();
    }

    public static void requireName(String name) {
        if (name == null || name.isEmpty() || name.contains("+") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces or '+'");
        }
    }
}
