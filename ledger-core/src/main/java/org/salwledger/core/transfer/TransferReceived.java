package org.salwledger.core.transfer;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

import java.util.List;

public record TransferReceived(String transferId, String consignee, int receivedCount, List<String> missingItems,
                               RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return consignee;
    }
}
