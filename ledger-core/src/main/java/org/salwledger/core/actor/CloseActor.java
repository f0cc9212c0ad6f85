package org.salwledger.core.actor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

/** Internal: records the cessation on the actor's stream once its items are handed over. */
public record CloseActor(@TargetAggregateIdentifier String stream, String actorId, String handedOverTo, int itemCount,
                         String reason, CommandOrigin origin) {
}
