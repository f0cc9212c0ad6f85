package org.salwledger.core.item;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

public record DeactivateItem(@TargetAggregateIdentifier String itemId, String certificateReference, String standard,
                             CommandOrigin origin) {
}
