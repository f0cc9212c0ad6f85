package org.salwledger.core.item;

/**
 * The set-based rule "one manufacture mark (manufacturer, country, serial) per item across the
 * ledger", claimed in the same transaction as the item's events so concurrent claims cannot both win.
 */
public interface ManufactureMarkRegistry {

    /**
     * Claims the normalised serial for the item; claiming it again for the same item is allowed (a
     * frame and slide often carry the same number). Another item's claim is refused with
     * {@code duplicate-marking}.
     */
    void claim(String manufacturer, String country, String normalizedSerial, String itemId);
}
