package org.salwledger.core.actor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

/** Adds a new key and retires every active one as of the command's issuedAt. */
public record RotateActorKey(@TargetAggregateIdentifier String stream, String actorId, String publicKey,
                             CommandOrigin origin) {
}
