package org.salwledger.core.trace;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record TraceAcknowledged(String traceId, String acknowledgedBy, String requestedState, RecordLink link)
        implements LedgerEvent {
    @Override
    public String statedBy() {
        return acknowledgedBy;
    }
}
