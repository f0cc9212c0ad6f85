package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record ItemAssembledInto(String itemId, String hostId, String assembledBy, RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return assembledBy;
    }
}
