package org.salwledger.core.item;

import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Role;

/**
 * Who holds an item and in which country: the one the custody facts are checked against. Built from the
 * item's state per command, so the item's snapshot keeps its fields as they are.
 */
record Custody(String custodian, String country) {

    boolean heldBy(CommandOrigin origin) {
        return origin.actorId().equals(custodian);
    }

    /** An AUTHORITY of the custodian's country: it may state some facts for the items held there. */
    boolean isAuthorityOver(CommandOrigin origin) {
        return origin.role() == Role.AUTHORITY && origin.country().equals(country);
    }

    void requireHeldBy(CommandOrigin origin) {
        if (!heldBy(origin)) {
            throw Refusal.forbidden("not-custodian", "the item is in the custody of " + custodian
                    + ", not of " + origin.actorId());
        }
    }

    void requireHeldByOrAuthorityOver(CommandOrigin origin) {
        if (!isAuthorityOver(origin)) {
            requireHeldBy(origin);
        }
    }
}
