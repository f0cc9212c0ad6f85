package org.salwledger.api.store;

import org.salwledger.core.actor.ActorDirectory;
import org.salwledger.core.actor.ActorEntry;
import org.salwledger.core.actor.ActorKey;
import org.salwledger.core.command.Role;
import org.salwledger.core.command.Refusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

@Component
public class JdbcActorDirectory implements ActorDirectory {
    private final JdbcTemplate jdbc;

    public JdbcActorDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void register(ActorEntry actor) {
        // Ids that differ only by case would read as one actor on paper and in court (BE-FNH, be-fnh).
        jdbc.queryForList("SELECT actor_id FROM actor_directory WHERE UPPER(actor_id) = UPPER(?)", String.class,
                actor.actorId()).stream().findFirst().ifPresent(existing -> {
                    throw Refusal.conflict("actor-already-registered", "actor " + existing
                            + " is already registered" + (existing.equals(actor.actorId()) ? "" : " (ids differ only by case)"));
                });
        try {
            jdbc.update("INSERT INTO actor_directory (actor_id, name, role, country) VALUES (?, ?, ?, ?)",
                    actor.actorId(), actor.name(), actor.role().name(), actor.country());
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("actor-already-registered", "actor " + actor.actorId() + " is already registered");
        }
    }

    @Override
    public void addKey(String actorId, String keyId, byte[] publicKey, Instant validFrom) {
        try {
            jdbc.update("INSERT INTO actor_key (key_id, actor_id, public_key, valid_from) VALUES (?, ?, ?, ?)",
                    keyId, actorId, publicKey, Timestamp.from(validFrom));
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("key-already-registered", "key " + keyId + " is already registered");
        }
    }

    @Override
    public void retireKey(String keyId, Instant validUntil) {
        jdbc.update("UPDATE actor_key SET valid_until = ? WHERE key_id = ? AND valid_until IS NULL",
                Timestamp.from(validUntil), keyId);
    }

    @Override
    public void revokeKey(String keyId, Instant revokedAt) {
        jdbc.update("UPDATE actor_key SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL",
                Timestamp.from(revokedAt), keyId);
    }

    @Override
    public Optional<ActorEntry> actor(String actorId) {
        return jdbc.query("SELECT actor_id, name, role, country FROM actor_directory WHERE actor_id = ?",
                (rs, i) -> new ActorEntry(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4)),
                actorId).stream().findFirst();
    }

    @Override
    public Optional<ActorKey> key(String keyId) {
        return jdbc.query("SELECT key_id, actor_id, public_key, valid_from, valid_until, revoked_at FROM actor_key "
                + "WHERE key_id = ?", (rs, i) -> keyOf(rs), keyId).stream().findFirst();
    }

    /** One statement per envelope instead of two; a key's actor always exists ({@code actor_key}'s foreign key). */
    @Override
    public Optional<KeyAndActor> keyWithActor(String keyId) {
        return jdbc.query("SELECT k.key_id, k.actor_id, k.public_key, k.valid_from, k.valid_until, k.revoked_at, "
                + "a.name, a.role, a.country FROM actor_key k JOIN actor_directory a ON a.actor_id = k.actor_id "
                + "WHERE k.key_id = ?", (rs, i) -> new KeyAndActor(keyOf(rs), new ActorEntry(rs.getString(2),
                rs.getString(7), Role.valueOf(rs.getString(8)), rs.getString(9))), keyId).stream().findFirst();
    }

    /** A key from the first six columns: key_id, actor_id, public_key, valid_from, valid_until, revoked_at. */
    private static ActorKey keyOf(ResultSet rs) throws SQLException {
        return new ActorKey(rs.getString(1), rs.getString(2), rs.getBytes(3), instant(rs, 4), instant(rs, 5),
                instant(rs, 6));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
