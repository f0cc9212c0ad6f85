package org.salwledger.core.item;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

import java.util.List;

public record ItemRegisteredUnmarked(String itemId, ItemKind kind, WeaponCategory category, PartType partType,
                                     String make, String model, String calibre, Material material,
                                     Production production, String description, String place,
                                     List<ObservedMarking> observedMarkings, String registeredBy, String country,
                                     RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return registeredBy;
    }
}
