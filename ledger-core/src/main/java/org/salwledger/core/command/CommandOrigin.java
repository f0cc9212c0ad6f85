package org.salwledger.core.command;

import org.salwledger.core.actor.Role;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Who stated a command and how it reached the ledger, established by the signature check before
 * the command is dispatched. {@code envelopeHash} is null only for the ledger's own bootstrap facts.
 */
public record CommandOrigin(String actorId, Role role, String country, String envelopeHash, Instant issuedAt,
                            Instant recordedAt) {

    public CommandOrigin {
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public String recordedAtText() {
        return recordedAt.toString();
    }
}
