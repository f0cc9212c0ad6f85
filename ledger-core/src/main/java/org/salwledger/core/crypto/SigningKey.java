package org.salwledger.core.crypto;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/** An Ed25519 key pair held by a signer: the 32-byte seed and its public key. */
public final class SigningKey {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] seed;
    private final byte[] publicKey;
    private final Ed25519PrivateKeyParameters parameters;

    private SigningKey(byte[] seed) {
        this.seed = seed.clone();
        this.publicKey = Ed25519.publicKeyFromSeed(seed);
        this.parameters = new Ed25519PrivateKeyParameters(this.seed, 0);
    }

    public static SigningKey generate() {
        byte[] seed = new byte[Ed25519.SEED_BYTES];
        RANDOM.nextBytes(seed);
        return new SigningKey(seed);
    }

    public static SigningKey fromSeed(byte[] seed) {
        return new SigningKey(seed);
    }

    public static SigningKey fromBase64Seed(String seed) {
        return new SigningKey(Base64.getDecoder().decode(seed.trim()));
    }

    public byte[] sign(byte[] message) {
        return Ed25519.sign(parameters, message);
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey);
    }

    public String seedBase64() {
        return Base64.getEncoder().encodeToString(seed);
    }

    public String keyId() {
        return KeyIds.of(publicKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningKey other && Arrays.equals(seed, other.seed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId() + "]";
    }
}
