package org.salwledger.core.epcis;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The identifiers an EPCIS export gives the ledger's things (docs/ledger-format.md §8): HTTPS URIs under the
 * transparency log's origin, so they are unique to this ledger and stable across exports and nodes. The
 * ledger mints no GS1 keys: an item is known by the ledger's id, which its marks and records resolve.
 */
public record EpcisIds(String base) {
    public static EpcisIds forOrigin(String origin) {
        return new EpcisIds("https://" + origin + "/");
    }

    public String item(String itemId) {
        return base + "item/" + segment(itemId);
    }

    public String actor(String actorId) {
        return base + "actor/" + segment(actorId);
    }

    public String transfer(String transferId) {
        return base + "transfer/" + segment(transferId);
    }

    /** A record of the ledger: the EPCIS event's eventID, and the transformation id of a conversion. */
    public String record(String stream, long sequence) {
        return base + "record/" + segment(stream) + "/" + sequence;
    }

    /** The namespace of the ledger's own EPCIS terms (prefix {@code salw}): facts EPCIS has no field for. */
    public String vocabulary() {
        return base + "epcis/";
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
