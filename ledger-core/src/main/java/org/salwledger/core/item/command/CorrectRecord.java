package org.salwledger.core.item.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

/**
 * The actor who recorded a wrong fact states the corrected facts of that record (ATF Rul. 2016-1:
 * a new entry; the original is never edited). {@code recordHash} pins the record being corrected.
 */
public record CorrectRecord(@TargetAggregateIdentifier String itemId, long sequence, String recordHash,
                            ObjectNode correctedFacts, String reason, CommandOrigin origin) {
}
