package org.salwledger.core.item;

import java.util.UUID;

/** Item streams are named by lowercase UUIDs; nothing else may be addressed as an item. */
public final class ItemIds {
    private ItemIds() {}

    public static boolean isItemId(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
