package org.salwledger.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.Sha256;
import org.salwledger.core.crypto.SigningKey;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The realistic population {@code generate} writes and {@code search-bench} queries: five manufacturers
 * in five States with their own serial formats, national authorities that import, police that recover.
 * Keys and serials derive from a seed and the item number, so a run can be resumed and queried later.
 */
final class GeneratedLedger {
    record Model(String model, String category, String calibre, String material, String identityComponent) {}

    record Maker(String code, String country, String make, List<Model> models) {
        String actorId(String run) {
            return run + "-" + country + "-" + code;
        }
    }

    static final List<Maker> MAKERS = List.of(
            new Maker("FNH", "BE", "FN Herstal", List.of(new Model("FN 509", "REVOLVER_OR_SELF_LOADING_PISTOL", "9x19mm", "POLYMER", "FRAME"),
                    new Model("SCAR-L", "ASSAULT_RIFLE", "5.56x45mm", "MIXED", "RECEIVER"),
                    new Model("P90", "SUB_MACHINE_GUN", "5.7x28mm", "POLYMER", "RECEIVER"),
                    new Model("Minimi", "LIGHT_MACHINE_GUN", "5.56x45mm", "METAL", "RECEIVER"))),
            new Maker("GLK", "AT", "Glock", List.of(new Model("G17 Gen5", "REVOLVER_OR_SELF_LOADING_PISTOL", "9x19mm", "POLYMER", "FRAME"),
                    new Model("G19 Gen5", "REVOLVER_OR_SELF_LOADING_PISTOL", "9x19mm", "POLYMER", "FRAME"))),
            new Maker("HK", "DE", "Heckler & Koch", List.of(new Model("G36", "ASSAULT_RIFLE", "5.56x45mm", "POLYMER", "RECEIVER"),
                    new Model("MP5", "SUB_MACHINE_GUN", "9x19mm", "METAL", "RECEIVER"),
                    new Model("HK416", "ASSAULT_RIFLE", "5.56x45mm", "METAL", "RECEIVER"))),
            new Maker("CZ", "CZ", "Ceska zbrojovka", List.of(new Model("CZ 75", "REVOLVER_OR_SELF_LOADING_PISTOL", "9x19mm", "METAL", "FRAME"),
                    new Model("Bren 2", "ASSAULT_RIFLE", "5.56x45mm", "MIXED", "RECEIVER"))),
            new Maker("SIG", "US", "SIG Sauer", List.of(new Model("P320", "REVOLVER_OR_SELF_LOADING_PISTOL", "9x19mm", "POLYMER", "FIRE_CONTROL_UNIT"),
                    new Model("MCX", "RIFLE_OR_CARBINE", "5.56x45mm", "METAL", "RECEIVER"))));

    /** Importing States: each has an AUTHORITY that receives exports and marks them, and police. */
    static final List<String> IMPORTERS = List.of("CD", "KE", "PE", "PH");

    private GeneratedLedger() {}

    static Maker makerOf(long item) {
        return MAKERS.get((int) (item % MAKERS.size()));
    }

    static Model modelOf(long item) {
        Maker maker = makerOf(item);
        return maker.models().get((int) ((item / MAKERS.size()) % maker.models().size()));
    }

    /** Unique per item: maker code, two letters, seven digits, e.g. GLKBM0001234. */
    static String serialOf(long item) {
        return makerOf(item).code() + (char) ('A' + (item / 7) % 26) + (char) ('A' + (item / 181) % 26)
                + String.format("%07d", item);
    }

    static SigningKey keyOf(String seed, String actorId) {
        return SigningKey.fromSeed(Sha256.digest((seed + "/" + actorId).getBytes(StandardCharsets.UTF_8)));
    }

    static String authority(String run, String country) {
        return run + "-" + country + "-AUTH";
    }

    static String police(String run, String country) {
        return run + "-" + country + "-POLICE";
    }

    static ObjectNode command(String type) {
        return CanonicalJson.mapper().createObjectNode().put("type", type);
    }
}
