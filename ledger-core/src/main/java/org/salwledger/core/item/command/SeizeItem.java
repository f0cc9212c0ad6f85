package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.item.Item;

/** An item taken from its holder by law enforcement or an authority. */
public record SeizeItem(@TargetAggregateIdentifier String itemId, String place, String reason, CommandOrigin origin)
        implements ItemReport {

    @Override
    public ItemReport about(String otherItemId) {
        return new SeizeItem(otherItemId, place, reason, origin);
    }

    @Override
    public void applyTo(Item item) {
        item.handle(this);
    }
}
