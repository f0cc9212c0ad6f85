package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

public record DeactivateItem(@TargetAggregateIdentifier String itemId, String certificateReference, String standard,
                             CommandOrigin origin) {
}
