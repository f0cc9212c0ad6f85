package org.salwledger.core.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.log.Checkpoint;
import org.salwledger.core.log.MerkleHashes;
import org.salwledger.core.log.MerkleTree;
import org.salwledger.core.log.NoteVerifierKey;
import org.salwledger.core.log.SignedNote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerVerifierTest {
    private final SmallExport export = new SmallExport();

    @Test
    void theSpecsSmallExportVerifiesAndIsPrintedInTheSpec() throws IOException {
        LedgerVerifier.Summary summary = verify(export.lines, SmallExport.logKey(), null, null);
        assertThat(summary.records()).isEqualTo(3);
        assertThat(summary.streams()).isEqualTo(3);
        assertThat(summary.envelopes()).isEqualTo(2);
        assertThat(summary.signaturesChecked()).isEqualTo(2);
        assertThat(Base64.getEncoder().encodeToString(export.root)).isEqualTo(SPEC_ROOT);
        String spec = Files.readString(Path.of("..", "docs", "ledger-format.md"), StandardCharsets.UTF_8);
        assertThat(spec).contains(export.text()).contains(export.checkpoint).contains(SmallExport.logKey().encode());
    }

    static final String SPEC_ROOT = "QbkcHH8gAUUI7zHEZ0itgJ9OxNfWsLTLkePv1AiNY5M=";

    @Test
    void anEditedFactBreaksTheRecordsHash() {
        List<String> lines = editRecord(2, record -> {
            ((ObjectNode) record.get("facts")).put("model", "SCAR-H");
            return record;
        }, false);
        assertBroken(lines, 2, "its hash does not match its content");
    }

    @Test
    void aRecordRehashedAfterAnEditNoLongerMatchesTheLeafTheLogCommittedTo() {
        List<String> lines = editRecord(2, record -> {
            ((ObjectNode) record.get("facts")).put("model", "SCAR-H");
            return record;
        }, true);
        assertBroken(lines, 2, "the log committed to other bytes");
    }

    @Test
    void aMissingLeafOrRecordIsNamed() {
        List<String> lines = new ArrayList<>(export.lines);
        lines.remove(recordLine(1));
        assertBroken(lines, 1, "leaf 1 is missing");

        List<String> gone = new ArrayList<>(export.lines);
        ObjectNode line = json(gone.get(recordLine(1)));
        line.putNull("record");
        line.putNull("hash");
        gone.set(recordLine(1), line.toString());
        assertBroken(gone, 1, "the event store does not");
    }

    @Test
    void aReplacedEnvelopeIsCaughtByItsHash() {
        List<String> lines = new ArrayList<>(export.lines);
        int at = recordLine(2) - 1;
        ObjectNode line = json(lines.get(at));
        line.set("envelope", CanonicalJson.mapper().valueToTree(SmallExport.envelope(SmallExport.OTHER,
                SmallExport.command("ManufactureItem", "BE-FNH", "nonce-manufacture-0001",
                        java.time.Instant.parse("2026-11-24T10:00:00Z")))));
        lines.set(at, line.toString());
        assertBroken(lines, 2, "its envelope was replaced");
    }

    @Test
    void aCommandSignedWithAnotherActorsKeyIsRefused() {
        SmallExport forged = new SmallExport(SmallExport.ADMIN);
        assertBroken(forged.lines, 2, "signed with a key of admin, not of BE-FNH");
        SmallExport unknown = new SmallExport(SmallExport.OTHER);
        assertBroken(unknown.lines, 2, "which no earlier record registers");
    }

    @Test
    void theFirstSignatureByTheActorsKeyDecides() {
        SmallExport twoSignatures = new SmallExport(signed -> {
            byte[] sig = Base64.getDecoder().decode(signed.signatures().get(0).sig());
            sig[5] ^= 0x01;
            var broken = new org.salwledger.core.crypto.DsseEnvelope.DsseSignature(signed.signatures().get(0).keyid(),
                    Base64.getEncoder().encodeToString(sig));
            return new org.salwledger.core.crypto.DsseEnvelope(signed.payloadType(), signed.payload(),
                    List.of(broken, signed.signatures().get(0)));
        });
        assertBroken(twoSignatures.lines, 2, "its envelope's signature by BE-FNH does not verify");
        SmallExport cosigned = new SmallExport(signed -> new org.salwledger.core.crypto.DsseEnvelope(signed.payloadType(),
                signed.payload(), List.of(SmallExport.envelope(SmallExport.OTHER, SmallExport.command("x", "y", "z",
                        java.time.Instant.EPOCH)).signatures().get(0), signed.signatures().get(0))));
        assertThat(verify(cosigned.lines, SmallExport.logKey(), null, null).records()).as("a co-signer is ignored")
                .isEqualTo(3);
    }

    /*
     * Forgeries by someone who holds the data dir and the log key: the record is changed, rehashed, its
     * leaf replaced and the checkpoint re-signed, so hashes, chains, root and signature all agree. Only the
     * signed command behind the record tells (docs §3.1).
     */

    @Test
    void aFactTheCommandStatesCannotBeChanged() {
        assertBroken(reforged(2, record -> facts(record).put("model", "SCAR-H")), 2,
                "its fact 'model' is \"SCAR-H\", but the signed command says \"SCAR-L\"");
    }

    @Test
    void theStaterIsTheSigner() {
        assertBroken(reforged(1, record -> facts(record).put("registeredBy", "BE-FNH")), 1,
                "its fact 'registeredBy' is \"BE-FNH\", but admin signed the command");
        assertBroken(reforged(2, record -> facts(record).put("manufacturer", "BE-OTHER")), 2,
                "its fact 'manufacturer' is \"BE-OTHER\", but BE-FNH signed the command");
    }

    @Test
    void aCommandCausesOnlyItsOwnRecordTypes() {
        assertBroken(reforged(2, record -> record.put("type", "ItemStolen")), 2,
                "its envelope is a ManufactureItem command, which does not cause ItemStolen records");
    }

    @Test
    void theOccurrenceTimeIsTheCommands() {
        assertBroken(reforged(2, record -> record.put("occurredAt", "2026-11-20T10:00:00Z")), 2,
                "it occurred at 2026-11-20T10:00:00Z, but the signed command says 2026-11-24T10:00:00Z");
    }

    @Test
    void aNewStreamIsNamedByItsEnvelope() {
        String other = "0f0f0f0f-0000-3000-8000-000000000000";
        List<String> lines = reforged(2, record -> {
            record.put("stream", other);
            facts(record).put("itemId", other);
        });
        int at = recordLine(2);
        lines.set(at, json(lines.get(at)).put("stream", other).toString());
        assertBroken(resign(lines), 2, "it opens stream " + other + ", but its envelope names " + SmallExport.ITEM);
    }

    @Test
    void onlyTheAdministratorsBootstrapHasNoEnvelope() {
        // (G) a custody move inserted offline with no envelope, the log re-signed with the key from the data dir
        ObjectNode stolen = LedgerRecords.record(SmallExport.ITEM, 1, "ItemStolen", CanonicalJson.mapper()
                .createObjectNode().put("itemId", SmallExport.ITEM).put("lastCustodian", "BE-FNH")
                .put("reportedBy", "BE-FNH").put("place", "Liège"), null, "2026-11-24T11:00:00Z",
                "2026-11-24T11:00:00.100Z", json(export.lines.get(recordLine(2))).get("hash").asText());
        byte[] bytes = LedgerRecords.canonicalBytes(stolen);
        ObjectNode line = json(new String(LogExport.recordLine(3, SmallExport.ITEM, 1, MerkleHashes.leaf(bytes),
                LedgerRecords.hash(stolen), stolen), StandardCharsets.UTF_8).trim());
        List<String> lines = new ArrayList<>(export.lines);
        lines.add(lines.size() - 1, line.toString());
        assertBroken(resign(lines), 3, "it names no envelope");
        assertBroken(reforged(1, record -> record.putNull("envelopeHash")), 1, "it names no envelope");
    }

    @Test
    void anExportWithNothingSignedProvesNothing() {
        List<String> lines = List.of(json(export.lines.get(0)).putNull("checkpoint").put("size", 0).toString(),
                json(export.lines.get(export.lines.size() - 1)).put("records", 0).toString());
        assertThatThrownBy(() -> verify(lines, SmallExport.logKey(), null, null))
                .hasMessageContaining("signed no checkpoint yet");
    }

    private static ObjectNode facts(ObjectNode record) {
        return (ObjectNode) record.get("facts");
    }

    /** The record edited and rehashed, the chain after it relinked, its leaf replaced, the log re-signed. */
    private List<String> reforged(int index, java.util.function.Consumer<ObjectNode> edit) {
        List<String> lines = editRecord(index, record -> {
            edit.accept(record);
            return record;
        }, true);
        return resign(lines);
    }

    /** Every leaf recomputed from the records as they now are, and the checkpoint signed over them. */
    private static List<String> resign(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>();
        for (String text : lines) {
            ObjectNode line = json(text);
            if (LogExport.RECORD.equals(line.path(LogExport.KIND).asText())) {
                byte[] leaf = MerkleHashes.leaf(LedgerRecords.canonicalBytes((ObjectNode) line.get("record")));
                line.put("leafHash", Base64.getEncoder().encodeToString(leaf));
                leaves.add(leaf);
            }
            out.add(line.toString());
        }
        int size = leaves.size();
        String note = sign(new Checkpoint(SmallExport.ORIGIN, size, new MerkleTree(leaves).root(size)));
        out.set(0, json(out.get(0)).put("size", size).put("checkpoint", note).toString());
        out.set(out.size() - 1, json(out.get(out.size() - 1)).put("records", size).toString());
        return out;
    }

    @Test
    void theCheckpointMustBeSignedByThePinnedKeyAndMatchTheRecords() {
        NoteVerifierKey stranger = NoteVerifierKey.of(SmallExport.ORIGIN, SmallExport.OTHER.publicKey());
        assertThatThrownBy(() -> verify(export.lines, stranger, null, null)).isInstanceOf(VerificationFailure.class)
                .hasMessageContaining("is not signed by the log key");
        assertThatThrownBy(() -> verify(export.lines.subList(0, export.lines.size() - 1), null, null, null))
                .hasMessageContaining("truncated");
    }

    @Test
    void theLogMustExtendTheTrustedCheckpoint() {
        List<byte[]> leaves = leaves();
        String prefix = sign(new Checkpoint(SmallExport.ORIGIN, 2, new MerkleTree(leaves).root(2)));
        assertThat(verify(export.lines, SmallExport.logKey(), prefix, null).trustedSize()).isEqualTo(2);

        List<byte[]> forkedLeaves = new ArrayList<>(leaves);
        forkedLeaves.set(1, MerkleHashes.leaf("another record".getBytes(StandardCharsets.UTF_8)));
        String fork = sign(new Checkpoint(SmallExport.ORIGIN, 3, new MerkleTree(forkedLeaves).root(3)));
        assertThatThrownBy(() -> verify(export.lines, SmallExport.logKey(), fork, null))
                .hasMessageContaining("the log forked: the trusted checkpoint of size 3");
        String longer = sign(new Checkpoint(SmallExport.ORIGIN, 4, new MerkleTree(forkedLeaves).root(3)));
        assertThatThrownBy(() -> verify(export.lines, SmallExport.logKey(), longer, null))
                .hasMessageContaining("fewer than the trusted checkpoint's 4");
        // With the leaves of an earlier export the auditor kept, a fork names the first rewritten record.
        assertBroken(export.lines, forkedLeaves, 1, "differs from the earlier export you trust");
    }

    @Test
    void aSealedTraceStreamCountsInTheRootWithoutItsContent() {
        LedgerVerifier.Summary summary = verify(withSealed(sealed(3, TRACE, 0, "TraceRequested"),
                sealed(4, TRACE, 1, "TraceAcknowledged"), sealed(5, TRACE, 2, "TraceAnswered")), SmallExport.logKey(), null, null);
        assertThat(summary.records()).isEqualTo(6);
        assertThat(summary.sealedRecords()).isEqualTo(3);
        assertThat(summary.streams()).isEqualTo(4);
    }

    @Test
    void onlyWholeTraceStreamsMayBeSealed() {
        assertBroken(withSealed(sealed(3, SmallExport.ITEM, 1, "ItemStolen")), 3, "only trace records are confidential");
        assertBroken(withSealed(sealed(3, SmallExport.ITEM, 1, "TraceAnswered")), 3, "its stream's earlier records are open");
        assertBroken(withSealed(sealed(3, TRACE, 0, "TraceAnswered")), 3, "a trace stream opens with its request");
        assertBroken(withSealed(sealed(3, TRACE, 0, "TraceRequested"), sealed(4, TRACE, 1, "TraceRequested")), 4,
                "a trace stream opens with its request, and only there");
        assertBroken(withSealed(sealed(3, TRACE, 0, "TraceRequested"), sealed(4, TRACE, 2, "TraceAnswered")), 4,
                "the stream's record 1 should come next");

        ObjectNode open = json(export.lines.get(recordLine(2)));
        open.put("index", 4).put("stream", TRACE).put("sequence", 1);
        assertBroken(withSealed(sealed(3, TRACE, 0, "TraceRequested"), open), 4, "its stream's earlier records are sealed");
    }

    @Test
    void aSealedLeafStillAnswersToTheCheckpointAndTheEarlierExport() {
        List<String> lines = withSealed(sealed(3, TRACE, 0, "TraceRequested"));
        List<String> swapped = new ArrayList<>(lines);
        int at = swapped.size() - 2;
        swapped.set(at, json(swapped.get(at)).put("leafHash", Base64.getEncoder().encodeToString(
                MerkleHashes.leaf("another request".getBytes(StandardCharsets.UTF_8)))).toString());
        assertThatThrownBy(() -> verify(swapped, SmallExport.logKey(), null, null))
                .hasMessageContaining("the signed checkpoint of size 4 says");

        List<byte[]> earlier = new ArrayList<>(leaves());
        earlier.add(MerkleHashes.leaf("another request".getBytes(StandardCharsets.UTF_8)));
        assertBroken(lines, earlier, 3, "differs from the earlier export you trust");
    }

    private static final String TRACE = "5e1ec7ed-0000-3000-8000-000000000001";

    private static ObjectNode sealed(long index, String stream, long sequence, String type) {
        byte[] leaf = MerkleHashes.leaf((stream + "/" + sequence).getBytes(StandardCharsets.UTF_8));
        byte[] line = LogExport.sealedLine(index, stream, sequence, type, leaf, "ab".repeat(32));
        return json(new String(line, StandardCharsets.UTF_8).trim());
    }

    /** The small export with these lines after its records, under a checkpoint re-signed over all leaves. */
    private List<String> withSealed(ObjectNode... added) {
        List<byte[]> leaves = new ArrayList<>(leaves());
        List<String> lines = new ArrayList<>(export.lines.subList(1, export.lines.size() - 1));
        for (ObjectNode line : added) {
            leaves.add(Base64.getDecoder().decode(line.get("leafHash").asText()));
            lines.add(line.toString());
        }
        int size = leaves.size();
        String note = sign(new Checkpoint(SmallExport.ORIGIN, size, new MerkleTree(leaves).root(size)));
        lines.add(0, json(export.lines.get(0)).put("size", size).put("checkpoint", note).toString());
        lines.add(json(export.lines.get(export.lines.size() - 1)).put("records", size).toString());
        return lines;
    }

    private List<byte[]> leaves() {
        List<byte[]> leaves = new ArrayList<>();
        for (String line : export.lines) {
            ObjectNode node = json(line);
            if (LogExport.RECORD.equals(node.path(LogExport.KIND).asText())) {
                leaves.add(MerkleHashes.leaf(LedgerRecords.canonicalBytes((ObjectNode) node.get("record"))));
            }
        }
        return leaves;
    }

    private static String sign(Checkpoint checkpoint) {
        return SignedNote.sign(checkpoint.text(), SmallExport.ORIGIN, SmallExport.LOG);
    }

    private List<String> editRecord(int index, UnaryOperator<ObjectNode> edit, boolean rehash) {
        List<String> lines = new ArrayList<>(export.lines);
        ObjectNode line = json(lines.get(recordLine(index)));
        ObjectNode record = edit.apply((ObjectNode) line.get("record"));
        if (rehash) {
            line.put("hash", LedgerRecords.hash(record));
        }
        lines.set(recordLine(index), line.toString());
        return lines;
    }

    private int recordLine(long index) {
        for (int i = 0; i < export.lines.size(); i++) {
            ObjectNode node = json(export.lines.get(i));
            if (LogExport.RECORD.equals(node.path(LogExport.KIND).asText()) && node.path("index").asLong() == index) {
                return i;
            }
        }
        throw new AssertionError("no record " + index);
    }

    private static void assertBroken(List<String> lines, long index, String problem) {
        assertBroken(lines, null, index, problem);
    }

    private static void assertBroken(List<String> lines, List<byte[]> earlier, long index, String problem) {
        assertThatThrownBy(() -> verify(lines, SmallExport.logKey(), null, earlier))
                .isInstanceOfSatisfying(VerificationFailure.class, failure -> {
                    assertThat(failure.index()).isEqualTo(index);
                    assertThat(failure.describe()).startsWith("record " + index).contains(problem);
                });
    }

    private static LedgerVerifier.Summary verify(List<String> lines, NoteVerifierKey key, String trusted,
                                                 List<byte[]> earlier) {
        LedgerVerifier verifier = new LedgerVerifier(key, trusted, earlier);
        lines.forEach(verifier::accept);
        return verifier.finish();
    }

    private static ObjectNode json(String line) {
        try {
            return (ObjectNode) CanonicalJson.mapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
