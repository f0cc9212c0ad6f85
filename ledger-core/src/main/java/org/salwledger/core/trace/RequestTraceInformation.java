package org.salwledger.core.trace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

/** The requested State asks the requester for what it needs to answer (docs/domain-rules.md rule 25, INFO_REQUESTED). */
public record RequestTraceInformation(@TargetAggregateIdentifier String traceId, String questions, CommandOrigin origin) {
}
