package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record ItemSeized(String itemId, String fromCustodian, String seizedBy, String seizerCountry, String place,
                         String reason, RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return seizedBy;
    }
}
