package org.salwledger.api.item;

import org.salwledger.core.command.Refusal;

/** Item ids are UUIDs; anything else names no item (and must never reach another stream). */
public final class ItemPaths {
    private ItemPaths() {}

    public static String require(String itemId) {
        if (org.salwledger.core.item.ItemIds.isItemId(itemId)) {
            return itemId;
        }
        throw Refusal.notFound("item-not-found", "no item " + itemId);
    }
}
