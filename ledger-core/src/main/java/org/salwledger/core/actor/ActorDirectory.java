package org.salwledger.core.actor;

import java.time.Instant;
import java.util.Optional;

/**
 * The write side's lookup of actors and keys, changed in the same transaction as the actor's
 * events. Signature checks read it; they never read a projection.
 */
public interface ActorDirectory {

    /** Refuses an actor id already taken with {@code actor-already-registered}. */
    void register(ActorEntry actor);

    /** Refuses a key any actor already has with {@code key-already-registered}. */
    void addKey(String actorId, String keyId, byte[] publicKey, Instant validFrom);

    void retireKey(String keyId, Instant validUntil);

    void revokeKey(String keyId, Instant revokedAt);

    Optional<ActorEntry> actor(String actorId);

    Optional<ActorKey> key(String keyId);

    /** A key with its actor ({@code null} if the actor is missing): what a signature check reads, once per envelope. */
    record KeyAndActor(ActorKey key, ActorEntry actor) {}

    /** As {@link #key} then {@link #actor}; a store that can answers both in one read (one statement, not two). */
    default Optional<KeyAndActor> keyWithActor(String keyId) {
        return key(keyId).map(key -> new KeyAndActor(key, actor(key.actorId()).orElse(null)));
    }
}
