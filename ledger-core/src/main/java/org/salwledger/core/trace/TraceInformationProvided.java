package org.salwledger.core.trace;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record TraceInformationProvided(String traceId, String information, String providedBy, RecordLink link)
        implements LedgerEvent {
    @Override
    public String statedBy() {
        return providedBy;
    }
}
