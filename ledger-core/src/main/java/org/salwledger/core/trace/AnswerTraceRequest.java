package org.salwledger.core.trace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

import java.time.LocalDate;
import java.util.List;

/** The requested State's answer; {@code identifiedItems} names the ledger items it identified, if any. */
public record AnswerTraceRequest(@TargetAggregateIdentifier String traceId, TraceOutcome outcome, String information,
                                 String reason, LocalDate newDate, List<String> identifiedItems, CommandOrigin origin) {
}
