package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record PartAssembled(String hostId, String partId, String assembledBy, RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return assembledBy;
    }
}
