package org.salwledger.api.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.salwledger.core.audit.LogExport;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.trace.TraceRecords;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the whole log as JSON Lines ({@link LogExport}) up to the latest signed checkpoint. Each
 * leaf's record is rebuilt from the event store itself, next to the leaf hash the log committed to,
 * so a verifier sees whether what the ledger serves still matches what it logged and signed. Trace
 * records leave sealed: their content is for the trace's parties only.
 */
@Component
public class LogExporter {
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final LogKey key;
    private final CheckpointPublisher checkpoints;

    public LogExporter(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer, LogKey key,
                       CheckpointPublisher checkpoints) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.key = key;
        this.checkpoints = checkpoints;
    }

    private record Row(long index, String stream, long sequence, byte[] leafHash, ObjectNode record, String hash) {
        String type() {
            return record == null ? null : record.path("type").asText();
        }

        /** Confidential to the trace's parties; the export is read by others. */
        boolean sealed() {
            return record != null && TraceRecords.isConfidential(type());
        }
    }

    public void write(OutputStream out) throws IOException {
        var latest = checkpoints.published();
        String note = latest.map(CheckpointPublisher.SignedCheckpoint::note).orElse(null);
        long size = latest.map(CheckpointPublisher.SignedCheckpoint::size).orElse(0L);
        out.write(LogExport.logLine(key.origin(), size, key.verifierKey().encode(), note));
        Set<String> sentEnvelopes = new HashSet<>();
        for (long start = 0; start < size; start += BATCH) {
            List<Row> rows = rows(start, Math.min(size, start + BATCH));
            for (Map.Entry<String, byte[]> envelope : envelopes(rows, sentEnvelopes).entrySet()) {
                out.write(LogExport.envelopeLine(envelope.getKey(), CanonicalJson.mapper().readTree(envelope.getValue())));
            }
            for (Row row : rows) {
                out.write(row.sealed()
                        ? LogExport.sealedLine(row.index, row.stream, row.sequence, row.type(), row.leafHash, row.hash)
                        : LogExport.recordLine(row.index, row.stream, row.sequence, row.leafHash, row.hash, row.record));
            }
        }
        out.write(LogExport.endLine(size));
        out.flush();
    }

    private List<Row> rows(long start, long end) {
        return jdbc.query("SELECT l.leaf_index, l.stream, l.sequence, l.leaf_hash, e.payload, e.payloadType, "
                        + "e.payloadRevision FROM log_leaf l LEFT JOIN DomainEventEntry e "
                        + "ON e.aggregateIdentifier = l.stream AND e.sequenceNumber = l.sequence "
                        + "WHERE l.leaf_index >= ? AND l.leaf_index < ? ORDER BY l.leaf_index",
                (rs, i) -> {
                    byte[] payload = rs.getBytes(5);
                    ObjectNode record = null;
                    String hash = null;
                    if (payload != null) {
                        Object event = serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class,
                                rs.getString(6), rs.getString(7)));
                        if (event instanceof LedgerEvent ledgerEvent) {
                            record = LedgerRecords.recordOf(ledgerEvent);
                            hash = ledgerEvent.link().hash();
                        }
                    }
                    return new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBytes(4), record, hash);
                }, start, end);
    }

    /** The envelopes these rows reference that were not written yet, fetched in one query. */
    private Map<String, byte[]> envelopes(List<Row> rows, Set<String> sent) {
        Set<String> wanted = new LinkedHashSet<>();
        for (Row row : rows) {
            JsonNode hash = row.record == null || row.sealed() ? null : row.record.get("envelopeHash");
            if (hash != null && !hash.isNull() && sent.add(hash.asText())) {
                wanted.add(hash.asText());
            }
        }
        if (wanted.isEmpty()) {
            return Map.of();
        }
        List<String> hashes = new ArrayList<>(wanted);
        String marks = hashes.stream().map(h -> "?").collect(Collectors.joining(","));
        Map<String, byte[]> found = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT envelope_hash, envelope FROM ledger_envelope WHERE envelope_hash IN (" + marks + ")",
                rs -> {
                    found.put(rs.getString(1), rs.getBytes(2));
                }, hashes.toArray());
        return found;
    }
}
