package org.salwledger.core.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.actor.ActorEntry;
import org.salwledger.core.command.CommandOrigin;

/** Internal: opens the Transfer once every item has accepted the dispatch. */
public record OpenTransfer(@TargetAggregateIdentifier String transferId, DispatchTransfer dispatch,
                           ActorEntry consignee) {
    public CommandOrigin origin() {
        return dispatch.origin();
    }
}
