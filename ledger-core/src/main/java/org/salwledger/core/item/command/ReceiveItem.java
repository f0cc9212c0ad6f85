package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.item.description.TransferKind;

/** Internal, from a ReceiveTransfer: custody passes to the consignee. */
public record ReceiveItem(@TargetAggregateIdentifier String itemId, String transferId, TransferKind transferKind,
                          String senderCountry, String consigneeCountry, CommandOrigin origin) {
}
