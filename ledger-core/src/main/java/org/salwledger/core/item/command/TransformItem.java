package org.salwledger.core.item.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.item.description.WeaponCategory;

/**
 * A conversion that changes model, calibre or category (ATF Rul. 2016-3; EU 2021/555 art 4(5)(d)).
 * Null fields stay as they are.
 */
public record TransformItem(@TargetAggregateIdentifier String itemId, String model, String calibre,
                            WeaponCategory category, String description, CommandOrigin origin) {
}
