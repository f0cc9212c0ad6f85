package org.salwledger.core.trace;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record TraceInformationRequested(String traceId, String questions, String requestedBy, RecordLink link)
        implements LedgerEvent {
    @Override
    public String statedBy() {
        return requestedBy;
    }
}
