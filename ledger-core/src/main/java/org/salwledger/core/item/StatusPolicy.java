package org.salwledger.core.item;

import org.salwledger.core.command.Refusal;
import org.salwledger.core.item.description.ItemStatus;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import static org.salwledger.core.item.description.ItemStatus.ACTIVE;
import static org.salwledger.core.item.description.ItemStatus.DEACTIVATED;
import static org.salwledger.core.item.description.ItemStatus.DESTROYED;
import static org.salwledger.core.item.description.ItemStatus.IN_TRANSIT;
import static org.salwledger.core.item.description.ItemStatus.LOST;
import static org.salwledger.core.item.description.ItemStatus.SEIZED;

/**
 * In which statuses a fact may be recorded about an item, by name. Nobody acts on an item that is
 * in transit, missing or destroyed; what a seizing authority may still do is spelled out. A refusal
 * names the status the item is in: {@code item-in-transit}, {@code item-lost}, {@code item-stolen},
 * {@code item-seized}, {@code item-deactivated}, {@code item-destroyed}.
 */
enum StatusPolicy {
    /** Dispatch, loss report, seizure: the item is in its holder's hands and nothing more. */
    IN_HAND(EnumSet.of(ACTIVE)),
    /**
     * Assembly and detachment: in its holder's hands, or held by the authority that seized or
     * recovered it, which records the weapon as it was found (docs/domain-rules.md rules 19, 23).
     * Nobody changes a lost or stolen weapon's composition.
     */
    COMPOSABLE(EnumSet.of(ACTIVE, SEIZED)),
    /** A theft may be reported of an item in hand or of one already reported lost. */
    THEFT_REPORTABLE(EnumSet.of(ACTIVE, LOST)),
    /** Deactivation and conversion: in hand, or held by the authority that seized it. */
    ALTERABLE(EnumSet.of(ACTIVE, SEIZED)),
    /** Destruction: the custodian physically holds it, whatever was done to it before. */
    PHYSICALLY_HELD(EnumSet.of(ACTIVE, SEIZED, DEACTIVATED)),
    /** Hand-over to an authority when an actor ceases business: anything not on its way elsewhere. */
    NOT_IN_TRANSIT(EnumSet.complementOf(EnumSet.of(IN_TRANSIT))),
    /** Facts about identity still apply to anything that has not been destroyed. */
    NOT_DESTROYED(EnumSet.complementOf(EnumSet.of(DESTROYED)));

    private final Set<ItemStatus> allowed;

    StatusPolicy(Set<ItemStatus> allowed) {
        this.allowed = allowed;
    }

    void require(ItemStatus status, String itemId) {
        if (!allowed.contains(status)) {
            throw Refusal.conflict("item-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "item " + itemId + " is " + status).concerning(itemId);
        }
    }
}
