package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

/**
 * Internal, from a DispatchTransfer: the item leaves its custodian for the consignee. {@code withHost}
 * names the host an installed part travels in, null for an item sent on its own.
 */
public record DispatchItem(@TargetAggregateIdentifier String itemId, String transferId, String consignee,
                           String withHost, CommandOrigin origin) {
    public DispatchItem(String itemId, String transferId, String consignee, CommandOrigin origin) {
        this(itemId, transferId, consignee, null, origin);
    }
}
