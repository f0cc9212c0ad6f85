package org.salwledger.api.auth;

import org.salwledger.core.command.Refusal;
import org.salwledger.core.actor.ActorDirectory;
import org.salwledger.core.actor.ActorEntry;
import org.salwledger.core.crypto.Sha256;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/** Bearer tokens: 256 random bits given once; only their SHA-256 is stored. */
@Component
public class SessionTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final ActorDirectory directory;
    private final Clock clock;

    public record Issued(String token, Instant expiresAt) {}

    public SessionTokens(JdbcTemplate jdbc, ActorDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /** A session of the actor, opened with the key {@code keyId}: it ends when that key is revoked. */
    public Issued issue(String actorId, String keyId, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update("INSERT INTO ledger_session (token_hash, actor_id, key_id, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                hash(token), actorId, keyId, Timestamp.from(clock.instant()), Timestamp.from(expiresAt));
        return new Issued(token, expiresAt);
    }

    public Reader resolve(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            throw Refusal.unauthenticated("missing-token", "reads need 'Authorization: Bearer <token>' from POST /api/v1/sessions");
        }
        String token = authorization.substring(7).trim();
        var session = jdbc.query("SELECT s.actor_id, s.expires_at, k.revoked_at FROM ledger_session s "
                        + "LEFT JOIN actor_key k ON k.key_id = s.key_id WHERE s.token_hash = ?",
                (rs, i) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3)}, hash(token))
                .stream().findFirst().orElseThrow(() -> Refusal.unauthenticated("invalid-token",
                        "the bearer token is not known"));
        if (!clock.instant().isBefore((Instant) session[1])) {
            throw Refusal.unauthenticated("expired-token", "the bearer token expired at " + session[1]);
        }
        if (session[2] != null) {
            throw Refusal.unauthenticated("revoked-key", "the key that opened this session was revoked at "
                    + ((java.sql.Timestamp) session[2]).toInstant() + "; its sessions ended with it");
        }
        ActorEntry actor = directory.actor((String) session[0]).orElseThrow(() ->
                Refusal.unauthenticated("invalid-token", "the token's actor is not registered"));
        return new Reader(actor.actorId(), actor.role(), actor.country());
    }

    private static String hash(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.US_ASCII));
    }
}
