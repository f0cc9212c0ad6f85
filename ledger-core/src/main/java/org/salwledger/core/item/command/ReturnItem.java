package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

/** Internal, from a RejectTransfer: the item is back with its sender. */
public record ReturnItem(@TargetAggregateIdentifier String itemId, String transferId, CommandOrigin origin) {
}
