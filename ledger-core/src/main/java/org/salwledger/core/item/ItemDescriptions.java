package org.salwledger.core.item;

import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Require;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.marking.ObservedMarking;

import java.util.List;

/** Checks shared by the commands that describe an item: its kind's fields and observed markings. */
final class ItemDescriptions {
    private static final int MAX_OBSERVED = 20;

    private ItemDescriptions() {}

    /** A WEAPON has a category and no partType; a PART the reverse. */
    static void requireKindFields(ItemKind kind, WeaponCategory category, PartType partType) {
        if (kind == ItemKind.WEAPON) {
            Require.present(category, "category");
            if (partType != null) {
                throw Refusal.unprocessable("invalid-field", "a WEAPON has a category, not a 'partType'");
            }
        } else {
            Require.present(partType, "partType");
            if (category != null) {
                throw Refusal.unprocessable("invalid-field", "a PART has a partType, not a 'category'");
            }
        }
    }

    static List<ObservedMarking> observed(List<ObservedMarking> markings) {
        if (markings == null) {
            return List.of();
        }
        if (markings.size() > MAX_OBSERVED) {
            throw Refusal.unprocessable("invalid-field", "at most " + MAX_OBSERVED + " observed markings");
        }
        markings.forEach(m -> Require.text(m == null ? null : m.text(), "observedMarkings[].text", 200));
        return List.copyOf(markings);
    }
}
