package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record PartDetached(String hostId, String partId, String detachedBy, RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return detachedBy;
    }
}
