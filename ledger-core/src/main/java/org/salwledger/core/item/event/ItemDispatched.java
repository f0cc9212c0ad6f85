package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record ItemDispatched(String itemId, String transferId, String sender, String consignee, RecordLink link)
        implements LedgerEvent {
    @Override
    public String statedBy() {
        return sender;
    }
}
