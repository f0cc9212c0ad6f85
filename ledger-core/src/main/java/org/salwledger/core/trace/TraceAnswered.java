package org.salwledger.core.trace;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

import java.time.LocalDate;
import java.util.List;

public record TraceAnswered(String traceId, TraceOutcome outcome, String information, String reason, LocalDate newDate,
                            List<String> identifiedItems, String useRestriction, String answeredBy, RecordLink link)
        implements LedgerEvent {
    @Override
    public String statedBy() {
        return answeredBy;
    }
}
