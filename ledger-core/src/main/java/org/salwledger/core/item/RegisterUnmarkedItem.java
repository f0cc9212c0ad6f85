package org.salwledger.core.item;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;

import java.util.List;

/** A recovered craft, 3D-printed or unreadable item enters the ledger in the recovering actor's custody. */
public record RegisterUnmarkedItem(@TargetAggregateIdentifier String itemId, ItemKind kind, WeaponCategory category,
                                   PartType partType, String make, String model, String calibre, Material material,
                                   Production production, String description, String place,
                                   List<ObservedMarking> observedMarkings, CommandOrigin origin) {
}
