package org.salwledger.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.Sha256;
import org.salwledger.core.log.Checkpoint;
import org.salwledger.core.log.MerkleHashes;
import org.salwledger.core.log.MerkleProofs;
import org.salwledger.core.log.MerkleTree;
import org.salwledger.core.log.NoteVerifierKey;
import org.salwledger.core.log.SignedNote;
import org.salwledger.core.witness.WitnessPolicy;
import org.salwledger.core.trace.TraceRecords;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an export of the whole log without trusting the ledger that served it: every record's hash,
 * every stream's chain, every envelope's hash and signature against the signer's key as the records
 * state it, the leaf hashes the log committed to, the Merkle root against the signed checkpoint, and
 * consistency with a checkpoint (and optionally the leaves of an earlier export) the verifier already
 * trusts. Fails fast: the first {@link VerificationFailure} names the record and what is wrong.
 * Feed it the export's lines in order with {@link #accept}, then call {@link #finish}.
 * <p>
 * Over 300 lines because it is one streaming pass with one state (the chains, the leaves, the
 * envelopes seen): splitting the checks would mean passing that state between classes or reading
 * the export more than once, and auditors read this file as the algorithm of docs/ledger-format.md §5.3.
 */
public final class LedgerVerifier {
    /** What a successful verification covered. */
    public record Summary(long records, int streams, long sealedRecords, int envelopes, int signaturesChecked,
                          Checkpoint checkpoint, String logKey, boolean logKeyPinned, Long trustedSize,
                          boolean earlierExportMatched, List<String> witnesses) {}

    private final NoteVerifierKey trustedKey;
    private final String trustedCheckpoint;
    private final List<byte[]> earlierLeaves;
    private final WitnessPolicy witnessPolicy;
    private List<String> witnesses = List.of();

