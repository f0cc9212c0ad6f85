package org.salwledger.core.command;


import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Who stated a command and how it reached the ledger, established by the signature check before
 * the command is dispatched. {@code occurredAt} is when the fact happened as the signer states it
 * (a late entry), defaulting to {@code issuedAt}. {@code envelopeHash} is null only for the ledger's
 * own bootstrap facts.
 */
public record CommandOrigin(String actorId, Role role, String country, String envelopeHash, Instant issuedAt,
                            Instant occurredAt, Instant recordedAt) {

    public CommandOrigin {
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MILLIS);
        occurredAt = (occurredAt == null ? issuedAt : occurredAt).truncatedTo(ChronoUnit.MILLIS);
    }

    public CommandOrigin(String actorId, Role role, String country, String envelopeHash, Instant issuedAt,
                         Instant recordedAt) {
        this(actorId, role, country, envelopeHash, issuedAt, null, recordedAt);
    }

    public String recordedAtText() {
        return recordedAt.toString();
    }

    public String occurredAtText() {
        return occurredAt.toString();
    }
}
