package org.salwledger.core.item;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record ItemReceived(String itemId, String transferId, String custodian, String custodianCountry,
                           RecordLink link) implements LedgerEvent {
}
