package org.salwledger.core.item.description;

/** Essential and other components (DESIGN.md §4; EU 2021/555 art 1 essential components). */
public enum PartType {
    FRAME, RECEIVER, UPPER_RECEIVER, LOWER_RECEIVER, FIRE_CONTROL_UNIT, SLIDE, BARREL, BOLT, BREECH_BLOCK,
    CYLINDER, OTHER;

    /** Components that can carry a weapon's legal identity, which differs by design and jurisdiction. */
    public boolean canCarryIdentity() {
        return this == FRAME || this == RECEIVER || this == UPPER_RECEIVER || this == LOWER_RECEIVER
                || this == FIRE_CONTROL_UNIT;
    }
}
