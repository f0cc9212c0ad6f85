package org.salwledger.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.crypto.CanonicalBase64;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.Sha256;
import org.salwledger.core.log.Checkpoint;
import org.salwledger.core.log.MerkleHashes;
import org.salwledger.core.log.MerkleProofs;
import org.salwledger.core.log.NoteVerifierKey;
import org.salwledger.core.log.ProofFailure;
import org.salwledger.core.log.SignedNote;
import org.salwledger.core.witness.WitnessPolicy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an {@link EvidenceBundle} with no network and no trust in the ledger that made it: the bundle is
 * canonical JSON with only the fields the format names; the checkpoint is signed by the log key and
 * cosigned by the witness quorum; every record is the leaf its inclusion proof puts under that checkpoint;
 * every stream in the bundle runs from its first record with unbroken hash links; every envelope is the one
 * its records name, signed by the actor's key as the bundle's own actor records registered it, and its
 * command states the record's facts. Fails on the first problem, naming it.
 */
public final class EvidenceVerifier {
    /** What was verified: the bundle's records in log order, with the command that caused each (null for the ledger's own). */
    public record Summary(String subject, Checkpoint checkpoint, String logKey, boolean logKeyPinned,
                          List<String> witnesses, List<Verified> records, int envelopes) {}

    /** One verified record and the signed command behind it. */
    public record Verified(long index, ObjectNode record, JsonNode command) {}

    private static final Set<String> BUNDLE_FIELDS = Set.of("format", "subject", "log", "records", "envelopes");
    private static final Set<String> LOG_FIELDS = Set.of("origin", "key", "checkpoint");
    private static final Set<String> ENTRY_FIELDS = Set.of("index", "record", "proof");

    private EvidenceVerifier() {}

