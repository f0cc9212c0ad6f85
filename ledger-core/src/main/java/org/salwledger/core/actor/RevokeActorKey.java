package org.salwledger.core.actor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

/** Revokes one key for good: nothing signed with it is accepted any more, whatever its issuedAt. */
public record RevokeActorKey(@TargetAggregateIdentifier String stream, String actorId, String keyId, String reason,
                             CommandOrigin origin) {
}
