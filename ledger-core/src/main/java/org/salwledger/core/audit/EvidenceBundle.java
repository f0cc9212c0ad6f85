package org.salwledger.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.crypto.CanonicalJson;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An evidence bundle (docs/ledger-format.md §5.5): everything needed to check a custody chain offline in one
 * RFC 8785 document: the records of the subject's streams and of every actor whose key signed them, in log
 * order, each with its inclusion proof against one published checkpoint; the envelopes they name; the
 * checkpoint with its cosignatures and the log's verifier key.
 */
public final class EvidenceBundle {
    public static final String FORMAT = "salw-ledger-evidence/v1";

    /** A record and where it sits in the log: its leaf index and the inclusion proof at the checkpoint's size. */
    public record Entry(long index, ObjectNode record, List<byte[]> proof) {}

    private EvidenceBundle() {}

    /**
     * The bundle's bytes: canonical JSON and one newline (it is a file), so a verifier can refuse any byte
     * that is not part of its content.
     */
    public static byte[] write(String subject, String origin, String logKey, String checkpoint, List<Entry> entries,
                               Map<String, JsonNode> envelopes) {
        ObjectNode bundle = CanonicalJson.mapper().createObjectNode();
        bundle.put("format", FORMAT).put("subject", subject);
        bundle.putObject("log").put("origin", origin).put("key", logKey).put("checkpoint", checkpoint);
        ArrayNode records = bundle.putArray("records");
        for (Entry entry : entries) {
            ObjectNode line = records.addObject().put("index", entry.index());
            line.set("record", entry.record());
            ArrayNode proof = line.putArray("proof");
            entry.proof().forEach(hash -> proof.add(Base64.getEncoder().encodeToString(hash)));
        }
        ObjectNode envelopeMap = bundle.putObject("envelopes");
        envelopes.forEach(envelopeMap::set);
        return withNewline(CanonicalJson.canonicalize(bundle));
    }

    static byte[] withNewline(byte[] json) {
        byte[] file = java.util.Arrays.copyOf(json, json.length + 1);
        file[json.length] = '\n';
        return file;
    }
}
