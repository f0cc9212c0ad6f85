package org.salwledger.api.read;

import org.salwledger.api.auth.Reader;
import org.salwledger.core.command.Refusal;
import org.salwledger.projections.item.ItemQueries;
import org.springframework.stereotype.Component;

/**
 * Who reads which item: MANUFACTURER and HOLDER the items they hold or held; AUTHORITY those held
 * by actors of its country; INVESTIGATOR, LAW_ENFORCEMENT and AUDITOR all. ADMIN manages actors
 * and reads no items.
 */
@Component
public class ReadAccess {
    private final ItemQueries items;

    public ReadAccess(ItemQueries items) {
        this.items = items;
    }

    /** The item is readable, or 404 exactly as for an item that does not exist. */
    public void requireReadable(Reader reader, String itemId) {
        if (!canRead(reader, itemId)) {
            throw itemNotFound(itemId);
        }
    }

    public static Refusal itemNotFound(String itemId) {
        return Refusal.notFound("item-not-found", "no item " + itemId + " that you may read");
    }

    public boolean canRead(Reader reader, String itemId) {
        return switch (reader.role()) {
            case INVESTIGATOR, LAW_ENFORCEMENT, AUDITOR -> true;
            case MANUFACTURER, HOLDER -> items.heldBy(itemId).stream().anyMatch(h -> h.actorId().equals(reader.actorId()));
            case AUTHORITY -> items.heldBy(itemId).stream().anyMatch(h -> h.country().equals(reader.country()));
            case ADMIN -> false;
        };
    }
}
