package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record ItemDestroyed(String itemId, String custodian, String certificateReference, String method,
                            RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return custodian;
    }
}
