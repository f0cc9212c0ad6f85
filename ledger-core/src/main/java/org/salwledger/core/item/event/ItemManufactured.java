package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.WeaponCategory;

public record ItemManufactured(String itemId, ItemKind kind, WeaponCategory category, PartType partType,
                               PartType identityComponent, String make, String model, String calibre,
                               Material material, Production production, Integer yearOfManufacture,
                               String description, String manufacturer, String countryOfManufacture,
                               RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return manufacturer;
    }
}
