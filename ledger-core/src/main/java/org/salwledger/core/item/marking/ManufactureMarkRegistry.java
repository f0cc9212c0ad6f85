package org.salwledger.core.item.marking;

import java.util.function.Predicate;

/**
 * The set-based rule "one manufacture mark (manufacturer, country, serial) per weapon across the
 * ledger", claimed in the same transaction as the item's events so concurrent claims cannot both win.
 */
public interface ManufactureMarkRegistry {

    /**
     * Claims the normalised serial for the item. Claiming it again for the same item is allowed (a
     * frame and slide often carry the same number), and so is a claim by an item for which
     * {@code sameWeapon} holds of the item that already carries it (the serial of a fire-control unit
     * repeated on the slide installed with it). Any other item's claim is refused with
     * {@code duplicate-marking}.
     */
    void claim(String manufacturer, String country, String normalizedSerial, String itemId,
               Predicate<String> sameWeapon);

    /** A claim no other item may share. */
    default void claim(String manufacturer, String country, String normalizedSerial, String itemId) {
        claim(manufacturer, country, normalizedSerial, itemId, owner -> false);
    }
}
