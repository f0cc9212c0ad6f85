package org.salwledger.core.item;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

public record ReportStolen(@TargetAggregateIdentifier String itemId, String place, String policeReference,
                           CommandOrigin origin) {
}
