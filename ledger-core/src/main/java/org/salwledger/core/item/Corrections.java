package org.salwledger.core.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.command.Refusal;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Which facts of which records may be corrected. Who, which item, which transfer and which host
 * are never corrected: those are different facts, recorded by their own commands.
 */
final class Corrections {
    private static final Map<String, Set<String>> CORRECTABLE = Map.of(
            "ItemManufactured", Set.of("category", "partType", "identityComponent", "make", "model", "calibre",
                    "material", "production", "yearOfManufacture", "description"),
            "ItemRegisteredUnmarked", Set.of("category", "partType", "make", "model", "calibre", "material",
                    "production", "description", "place"),
            "ItemMarked", Set.of("text", "serial", "component", "method", "location"),
            "ItemLost", Set.of("place", "policeReference"),
            "ItemStolen", Set.of("place", "policeReference"),
            "ItemRecovered", Set.of("place", "circumstances", "observedMarkings"),
            "ItemSeized", Set.of("place", "reason"),
            "ItemDeactivated", Set.of("certificateReference", "standard"),
            "ItemDestroyed", Set.of("certificateReference", "method"));

    private Corrections() {}

    static void check(String type, ObjectNode corrected) {
        Set<String> allowed = CORRECTABLE.get(type);
        if (allowed == null) {
            throw Refusal.unprocessable("record-not-correctable", type + " records are not corrected: "
                    + "the custody fact they state is changed by a new command");
        }
        if (corrected == null || corrected.isEmpty()) {
            throw Refusal.unprocessable("missing-field", "'correctedFacts' must name at least one fact");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = corrected.fields(); it.hasNext(); ) {
            String field = it.next().getKey();
            if (!allowed.contains(field)) {
                throw Refusal.unprocessable("fact-not-correctable",
                        "'" + field + "' of a " + type + " record cannot be corrected; correctable: " + allowed);
            }
        }
    }
}
