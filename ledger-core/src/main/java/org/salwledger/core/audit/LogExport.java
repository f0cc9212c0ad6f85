package org.salwledger.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.crypto.CanonicalJson;

import java.util.Base64;

/**
 * The JSON Lines export of the whole log (docs/ledger-format.md §5.1): one {@code log} line with the
 * signed checkpoint the export covers, then in leaf order each {@code record} line (or {@code sealed}
 * line for a confidential trace record), each preceded the first time it is needed by the
 * {@code envelope} line it references, then an {@code end} line. Every
 * line is RFC 8785 canonical JSON.
 */
public final class LogExport {
    public static final String KIND = "kind";
    public static final String LOG = "log";
    public static final String ENVELOPE = "envelope";
    public static final String RECORD = "record";
    public static final String SEALED = "sealed";
    public static final String END = "end";

    private LogExport() {}

    public static byte[] logLine(String origin, long size, String verifierKey, String checkpointNote) {
        ObjectNode line = CanonicalJson.mapper().createObjectNode().put(KIND, LOG).put("origin", origin)
                .put("size", size).put("key", verifierKey);
        line.put("checkpoint", checkpointNote);
        return line(line);
    }

    public static byte[] envelopeLine(String envelopeHash, JsonNode envelope) {
        ObjectNode line = CanonicalJson.mapper().createObjectNode().put(KIND, ENVELOPE).put("hash", envelopeHash);
        line.set("envelope", envelope);
        return line(line);
    }

    /**
     * A leaf: where the log puts it (index, stream, sequence), the leaf hash the log committed to, and
     * the record as the event store holds it with its stated hash; record and hash are null when the
     * event store lacks it.
     */
    public static byte[] recordLine(long index, String stream, long sequence, byte[] leafHash, String hash,
                                    ObjectNode record) {
        ObjectNode line = CanonicalJson.mapper().createObjectNode().put(KIND, RECORD).put("index", index)
                .put("stream", stream).put("sequence", sequence)
                .put("leafHash", Base64.getEncoder().encodeToString(leafHash)).put("hash", hash);
        line.set("record", record);
        return line(line);
    }

    /**
     * A confidential leaf ({@link org.salwledger.core.trace.TraceRecords}): where the log puts it, its
     * type, the leaf hash the log committed to and the record's stated hash; neither record nor envelope.
     */
    public static byte[] sealedLine(long index, String stream, long sequence, String type, byte[] leafHash,
                                    String hash) {
        return line(CanonicalJson.mapper().createObjectNode().put(KIND, SEALED).put("index", index)
                .put("stream", stream).put("sequence", sequence).put("type", type)
                .put("leafHash", Base64.getEncoder().encodeToString(leafHash)).put("hash", hash));
    }

    public static byte[] endLine(long records) {
        return line(CanonicalJson.mapper().createObjectNode().put(KIND, END).put("records", records));
    }

    private static byte[] line(ObjectNode line) {
        byte[] json = CanonicalJson.canonicalize(line);
        byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        return withNewline;
    }
}
