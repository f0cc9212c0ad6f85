package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.item.Item;
import org.salwledger.core.item.marking.ObservedMarking;

import java.util.List;

/** A lost or stolen item found again; custody passes to the recovering actor, the item is SEIZED. */
public record ReportRecovered(@TargetAggregateIdentifier String itemId, String place, String circumstances,
                              List<ObservedMarking> observedMarkings, CommandOrigin origin)
        implements ItemReport {

    @Override
    public ItemReport about(String otherItemId) {
        return new ReportRecovered(otherItemId, place, circumstances, observedMarkings, origin);
    }

    @Override
    public void applyTo(Item item) {
        item.handle(this);
    }
}
