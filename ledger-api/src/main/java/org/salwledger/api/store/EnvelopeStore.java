package org.salwledger.api.store;

import org.salwledger.core.command.Refusal;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Signed envelopes, stored once with the answer they got, and the nonces they used. Written in the
 * transaction of the events they caused.
 */
@Component
public class EnvelopeStore {
    private final JdbcTemplate jdbc;

    public record StoredResult(int status, byte[] body) {}

    /** The envelope itself was already used: answer from the store instead. */
    public static final class AlreadySubmitted extends RuntimeException {
        AlreadySubmitted() {
            super(null, null, false, false);
        }
    }

    public EnvelopeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredResult> resultOf(String envelopeHash) {
        return jdbc.query("SELECT result_status, result_body FROM ledger_envelope WHERE envelope_hash = ?",
                (rs, i) -> new StoredResult(rs.getInt(1), rs.getBytes(2)), envelopeHash).stream().findFirst();
    }

    public Optional<byte[]> envelope(String envelopeHash) {
        return jdbc.query("SELECT envelope FROM ledger_envelope WHERE envelope_hash = ?",
                (rs, i) -> rs.getBytes(1), envelopeHash).stream().findFirst();
    }

    /**
     * Remembers the actor's nonce for good. The same nonce with the same envelope is a resubmission
     * ({@link AlreadySubmitted}); with another envelope it is refused as {@code nonce-reused}. One insert
     * that skips a taken nonce instead of a look before it: the look is needed only when the nonce was
     * taken, and a failed statement would abort a PostgreSQL transaction (here only the command's
     * savepoint, but the insert need not fail at all). A concurrent twin still inserting surfaces as
     * {@link AlreadySubmitted} too (H2 refuses the second insert, PostgreSQL waits for the first and skips),
     * which the caller resolves outside this transaction ({@link #nonceOwner}).
     */
    public void useNonce(String actorId, String nonce, String envelopeHash) {
        int inserted;
        try {
            inserted = jdbc.update("INSERT INTO used_nonce (actor_id, nonce, envelope_hash) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", actorId, nonce, envelopeHash);
        } catch (DataIntegrityViolationException concurrentTwin) {
            throw new AlreadySubmitted();
        }
        if (inserted == 0) {
            throw nonceOwner(actorId, nonce).filter(envelopeHash::equals).isPresent() ? new AlreadySubmitted()
                    : nonceReused(actorId, nonce);
        }
    }

    /** The envelope that used this nonce, if any. */
    public Optional<String> nonceOwner(String actorId, String nonce) {
        return jdbc.query("SELECT envelope_hash FROM used_nonce WHERE actor_id = ? AND nonce = ?",
                (rs, i) -> rs.getString(1), actorId, nonce).stream().findFirst();
    }

    public static Refusal nonceReused(String actorId, String nonce) {
        return Refusal.conflict("nonce-reused", "actor " + actorId + " already used nonce " + nonce
                + " for another envelope");
    }

    /** What identifies a stored envelope besides its bytes. */
    public record Submission(String envelopeHash, String actorId, String nonce, String commandType) {}

    public void save(Submission submission, byte[] canonicalEnvelope, Instant receivedAt, int status, byte[] body) {
        jdbc.update("INSERT INTO ledger_envelope (envelope_hash, actor_id, nonce, command_type, envelope, received_at, "
                        + "result_status, result_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                submission.envelopeHash(), submission.actorId(), submission.nonce(), submission.commandType(),
                canonicalEnvelope, Timestamp.from(receivedAt), status, body);
    }
}
