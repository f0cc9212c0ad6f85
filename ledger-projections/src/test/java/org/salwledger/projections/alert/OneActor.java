package org.salwledger.projections.alert;

import org.salwledger.core.actor.ActorDirectory;
import org.salwledger.core.actor.ActorEntry;
import org.salwledger.core.actor.ActorKey;
import org.salwledger.core.command.CommandOrigin;

import java.time.Instant;
import java.util.Optional;

/**
 * The directory as the write side leaves it, here with only the one actor a test needs. The views only
 * read it: its writes throw, so a view that started writing the directory would fail its tests.
 */
record OneActor(CommandOrigin origin) implements ActorDirectory {
    @Override
    public Optional<ActorEntry> actor(String actorId) {
        return actorId.equals(origin.actorId())
                ? Optional.of(new ActorEntry(origin.actorId(), origin.actorId(), origin.role(), origin.country()))
                : Optional.empty();
    }

    @Override
    public void register(ActorEntry actor) {
        throw new UnsupportedOperationException("views do not register actors");
    }

    @Override
    public void addKey(String actorId, String keyId, byte[] publicKey, Instant validFrom) {
        throw new UnsupportedOperationException("views do not add keys");
    }

    @Override
    public void retireKey(String keyId, Instant validUntil) {
        throw new UnsupportedOperationException("views do not retire keys");
    }

    @Override
    public void revokeKey(String keyId, Instant revokedAt) {
        throw new UnsupportedOperationException("views do not revoke keys");
    }

    @Override
    public Optional<ActorKey> key(String keyId) {
        return Optional.empty();
    }
}
