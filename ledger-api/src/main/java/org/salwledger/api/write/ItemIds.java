package org.salwledger.api.write;

import org.salwledger.api.problem.LedgerProblem;

import java.util.UUID;

/** Item ids are UUIDs; anything else names no item (and must never reach another stream). */
public final class ItemIds {
    private ItemIds() {}

    public static String require(String itemId) {
        try {
            if (UUID.fromString(itemId).toString().equals(itemId)) {
                return itemId;
            }
        } catch (IllegalArgumentException notAUuid) {
            // answered below
        }
        throw LedgerProblem.notFound("item-not-found", "no item " + itemId);
    }
}
