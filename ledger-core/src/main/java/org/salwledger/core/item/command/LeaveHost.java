package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

/** Internal, the part's side of a DetachPart. */
public record LeaveHost(@TargetAggregateIdentifier String partId, String hostId, CommandOrigin origin) {
}
