package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.marking.MarkType;
import org.salwledger.core.item.marking.MarkingMethod;

import java.util.List;

/**
 * A mark recorded on an item. For MANUFACTURE marks {@code manufacturer}, {@code country} and
 * {@code serial} make the ITI 8(a) mark; {@code warnings} flags marks that are lawful but weak.
 */
public record ItemMarked(String itemId, MarkType markType, String text, String serial, String manufacturer,
                         String country, PartType component, MarkingMethod method, String location,
                         String markedBy, List<String> warnings, RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return markedBy;
    }
}
