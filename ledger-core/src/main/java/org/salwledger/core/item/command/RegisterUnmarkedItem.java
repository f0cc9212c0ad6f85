package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.marking.ObservedMarking;

import java.util.List;

/** A recovered craft, 3D-printed or unreadable item enters the ledger in the recovering actor's custody. */
public record RegisterUnmarkedItem(@TargetAggregateIdentifier String itemId, ItemKind kind, WeaponCategory category,
                                   PartType partType, String make, String model, String calibre, Material material,
                                   Production production, String description, String place,
                                   List<ObservedMarking> observedMarkings, CommandOrigin origin) {
}
