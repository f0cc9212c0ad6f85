package org.salwledger.core.actor;

import java.time.Instant;

/** A public key of an actor with its validity period, as the write side knows it. */
public record ActorKey(String keyId, String actorId, byte[] publicKey, Instant validFrom, Instant validUntil,
                       Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Valid from {@code validFrom} inclusive until {@code validUntil} exclusive. */
    public boolean validAt(Instant instant) {
        return !instant.isBefore(validFrom) && (validUntil == null || instant.isBefore(validUntil));
    }
}
