package org.salwledger.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.salwledger.core.crypto.KeyIds;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Actors' signing keys as the ledger's own records state them, replayed in log order: registration
 * and rotation add a key valid from its validFrom, rotation ends the old keys' validity, revocation and
 * cessation revoke. A verifier checks each envelope against this history as it stood when the envelope
 * first appears, as the ledger did when it accepted the command.
 */
final class KeyHistory {
    record Key(String keyId, String actorId, byte[] publicKey, Instant validFrom, Instant validUntil, boolean revoked) {
        boolean validAt(Instant issuedAt) {
            return org.salwledger.core.actor.KeyValidity.covers(validFrom, validUntil, issuedAt);
        }
    }

    private final Map<String, Key> keys = new HashMap<>();

    Optional<Key> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    /** Learns from a record; records of other types are ignored. */
    void learn(String type, JsonNode facts) {
        switch (type) {
            case "ActorRegistered" -> add(facts);
            case "ActorKeyRotated" -> {
                Instant from = Instant.parse(facts.path("validFrom").asText());
                facts.path("retiredKeyIds").forEach(id -> keys.computeIfPresent(id.asText(),
                        (k, old) -> new Key(old.keyId, old.actorId, old.publicKey, old.validFrom, from, old.revoked)));
                add(facts);
            }
            case "ActorKeyRevoked" -> revoke(facts.path("keyId").asText());
            case "ActorCeasedBusiness" -> facts.path("revokedKeyIds").forEach(id -> revoke(id.asText()));
            default -> { }
        }
    }

    private void add(JsonNode facts) {
        byte[] publicKey = Base64.getDecoder().decode(facts.path("publicKey").asText());
        String keyId = KeyIds.of(publicKey);
        keys.put(keyId, new Key(keyId, facts.path("actorId").asText(), publicKey,
                Instant.parse(facts.path("validFrom").asText()), null, false));
    }

    private void revoke(String keyId) {
        keys.computeIfPresent(keyId, (k, old) -> new Key(old.keyId, old.actorId, old.publicKey, old.validFrom,
                old.validUntil, true));
    }
}
