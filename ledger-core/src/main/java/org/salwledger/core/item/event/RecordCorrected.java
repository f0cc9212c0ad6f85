package org.salwledger.core.item.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record RecordCorrected(String itemId, long correctedSequence, String correctedHash, String correctedType,
                              ObjectNode correctedFacts, String reason, String correctedBy, RecordLink link)
        implements LedgerEvent {
    @Override
    public String statedBy() {
        return correctedBy;
    }
}
