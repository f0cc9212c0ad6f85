package org.salwledger.core.trace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

import java.time.LocalDate;
import java.util.List;

/**
 * The requested State's answer; {@code identifiedItems} names the ledger items it identified, if any;
 * {@code useRestriction} limits what the requester may do with the information (docs/domain-rules.md rule 26).
 */
public record AnswerTraceRequest(@TargetAggregateIdentifier String traceId, TraceOutcome outcome, String information,
                                 String reason, LocalDate newDate, List<String> identifiedItems, String useRestriction,
                                 CommandOrigin origin) {
}
