package org.salwledger.api.item;

import org.salwledger.api.problem.LedgerProblem;

/** Item ids are UUIDs; anything else names no item (and must never reach another stream). */
public final class ItemPaths {
    private ItemPaths() {}

    public static String require(String itemId) {
        if (org.salwledger.core.item.ItemIds.isItemId(itemId)) {
            return itemId;
        }
        throw LedgerProblem.notFound("item-not-found", "no item " + itemId);
    }
}
