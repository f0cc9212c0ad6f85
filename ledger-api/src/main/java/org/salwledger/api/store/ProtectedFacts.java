package org.salwledger.api.store;

import org.salwledger.core.crypto.SealedBox;
import org.salwledger.core.transfer.LicenceCommitment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.AEADBadTagException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * Openings of licence commitments, sealed at rest and bound to their commitment. Keyed by the
 * commitment, so keeping one is idempotent and a command that is then refused leaves only a sealed
 * row nothing points to.
 */
@Component
public class ProtectedFacts {
    private static final String LICENCE = "licenceReference";

    private final JdbcTemplate jdbc;
    private final SealedBox box;
    private final Clock clock;

    public ProtectedFacts(JdbcTemplate jdbc, SealedBox protectionBox, Clock clock) {
        this.jdbc = jdbc;
        this.box = protectionBox;
        this.clock = clock;
    }

    public void keep(LicenceCommitment.Opening opening) {
        String commitment = opening.commitment();
        if (jdbc.queryForObject("SELECT COUNT(*) FROM protected_fact WHERE commitment = ?", Integer.class,
                commitment) > 0) {
            return;
        }
        byte[] sealed = box.seal(opening.encode().getBytes(StandardCharsets.UTF_8),
                commitment.getBytes(StandardCharsets.US_ASCII));
        try {
            jdbc.update("INSERT INTO protected_fact (commitment, kind, sealed, stored_at) VALUES (?, ?, ?, ?)",
                    commitment, LICENCE, sealed, Timestamp.from(clock.instant()));
        } catch (org.springframework.dao.DataIntegrityViolationException sameOpeningAtOnce) {
            // the same commitment was kept concurrently: one opening, one row
        }
    }

    /** The licence reference a commitment opens to, if its opening is kept and still opens under this key. */
    public Optional<String> licenceReference(String commitment) {
        if (commitment == null) {
            return Optional.empty();
        }
        return jdbc.query("SELECT sealed FROM protected_fact WHERE commitment = ?", (rs, i) -> rs.getBytes(1), commitment)
                .stream().findFirst().flatMap(sealed -> open(commitment, sealed));
    }

    private Optional<String> open(String commitment, byte[] sealed) {
        try {
            LicenceCommitment.Opening opening = LicenceCommitment.Opening.decode(new String(
                    box.open(sealed, commitment.getBytes(StandardCharsets.US_ASCII)), StandardCharsets.UTF_8));
            return opening.commitment().equals(commitment) ? Optional.of(opening.reference()) : Optional.empty();
        } catch (AEADBadTagException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
