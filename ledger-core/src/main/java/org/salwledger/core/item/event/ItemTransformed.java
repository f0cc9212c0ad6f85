package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;
import org.salwledger.core.item.description.WeaponCategory;

public record ItemTransformed(String itemId, Shape before, Shape after, String description, String transformedBy,
                              RecordLink link) implements LedgerEvent {

    /** What a conversion may change. */
    public record Shape(String model, String calibre, WeaponCategory category) {}

    @Override
    public String statedBy() {
        return transformedBy;
    }
}
