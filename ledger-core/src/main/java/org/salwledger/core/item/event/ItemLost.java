package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

/** The item is lost; {@code transferId} names the consignment it went missing from, if any. */
public record ItemLost(String itemId, String transferId, String lastCustodian, String reportedBy, String place,
                       String policeReference, RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return reportedBy;
    }
}
