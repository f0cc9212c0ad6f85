package org.salwledger.core.trace;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.marking.ObservedMarking;

import java.util.List;

public record TraceRequested(String traceId, String requester, String requesterCountry, String requestedState,
                             List<ObservedMarking> observedMarkings, ItemKind kind, WeaponCategory category,
                             String calibre, String make, String model, String recoveredAt, String recoveredPlace,
                             String circumstances, List<IllicitGround> illicitGrounds, String legalBasis,
                             String intendedUse, TracePriority priority, String priorityJustification,
                             List<String> candidateItems, RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return requester;
    }
}
