package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

/** Internal, from a CeaseBusiness: the item's records pass to the national authority (ITI 13). */
public record HandOverCustody(@TargetAggregateIdentifier String itemId, String from, String to, String toCountry,
                              CommandOrigin origin) {
}
