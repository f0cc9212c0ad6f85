package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.WeaponCategory;

/** Records a newly made weapon or part; manufacturer and country of manufacture are the signer's. */
public record ManufactureItem(@TargetAggregateIdentifier String itemId, ItemKind kind, WeaponCategory category,
                              PartType partType, PartType identityComponent, String make, String model,
                              String calibre, Material material, Production production,
                              Integer yearOfManufacture, String description, CommandOrigin origin) {
}
