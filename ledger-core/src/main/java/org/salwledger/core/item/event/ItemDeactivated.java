package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record ItemDeactivated(String itemId, String custodian, String certificateReference, String standard,
                              RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return custodian;
    }
}
