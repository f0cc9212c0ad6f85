package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record ItemReturned(String itemId, String transferId, String custodian, String rejectedBy, RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return rejectedBy;
    }
}
