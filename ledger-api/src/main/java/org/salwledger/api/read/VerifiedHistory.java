package org.salwledger.api.read;

import org.salwledger.projections.item.ItemQueries;
import org.salwledger.projections.log.IntegrityViolation;
import org.salwledger.projections.log.LogIntegrity;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * An item's timeline from the history view, served only if each entry is the record its stream's verified
 * chain holds: a view edited behind the service's back is reported, never shown.
 */
@Component
public class VerifiedHistory {
    private final ItemQueries items;
    private final StreamChain chain;
    private final LogIntegrity integrity;

    public VerifiedHistory(ItemQueries items, StreamChain chain, LogIntegrity integrity) {
        this.items = items;
        this.chain = chain;
        this.integrity = integrity;
    }

    public List<ItemQueries.HistoryEntry> of(String itemId) {
        List<ItemQueries.HistoryEntry> history = items.history(itemId);
        List<StreamChain.Entry> records = chain.records(itemId);
        for (ItemQueries.HistoryEntry entry : history) {
            if (entry.sequence() >= records.size()
                    || !records.get((int) entry.sequence()).hash().equals(entry.recordHash())) {
                throw integrity.report(new IntegrityViolation(IntegrityViolation.record(itemId, entry.sequence()),
                        "the history view shows another record than the event store's verified chain"));
            }
        }
        return history;
    }
}
