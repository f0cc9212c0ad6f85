package org.salwledger.api.log;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import org.salwledger.core.command.Refusal;
import org.salwledger.api.auth.Reader;
import org.salwledger.api.store.EnvelopeStore;
import org.salwledger.core.command.Role;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.log.ConsistencyProof;
import org.salwledger.core.log.InclusionProof;
import org.salwledger.core.log.LeafRef;
import org.salwledger.core.log.MerkleTree;
import org.salwledger.core.trace.TraceRecords;
import org.salwledger.projections.log.LogStore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.Base64;
import java.util.List;

/** Public, hashes only: the signed checkpoint, the log's verifier key, leaves and proofs; entries need a token. */
@RestController
@RequestMapping("/api/v1/log")
@Tag(name = "transparency log")
public class LogController {
    private final LogStore store;
    private final LogKey key;
    private final CheckpointPublisher checkpoints;
    private final EnvelopeStore envelopes;
    private static final int MAX_PAGE = 1000;

    private final LogExporter exporter;

    public LogController(LogStore store, LogKey key, CheckpointPublisher checkpoints, EnvelopeStore envelopes,
                         LogExporter exporter) {
        this.store = store;
        this.key = key;
        this.checkpoints = checkpoints;
        this.envelopes = envelopes;
        this.exporter = exporter;
    }

    @GetMapping(path = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The latest published checkpoint (C2SP tlog-checkpoint in a signed note): signed by the log "
            + "and, when witnesses are configured, cosigned by a quorum of them (C2SP tlog-cosignature)")
    public String checkpoint() {
        return checkpoints.published().map(CheckpointPublisher.SignedCheckpoint::note).orElseThrow(() ->
                Refusal.notFound("no-checkpoint", "no checkpoint is published yet (the log is empty, or its witnesses "
                        + "have not cosigned one)"));
    }

    @GetMapping(path = "/key", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The log's verifier key (C2SP vkey)")
    public String key() {
        return key.verifierKey().encode() + "\n";
    }

    @GetMapping("/leaf")
    @Operation(summary = "Where a record sits in the log")
    public LeafRef leaf(@RequestParam String stream, @RequestParam long sequence) {
        return store.leaf(stream, sequence).map(l -> new LeafRef(l.index(), l.stream(), l.sequence(), l.recordHash(),
                        Base64.getEncoder().encodeToString(l.leafHash())))
                .orElseThrow(() -> Refusal.notFound("not-in-log", "record " + stream + "/" + sequence + " is not in the log yet"));
    }

    /** A sealed entry is a confidential trace record: its place and hash, no record, no envelope. */
    public record LogEntry(long index, String stream, long sequence, String recordHash, String type, boolean sealed,
                           JsonNode record, JsonNode envelope) {}

    @GetMapping("/entries")
    @Operation(summary = "Records of the log [start, end), at most 1,000, with their envelopes; trace records sealed "
            + "(AUDITOR, INVESTIGATOR)")
    public List<LogEntry> entries(@RequestParam long start, @RequestParam long end, Reader reader) {
        requireAuditor(reader);
        if (start < 0 || end <= start || end - start > MAX_PAGE) {
            throw Refusal.invalid("invalid-query", "need 0 <= start < end and at most " + MAX_PAGE + " entries");
        }
        return store.entries(start, end).stream().map(e -> {
            JsonNode record = json(e.record());
            String type = record.path("type").asText();
            if (TraceRecords.isConfidential(type)) {
                return new LogEntry(e.index(), e.stream(), e.sequence(), e.recordHash(), type, true, null, null);
            }
            return new LogEntry(e.index(), e.stream(), e.sequence(), e.recordHash(), type, false, record,
                    record.hasNonNull("envelopeHash") ? envelopes.envelope(record.get("envelopeHash").asText())
                            .map(LogController::json).orElse(null) : null);
        }).toList();
    }

    @GetMapping(path = "/export", produces = EXPORT_TYPE)
    @Operation(summary = "The whole log up to the latest checkpoint as JSON Lines, streamed; trace records sealed "
            + "(AUDITOR, INVESTIGATOR)")
    public org.springframework.http.ResponseEntity<StreamingResponseBody> export(Reader reader) {
        requireAuditor(reader);
        return org.springframework.http.ResponseEntity.ok().contentType(MediaType.parseMediaType(EXPORT_TYPE))
                .body(exporter::write);
    }

    static final String EXPORT_TYPE = "application/jsonl";

    private static void requireAuditor(Reader reader) {
        if (reader.role() != Role.AUDITOR && reader.role() != Role.INVESTIGATOR) {
            throw Refusal.forbidden("role-not-allowed", "the log's records are for AUDITOR and INVESTIGATOR");
        }
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return CanonicalJson.mapper().readTree(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @GetMapping("/proof/inclusion")
    @Operation(summary = "RFC 9162 inclusion proof of leaf index in the tree of the given size")
    public InclusionProof inclusion(@RequestParam long index, @RequestParam long size) {
        MerkleTree tree = tree(size);
        if (index < 0 || index >= size) {
            throw Refusal.invalid("invalid-query", "index must be below size");
        }
        return InclusionProof.of(index, size, tree.inclusionProof(index, size));
    }

    @GetMapping("/proof/consistency")
    @Operation(summary = "RFC 9162 consistency proof between two tree sizes")
    public ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
        MerkleTree tree = tree(to);
        if (from < 0 || from > to) {
            throw Refusal.invalid("invalid-query", "from must be between 0 and to");
        }
        return ConsistencyProof.of(from, to, tree.consistencyProof(from, to));
    }

    private MerkleTree tree(long size) {
        MerkleTree tree = store.tree();
        if (size < 1 || size > tree.size()) {
            throw Refusal.invalid("invalid-query", "the log has " + tree.size() + " leaves; size " + size
                    + " is out of range");
        }
        return tree;
    }
}
