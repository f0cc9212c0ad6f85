package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.marking.ObservedMarking;

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
