package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record ItemDetachedFrom(String itemId, String hostId, String detachedBy, RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return detachedBy;
    }
}
