package org.salwledger.core.item;

import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.description.ItemStatus;
import org.salwledger.core.item.marking.MarkType;

import java.util.Set;

/**
 * Who may put which mark other than the manufacturer's on an item, given its custody history: the
 * importing State's (ITI 8b), the releasing State's (8c), the confiscating authority's (9), and the
 * deactivating custodian's or authority's. A refusal is {@code mark-not-allowed} and says who could.
 */
record LifecycleMarkRights(String itemId, ItemStatus status, Custody custody, Set<String> importedInto,
                           Set<String> releasedToCiviliansBy) {

    void require(MarkType markType, CommandOrigin origin) {
        boolean allowed = switch (markType) {
            case IMPORT -> origin.role() == Role.AUTHORITY && importedInto.contains(origin.country());
            case STATE_TO_CIVILIAN -> origin.role() == Role.AUTHORITY && releasedToCiviliansBy.contains(origin.country());
            case CONFISCATION -> (origin.role() == Role.AUTHORITY || origin.role() == Role.LAW_ENFORCEMENT)
                    && status == ItemStatus.SEIZED && custody.heldBy(origin);
            case DEACTIVATION -> status == ItemStatus.DEACTIVATED
                    && (custody.heldBy(origin) || custody.isAuthorityOver(origin));
            case REMARK -> custody.heldBy(origin);
            case MANUFACTURE -> false;
        };
        if (!allowed) {
            throw Refusal.forbidden("mark-not-allowed", markType + " mark not allowed for "
                    + origin.actorId() + " (" + origin.role() + ", " + origin.country() + ") on item " + itemId
                    + " (" + status + ", custodian " + custody.custodian() + ")" + whoMay(markType));
        }
    }

    private static String whoMay(MarkType markType) {
        return switch (markType) {
            case IMPORT -> ": an AUTHORITY of a country that received the item by EXPORT";
            case STATE_TO_CIVILIAN -> ": an AUTHORITY of the country whose stocks released it to civilian use";
            case CONFISCATION -> ": the AUTHORITY or LAW_ENFORCEMENT holding the seized item";
            case DEACTIVATION -> ": after deactivation, by its custodian or an AUTHORITY of its country";
            default -> ": its custodian";
        };
    }
}
