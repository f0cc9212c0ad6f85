package org.salwledger.core.item;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

/** Internal, from a DispatchTransfer: the item leaves its custodian for the consignee. */
public record DispatchItem(@TargetAggregateIdentifier String itemId, String transferId, String consignee,
                           CommandOrigin origin) {
}
