package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

public record DestroyItem(@TargetAggregateIdentifier String itemId, String certificateReference, String method,
                          CommandOrigin origin) {
}
