package org.salwledger.api.intake;

import org.salwledger.core.actor.ActorEntry;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.crypto.DsseEnvelope;

import java.time.Instant;

/**
 * An envelope whose signature, signer, time and nonce format have been checked, with its parsed body
 * and the key whose signature decided.
 */
public record SignedCommand<T>(DsseEnvelope envelope, String envelopeHash, CommandHeader header, T body,
                               ActorEntry signer, String keyId) {

    public CommandOrigin origin(Instant recordedAt) {
        return new CommandOrigin(signer.actorId(), signer.role(), signer.country(), envelopeHash, header.issuedAt(),
                header.occurredAt(), recordedAt);
    }
}
