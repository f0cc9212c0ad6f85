package org.salwledger.core.actor;

import java.time.Instant;

/** A public key of an actor with its validity period, as the write side knows it. */
public record ActorKey(String keyId, String actorId, byte[] publicKey, Instant validFrom, Instant validUntil,
                       Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Whether the key may sign a command issued at {@code issuedAt} ({@link KeyValidity}). */
    public boolean validAt(Instant issuedAt) {
        return KeyValidity.covers(validFrom, validUntil, issuedAt);
    }
}
