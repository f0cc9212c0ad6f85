package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

/** Internal: one side of a LinkIdentity. */
public record RecordIdentityLink(@TargetAggregateIdentifier String itemId, String sameAs, boolean registeredSide,
                                 String evidence, CommandOrigin origin) {
}
