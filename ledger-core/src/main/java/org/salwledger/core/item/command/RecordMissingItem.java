package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

/** Internal, from a partial ReceiveTransfer: the item never arrived and is LOST in that transfer. */
public record RecordMissingItem(@TargetAggregateIdentifier String itemId, String transferId, CommandOrigin origin) {
}
