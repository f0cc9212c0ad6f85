package org.salwledger.core.item.command;

import org.salwledger.core.item.Item;

/**
 * A report about an item's status or custody (loss, theft, recovery, seizure) that the parts
 * installed in it share: they are where their host is.
 */
public interface ItemReport {
    String itemId();

    /** The same report about another item: an installed part of this one. */
    ItemReport about(String otherItemId);

    void applyTo(Item item);
}