    /**
     * @param bytes      the bundle as served
     * @param trustedKey the log's verifier key the reader trusts; when null the bundle's own is used
     * @param policy     the witnesses whose quorum must have cosigned the checkpoint
     */
    public static Summary verify(byte[] bytes, NoteVerifierKey trustedKey, WitnessPolicy policy) {
        JsonNode bundle;
        try {
            bundle = CanonicalJson.mapper().readTree(bytes);
        } catch (IOException e) {
            throw VerificationFailure.ofLog("the bundle is not JSON: " + e.getMessage());
        }
        if (bundle == null || !bundle.isObject()
                || !Arrays.equals(EvidenceBundle.withNewline(CanonicalJson.canonicalize(bundle)), bytes)) {
            throw VerificationFailure.ofLog("the bundle is not an RFC 8785 canonical JSON object and one newline: "
                    + "bytes were changed or added outside its content");
        }
        requireFields(bundle, BUNDLE_FIELDS, "the bundle");
        if (!EvidenceBundle.FORMAT.equals(bundle.path("format").asText())) {
            throw VerificationFailure.ofLog("not an evidence bundle of format " + EvidenceBundle.FORMAT);
        }
        JsonNode log = bundle.path("log");
        requireFields(log, LOG_FIELDS, "the bundle's log");
        NoteVerifierKey served;
        try {
            served = NoteVerifierKey.parse(log.path("key").asText());
        } catch (IllegalArgumentException e) {
            throw VerificationFailure.ofLog("the bundle's log key is malformed: " + e.getMessage());
        }
        if (trustedKey != null && !trustedKey.encode().equals(served.encode())) {
            throw VerificationFailure.ofLog("the bundle names log key " + served.encode() + ", not the one you trust");
        }
        NoteVerifierKey logKey = trustedKey != null ? trustedKey : served;
        String note = log.path("checkpoint").asText();
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(SignedNote.open(note, List.of(logKey)));
        } catch (IllegalArgumentException e) {
            throw VerificationFailure.ofLog("the bundle's checkpoint is not signed by the log key " + logKey.encode()
                    + ": " + e.getMessage());
        }
        if (!checkpoint.origin().equals(log.path("origin").asText()) || !checkpoint.origin().equals(logKey.name())) {
            throw VerificationFailure.ofLog("the bundle's origin, its checkpoint's and its log key's name differ");
        }
        List<String> witnesses;
        try {
            witnesses = policy.requireQuorum(note);
        } catch (IllegalArgumentException e) {
            throw VerificationFailure.ofLog("the bundle's checkpoint does not meet the witness policy: " + e.getMessage());
        }
        if (!bundle.path("records").isArray()) {
            throw VerificationFailure.ofLog("the bundle's records are not a list");
        }
        Walk walk = new Walk(checkpoint, bundle.path("envelopes"));
        for (JsonNode entry : bundle.path("records")) {
            walk.accept(entry);
        }
        String subject = bundle.path("subject").asText();
        if (!walk.heads.containsKey(subject)) {
            throw VerificationFailure.ofLog("the bundle holds no record of its subject " + subject);
        }
        walk.requireEveryEnvelopeUsed();
        return new Summary(subject, checkpoint, logKey.encode(), trustedKey != null, witnesses, walk.verified,
                walk.commands.size());
    }

    private static void requireFields(JsonNode node, Set<String> fields, String what) {
        if (!node.isObject()) {
            throw VerificationFailure.ofLog(what + " is not an object");
        }
        Set<String> present = new HashSet<>();
        node.fieldNames().forEachRemaining(present::add);
        if (!present.equals(fields)) {
            throw VerificationFailure.ofLog(what + " has fields " + present + "; the format names " + fields);
        }
    }

    /** The records in log order, with the state the checks carry from one to the next. */
    private static final class Walk {
        private record Head(long sequence, String hash) {}

        private final Checkpoint checkpoint;
        private final JsonNode envelopes;
        private final KeyHistory keys = new KeyHistory();
        private final Map<String, Head> heads = new HashMap<>();
        private final Map<String, JsonNode> commands = new HashMap<>();
        private final List<Verified> verified = new ArrayList<>();
        private long lastIndex = -1;

        Walk(Checkpoint checkpoint, JsonNode envelopes) {
            this.checkpoint = checkpoint;
            this.envelopes = envelopes;
            if (!envelopes.isObject()) {
                throw VerificationFailure.ofLog("the bundle's envelopes are not an object");
            }
        }

        void accept(JsonNode entry) {
            requireFields(entry, ENTRY_FIELDS, "record entry " + verified.size());
            long index = entry.path("index").isIntegralNumber() ? entry.path("index").asLong() : -1;
            if (!(entry.path("record") instanceof ObjectNode record)) {
                throw VerificationFailure.ofLog("record entry " + verified.size() + " holds no record");
            }
            String stream = record.path("stream").asText();
            long sequence = record.path("sequence").asLong(-1);
            if (index <= lastIndex || index >= checkpoint.size()) {
                throw new VerificationFailure(index, stream, sequence, "is out of log order or beyond the checkpoint's "
                        + checkpoint.size() + " leaves");
            }
            lastIndex = index;
            byte[] bytes = LedgerRecords.canonicalBytes(record);
            String hash = Sha256.hex(bytes);
            Optional<ProofFailure> failure = MerkleProofs.inclusionFailure(index, checkpoint.size(), MerkleHashes.leaf(bytes),
                    proof(entry.path("proof"), index, stream, sequence), checkpoint.rootHash());
            if (failure.isPresent()) {
                throw new VerificationFailure(index, stream, sequence, "is not leaf " + index + " of the checkpoint of size "
                        + checkpoint.size() + ": " + failure.get().describe());
            }
            chain(index, stream, sequence, record, hash);
            JsonNode command = null;
            String envelopeHash = record.path("envelopeHash").asText(null);
            if (envelopeHash != null) {
                command = command(index, stream, sequence, envelopeHash);
                String problem = CommandFacts.problem(record, command, envelopeHash);
                if (problem != null) {
                    throw new VerificationFailure(index, stream, sequence, problem);
                }
            } else if (!LedgerVerifier.bootstrapRecord(record)) {
                throw new VerificationFailure(index, stream, sequence, "it names no envelope: only the ledger's own "
                        + "records of the administrator may");
            }
            keys.learn(record.path("type").asText(), record.path("facts"));
            verified.add(new Verified(index, record, command));
        }

        private void chain(long index, String stream, long sequence, ObjectNode record, String hash) {
            Head previous = heads.get(stream);
            long expected = previous == null ? 0 : previous.sequence + 1;
            if (sequence != expected) {
                throw new VerificationFailure(index, stream, sequence, "the stream's record " + expected
                        + " should come next: a bundle holds each of its streams from the first record, none left out");
            }
            String expectedPrev = previous == null ? LedgerRecords.GENESIS : previous.hash;
            if (!expectedPrev.equals(record.path("prevHash").asText())) {
                throw new VerificationFailure(index, stream, sequence, "prevHash " + record.path("prevHash").asText()
                        + " is not the hash of the stream's previous record (" + expectedPrev + ")");
            }
            heads.put(stream, new Head(sequence, hash));
        }

        private JsonNode command(long index, String stream, long sequence, String envelopeHash) {
            JsonNode known = commands.get(envelopeHash);
            if (known != null) {
                return known;
            }
            EnvelopeCheck.Outcome outcome = EnvelopeCheck.check(envelopes.get(envelopeHash), envelopeHash, keys);
            if (outcome.problem() != null) {
                throw new VerificationFailure(index, stream, sequence, outcome.problem());
            }
            commands.put(envelopeHash, outcome.command());
            return outcome.command();
        }

        private List<byte[]> proof(JsonNode proof, long index, String stream, long sequence) {
            if (!proof.isArray()) {
                throw new VerificationFailure(index, stream, sequence, "its inclusion proof is not a list of hashes");
            }
            List<byte[]> hashes = new ArrayList<>();
            for (JsonNode hash : proof) {
                try {
                    hashes.add(CanonicalBase64.decode(hash.asText()));
                } catch (IllegalArgumentException e) {
                    throw new VerificationFailure(index, stream, sequence, "its inclusion proof holds a malformed hash");
                }
            }
            return hashes;
        }

        void requireEveryEnvelopeUsed() {
            for (Iterator<String> names = envelopes.fieldNames(); names.hasNext(); ) {
                String hash = names.next();
                if (!commands.containsKey(hash)) {
                    throw VerificationFailure.ofLog("envelope " + hash + " is named by no record of the bundle");
                }
            }
        }
    }
}
