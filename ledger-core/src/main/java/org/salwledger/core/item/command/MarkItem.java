package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.marking.MarkType;
import org.salwledger.core.item.marking.MarkingMethod;

/** Records a mark on an item: what it says, on which component, how it was applied. */
public record MarkItem(@TargetAggregateIdentifier String itemId, MarkType markType, String serial, String text,
                       PartType component, MarkingMethod method, String location, CommandOrigin origin) {
}
