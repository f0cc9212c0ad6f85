package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record ItemHandedOver(String itemId, String from, String to, String toCountry, String recordedBy,
                             RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return recordedBy;
    }
}
