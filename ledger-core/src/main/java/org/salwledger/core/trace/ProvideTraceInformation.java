package org.salwledger.core.trace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

/** The requester answers the requested State's questions; the request is back with the requested State. */
public record ProvideTraceInformation(@TargetAggregateIdentifier String traceId, String information,
                                      CommandOrigin origin) {
}
