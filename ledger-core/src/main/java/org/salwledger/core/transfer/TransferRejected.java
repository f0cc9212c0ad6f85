package org.salwledger.core.transfer;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record TransferRejected(String transferId, String consignee, String reason, RecordLink link)
        implements LedgerEvent {
    @Override
    public String statedBy() {
        return consignee;
    }
}
