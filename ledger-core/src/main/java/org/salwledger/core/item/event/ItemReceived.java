package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;
import org.salwledger.core.item.description.TransferKind;

public record ItemReceived(String itemId, String transferId, TransferKind transferKind, String sender,
                           String senderCountry, String custodian, String custodianCountry, RecordLink link)
        implements LedgerEvent {
    @Override
    public String statedBy() {
        return custodian;
    }
}
