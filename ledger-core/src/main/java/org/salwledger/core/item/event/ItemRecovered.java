package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;
import org.salwledger.core.item.description.ItemStatus;
import org.salwledger.core.item.marking.ObservedMarking;

import java.util.List;

/** A lost or stolen item found; {@code lastLegalCustodian} held it before it left legal hands. */
public record ItemRecovered(String itemId, ItemStatus previousStatus, String lastLegalCustodian, String recoveredBy,
                            String recovererCountry, String place, String circumstances,
                            List<ObservedMarking> observedMarkings, RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return recoveredBy;
    }
}
