package org.salwledger.core.chain;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.Sha256;

/**
 * The ledger record of an event (docs/ledger-format.md): {stream, sequence, type, facts,
 * envelopeHash, occurredAt, recordedAt, prevHash} as RFC 8785 canonical JSON; its hash is SHA-256 of
 * those bytes.
 */
public final class LedgerRecords {
    /** prevHash of the first record of every stream. */
    public static final String GENESIS = "0".repeat(64);

    private LedgerRecords() {}

    public static String typeOf(LedgerEvent event) {
        return event.getClass().getSimpleName();
    }

    /** The event's domain facts: every property but the link. */
    public static ObjectNode factsOf(LedgerEvent event) {
        ObjectNode facts = CanonicalJson.mapper().valueToTree(event);
        facts.remove("link");
        return facts;
    }

    public static ObjectNode record(String stream, long sequence, String type, ObjectNode facts,
                                    String envelopeHash, String occurredAt, String recordedAt, String prevHash) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("stream", stream);
        record.put("sequence", sequence);
        record.put("type", type);
        record.set("facts", facts);
        if (envelopeHash == null) {
            record.putNull("envelopeHash");
        } else {
            record.put("envelopeHash", envelopeHash);
        }
        record.put("occurredAt", occurredAt);
        record.put("recordedAt", recordedAt);
        record.put("prevHash", prevHash);
        return record;
    }

    /** The record of an already sealed event, rebuilt from its facts and link. */
    public static ObjectNode recordOf(LedgerEvent event) {
        RecordLink link = event.link();
        return record(link.stream(), link.sequence(), typeOf(event), factsOf(event),
                link.envelopeHash(), link.occurredAt(), link.recordedAt(), link.prevHash());
    }

    public static byte[] canonicalBytes(ObjectNode record) {
        return CanonicalJson.canonicalize(record);
    }

    public static String hash(ObjectNode record) {
        return Sha256.hex(canonicalBytes(record));
    }

    /** True when the event's stated hash is the hash of its rebuilt record. */
    public static boolean hashMatches(LedgerEvent event) {
        return event.link() != null && hash(recordOf(event)).equals(event.link().hash());
    }
}
