package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.item.Item;

public record ReportLost(@TargetAggregateIdentifier String itemId, String place, String policeReference,
                         CommandOrigin origin) implements ItemReport {

    @Override
    public ItemReport about(String otherItemId) {
        return new ReportLost(otherItemId, place, policeReference, origin);
    }

    @Override
    public void applyTo(Item item) {
        item.handle(this);
    }
}
