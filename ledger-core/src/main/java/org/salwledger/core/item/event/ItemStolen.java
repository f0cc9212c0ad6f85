package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record ItemStolen(String itemId, String lastCustodian, String reportedBy, String place, String policeReference,
                         RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return reportedBy;
    }
}
