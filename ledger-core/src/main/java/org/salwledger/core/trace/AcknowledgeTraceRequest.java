package org.salwledger.core.trace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

public record AcknowledgeTraceRequest(@TargetAggregateIdentifier String traceId, CommandOrigin origin) {
}