    private NoteVerifierKey logKey;
    private Checkpoint checkpoint;
    private Long declaredEnd;
    private final List<byte[]> leaves = new ArrayList<>();
    private final Map<String, Link> heads = new HashMap<>();
    private final Map<String, JsonNode> pendingEnvelopes = new HashMap<>();
    private final Set<String> verifiedEnvelopes = new HashSet<>();
    /** The commands of recently verified envelopes; a command's records follow its envelope closely in the log. */
    private final Map<String, JsonNode> recentCommands = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
            return size() > RECENT_COMMANDS;
        }
    };
    private final KeyHistory keys = new KeyHistory();
    private final Set<String> sealedStreams = new HashSet<>();
    private long sealedRecords;
    private int signatures;

    private record Link(long sequence, String hash) {}

    /**
     * How many envelopes back a record may name its envelope and still have its facts checked. The ledger
     * appends a command's records together, so they are never that far apart; an export where they are
     * is refused rather than left unchecked.
     */
    static final int RECENT_COMMANDS = 50_000;
    static final String ADMIN_STREAM = "actor:admin";

    /**
     * @param trustedKey        the log's verifier key as the auditor knows it; when null the export's own is used
     * @param trustedCheckpoint a signed checkpoint the auditor kept; the log must extend it
     * @param earlierLeaves     leaf hashes of an earlier export the auditor kept; every one must be unchanged
     */
    public LedgerVerifier(NoteVerifierKey trustedKey, String trustedCheckpoint, List<byte[]> earlierLeaves) {
        this(trustedKey, trustedCheckpoint, earlierLeaves, WitnessPolicy.none());
    }

    /** @param witnessPolicy the witnesses whose quorum must have cosigned the export's checkpoint */
    public LedgerVerifier(NoteVerifierKey trustedKey, String trustedCheckpoint, List<byte[]> earlierLeaves,
                          WitnessPolicy witnessPolicy) {
        this.witnessPolicy = witnessPolicy;
        this.trustedKey = trustedKey;
        this.trustedCheckpoint = trustedCheckpoint;
        this.earlierLeaves = earlierLeaves == null ? List.of() : earlierLeaves;
    }

    public void accept(String line) {
        JsonNode node;
        try {
            node = CanonicalJson.mapper().readTree(line);
        } catch (IOException e) {
            throw VerificationFailure.ofLog("the line after record " + (leaves.size() - 1) + " is not JSON: "
                    + e.getMessage());
        }
        accept(node);
    }

    public void accept(JsonNode line) {
        String kind = line.path(LogExport.KIND).asText();
        if (logKey == null && !LogExport.LOG.equals(kind)) {
            throw VerificationFailure.ofLog("the export does not start with its log line");
        }
        if (declaredEnd != null) {
            throw VerificationFailure.ofLog("content after the end line");
        }
        switch (kind) {
            case LogExport.LOG -> header(line);
            case LogExport.ENVELOPE -> pendingEnvelopes.put(line.path("hash").asText(), line.path("envelope"));
            case LogExport.RECORD -> record(line);
            case LogExport.SEALED -> sealed(line);
            case LogExport.END -> declaredEnd = line.path("records").asLong(-1);
            default -> throw VerificationFailure.ofLog("unknown line kind '" + kind + "'");
        }
    }

    private void header(JsonNode line) {
        if (logKey != null) {
            throw VerificationFailure.ofLog("a second log line");
        }
        NoteVerifierKey served = NoteVerifierKey.parse(line.path("key").asText().trim());
        logKey = trustedKey != null ? trustedKey : served;
        if (!line.path("checkpoint").isTextual()) {
            throw VerificationFailure.ofLog("the ledger has signed no checkpoint yet: there is nothing to verify");
        }
        checkpoint = open(line.path("checkpoint").asText(), "the export's checkpoint");
        try {
            witnesses = witnessPolicy.requireQuorum(line.path("checkpoint").asText());
        } catch (IllegalArgumentException e) {
            throw VerificationFailure.ofLog("the export's checkpoint does not meet the witness policy: " + e.getMessage());
        }
    }

    private Checkpoint open(String note, String what) {
        try {
            return Checkpoint.parse(SignedNote.open(note, List.of(logKey)));
        } catch (IllegalArgumentException e) {
            throw VerificationFailure.ofLog(what + " is not signed by the log key " + logKey.encode() + ": "
                    + e.getMessage());
        }
    }

    private void record(JsonNode line) {
        long index = line.path("index").asLong(-1);
        String stream = line.path("stream").asText(null);
        long sequence = line.path("sequence").asLong(-1);
        requireNext(index);
        if (sealedStreams.contains(stream)) {
            throw new VerificationFailure(index, stream, sequence, "is open, but its stream's earlier records are sealed");
        }
        JsonNode recordNode = line.get("record");
        if (!(recordNode instanceof ObjectNode record)) {
            throw new VerificationFailure(index, stream, sequence,
                    "the log has this record but the event store does not");
        }
        if (!record.path("stream").asText().equals(stream) || record.path("sequence").asLong(-1) != sequence) {
            throw new VerificationFailure(index, stream, sequence, "the event store holds "
                    + record.path("stream").asText() + "/" + record.path("sequence").asText() + " where the log has this record");
        }
        byte[] bytes = LedgerRecords.canonicalBytes(record);
        String computed = Sha256.hex(bytes);
        String stated = line.path("hash").asText();
        if (!computed.equals(stated)) {
            throw new VerificationFailure(index, stream, sequence, "its hash does not match its content (stated "
                    + stated + ", content hashes to " + computed + ")");
        }
        byte[] leaf = MerkleHashes.leaf(bytes);
        byte[] logged = decode(line.path("leafHash").asText());
        if (!Arrays.equals(leaf, logged)) {
            throw new VerificationFailure(index, stream, sequence, "the log committed to other bytes at this leaf (leaf hash "
                    + b64(logged) + ", the record hashes to " + b64(leaf) + ")");
        }
        requireUnchanged(index, stream, sequence, leaf);
        chain(index, stream, sequence, record, computed);
        String envelopeHash = record.path("envelopeHash").asText(null);
        if (envelopeHash != null) {
            envelope(index, stream, sequence, envelopeHash);
            JsonNode command = recentCommands.get(envelopeHash);
            if (command == null) {
                throw new VerificationFailure(index, stream, sequence, "its envelope " + envelopeHash + " appeared more "
                        + "than " + RECENT_COMMANDS + " envelopes before it: its facts cannot be checked");
            }
            String problem = CommandFacts.problem(record, command, envelopeHash);
            if (problem != null) {
                throw new VerificationFailure(index, stream, sequence, problem);
            }
        } else if (!bootstrapRecord(record)) {
            throw new VerificationFailure(index, stream, sequence, "it names no envelope: only the ledger's own "
                    + "records of the administrator (registration, re-keying from configuration) may");
        }
        keys.learn(record.path("type").asText(), record.path("facts"));
        leaves.add(leaf);
    }

    /** The ledger states only the administrator's registration and re-keying itself (docs §3). */
    static boolean bootstrapRecord(ObjectNode record) {
        String type = record.path("type").asText();
        JsonNode facts = record.path("facts");
        return ADMIN_STREAM.equals(record.path("stream").asText())
                && ("ActorRegistered".equals(type) && record.path("sequence").asLong(-1) == 0
                        && "ledger".equals(facts.path("registeredBy").asText())
                        && "ADMIN".equals(facts.path("role").asText())
                    || "ActorKeyRotated".equals(type) && "ledger".equals(facts.path("rotatedBy").asText()));
    }

    /**
     * A confidential trace record: only its place and leaf hash can be checked, so sealing is allowed for
     * trace record types, for whole streams that open with the request, and the leaf still counts in the root.
     */
    private void sealed(JsonNode line) {
        long index = line.path("index").asLong(-1);
        String stream = line.path("stream").asText(null);
        long sequence = line.path("sequence").asLong(-1);
        String type = line.path("type").asText();
        requireNext(index);
        if (!TraceRecords.isConfidential(type)) {
            throw new VerificationFailure(index, stream, sequence, "is sealed as a '" + type
                    + "', but only trace records are confidential");
        }
        Link previous = heads.get(stream);
        if (previous != null && !sealedStreams.contains(stream)) {
            throw new VerificationFailure(index, stream, sequence, "is sealed, but its stream's earlier records are open");
        }
        if ((sequence == 0) != TraceRecords.opensStream(type)) {
            throw new VerificationFailure(index, stream, sequence, "is sealed as a '" + type
                    + "' at sequence " + sequence + ": a trace stream opens with its request, and only there");
        }
        requireFollows(index, stream, sequence, previous);
        byte[] leaf = decode(line.path("leafHash").asText());
        if (leaf.length != MerkleHashes.HASH_SIZE) {
            throw new VerificationFailure(index, stream, sequence, "its leaf hash is not a SHA-256 hash");
        }
        requireUnchanged(index, stream, sequence, leaf);
        heads.put(stream, new Link(sequence, line.path("hash").asText()));
        sealedStreams.add(stream);
        sealedRecords++;
        leaves.add(leaf);
    }

    private void requireNext(long index) {
        long expected = leaves.size();
        if (index != expected) {
            throw new VerificationFailure(expected, null, null, "leaf " + expected + " is missing (next line is leaf "
                    + index + ")");
        }
    }

    private static void requireFollows(long index, String stream, long sequence, Link previous) {
        long expectedSequence = previous == null ? 0 : previous.sequence + 1;
        if (sequence != expectedSequence) {
            throw new VerificationFailure(index, stream, sequence, "the stream's record " + expectedSequence
                    + " should come next; records are missing or out of order");
        }
    }

    private void requireUnchanged(long index, String stream, long sequence, byte[] leaf) {
        if (index < earlierLeaves.size() && !Arrays.equals(leaf, earlierLeaves.get((int) index))) {
            throw new VerificationFailure(index, stream, sequence,
                    "differs from the earlier export you trust: the log was rewritten here");
        }
    }

    private void chain(long index, String stream, long sequence, ObjectNode record, String hash) {
        Link previous = heads.get(stream);
        requireFollows(index, stream, sequence, previous);
        String expectedPrev = previous == null ? LedgerRecords.GENESIS : previous.hash;
        String prevHash = record.path("prevHash").asText();
        if (!expectedPrev.equals(prevHash)) {
            throw new VerificationFailure(index, stream, sequence, "prevHash " + prevHash
                    + " is not the hash of the stream's previous record (" + expectedPrev + ")");
        }
        heads.put(stream, new Link(sequence, hash));
    }

    private void envelope(long index, String stream, long sequence, String envelopeHash) {
        if (verifiedEnvelopes.contains(envelopeHash)) {
            return;
        }
        EnvelopeCheck.Outcome outcome = EnvelopeCheck.check(pendingEnvelopes.remove(envelopeHash), envelopeHash, keys);
        if (outcome.problem() != null) {
            throw new VerificationFailure(index, stream, sequence, outcome.problem());
        }
        signatures++;
        verifiedEnvelopes.add(envelopeHash);
        recentCommands.put(envelopeHash, outcome.command());
    }

    /** Records verified so far, and how many the export's checkpoint says it holds (for progress). */
    public long recordsSoFar() {
        return leaves.size();
    }

    public long recordsExpected() {
        return checkpoint == null ? 0 : checkpoint.size();
    }

    /** After the last line: the end marker, the Merkle root against the checkpoint, the trusted checkpoint. */
    public Summary finish() {
        if (logKey == null) {
            throw VerificationFailure.ofLog("the export is empty");
        }
        if (declaredEnd == null) {
            throw VerificationFailure.ofLog("the export is truncated after record " + (leaves.size() - 1));
        }
        long size = leaves.size();
        if (declaredEnd != size || checkpoint.size() != size) {
            throw VerificationFailure.ofLog("the export has " + size + " records; its end line says " + declaredEnd
                    + " and its checkpoint " + checkpoint.size());
        }
        MerkleTree tree = new MerkleTree(leaves);
        byte[] root = tree.root(size);
        if (!Arrays.equals(root, checkpoint.rootHash())) {
            throw VerificationFailure.ofLog("the records hash to root " + b64(root) + ", the signed checkpoint of size "
                    + size + " says " + b64(checkpoint.rootHash()));
        }
        Long trustedSize = null;
        if (trustedCheckpoint != null) {
            Checkpoint trusted = open(trustedCheckpoint, "the trusted checkpoint");
            trustedSize = trusted.size();
            checkConsistency(tree, trusted, root);
        }
        return new Summary(size, heads.size(), sealedRecords, verifiedEnvelopes.size(), signatures, checkpoint, logKey.encode(),
                trustedKey != null, trustedSize, !earlierLeaves.isEmpty(), witnesses);
    }

    private void checkConsistency(MerkleTree tree, Checkpoint trusted, byte[] root) {
        if (!trusted.origin().equals(checkpoint.origin())) {
            throw VerificationFailure.ofLog("the trusted checkpoint is of log '" + trusted.origin() + "', this is '"
                    + checkpoint.origin() + "'");
        }
        long size = checkpoint.size();
        if (trusted.size() > size) {
            throw VerificationFailure.ofLog("the log has " + size + " leaves, fewer than the trusted checkpoint's "
                    + trusted.size() + ": it was truncated or forked");
        }
        List<byte[]> proof = tree.consistencyProof(trusted.size(), size);
        if (!MerkleProofs.verifyConsistency(trusted.size(), size, trusted.rootHash(), root, proof)) {
            throw VerificationFailure.ofLog("the log forked: the trusted checkpoint of size " + trusted.size()
                    + " has root " + b64(trusted.rootHash()) + ", this log's first " + trusted.size()
                    + " leaves hash to " + b64(tree.root(trusted.size())));
        }
    }

    /** The verified leaf hashes, to pass as a later run's earlier leaves. */
    public List<byte[]> leafHashes() {
        return List.copyOf(leaves);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
