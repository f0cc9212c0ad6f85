package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;
import org.salwledger.core.item.marking.ObservedMarking;

import java.util.List;

/**
 * An anomaly, not a refusal: an item recorded as destroyed turned up again (destruction fraud is a
 * known diversion path, docs/domain-rules.md rule 29). {@code destroyedBy} recorded the destruction.
 */
public record ItemRecoveredAfterDestruction(String itemId, String destroyedBy, String recoveredBy,
                                            String recovererCountry, String place, String circumstances,
                                            List<ObservedMarking> observedMarkings, RecordLink link)
        implements LedgerEvent {
    @Override
    public String statedBy() {
        return recoveredBy;
    }
}
