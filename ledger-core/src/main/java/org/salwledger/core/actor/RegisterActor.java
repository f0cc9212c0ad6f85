package org.salwledger.core.actor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

import org.salwledger.core.command.Role;
public record RegisterActor(@TargetAggregateIdentifier String stream, String actorId, String name, Role role,
                            String country, String publicKey, CommandOrigin origin) {
}
