package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

/** Internal, the host's side of an AssemblePart. */
public record AttachPart(@TargetAggregateIdentifier String hostId, String partId, CommandOrigin origin) {
}
