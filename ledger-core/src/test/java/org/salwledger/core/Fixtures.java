package org.salwledger.core;

import org.salwledger.core.actor.ActorDirectory;
import org.salwledger.core.actor.ActorEntry;
import org.salwledger.core.actor.ActorKey;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.marking.ManufactureMarkRegistry;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** In-memory write-side lookups with the same refusals as the JDBC ones, for aggregate fixtures. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private Fixtures() {}

    public static CommandOrigin origin(String actor, Role role, String country) {
        return new CommandOrigin(actor, role, country, "e".repeat(64), NOW, NOW);
    }

    public static final class InMemoryActorDirectory implements ActorDirectory {
        public final Map<String, ActorEntry> actors = new HashMap<>();
        public final Map<String, ActorKey> keys = new HashMap<>();

        @Override
        public void register(ActorEntry actor) {
            if (actors.putIfAbsent(actor.actorId(), actor) != null) {
                throw Refusal.conflict("actor-already-registered", actor.actorId());
            }
        }

        @Override
        public void addKey(String actorId, String keyId, byte[] publicKey, Instant validFrom) {
            if (keys.containsKey(keyId)) {
                throw Refusal.conflict("key-already-registered", keyId);
            }
            keys.put(keyId, new ActorKey(keyId, actorId, publicKey, validFrom, null, null));
        }

        @Override
        public void retireKey(String keyId, Instant validUntil) {
            ActorKey k = keys.get(keyId);
            keys.put(keyId, new ActorKey(keyId, k.actorId(), k.publicKey(), k.validFrom(), validUntil, k.revokedAt()));
        }

        @Override
        public void revokeKey(String keyId, Instant revokedAt) {
            ActorKey k = keys.get(keyId);
            keys.put(keyId, new ActorKey(keyId, k.actorId(), k.publicKey(), k.validFrom(), k.validUntil(), revokedAt));
        }

        @Override
        public Optional<ActorEntry> actor(String actorId) {
            return Optional.ofNullable(actors.get(actorId));
        }

        @Override
        public Optional<ActorKey> key(String keyId) {
            return Optional.ofNullable(keys.get(keyId));
        }
    }

    public static final class InMemoryMarkRegistry implements ManufactureMarkRegistry {
        public final Map<String, String> claims = new HashMap<>();

        @Override
        public void claim(String manufacturer, String country, String normalizedSerial, String itemId,
                          java.util.function.Predicate<String> sameWeapon) {
            String owner = claims.putIfAbsent(manufacturer + "|" + country + "|" + normalizedSerial, itemId);
            if (owner != null && !owner.equals(itemId) && !sameWeapon.test(owner)) {
                throw Refusal.conflict("duplicate-marking", normalizedSerial);
            }
        }
    }
}
