package org.salwledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salwledger.cli.LedgerCli;
import org.salwledger.core.audit.EvidenceVerifier;
import org.salwledger.core.audit.VerificationFailure;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.SigningKey;
import org.salwledger.core.log.NoteVerifierKey;
import org.salwledger.core.witness.WitnessPolicy;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;

/**
 * An item's evidence bundle from a ledger with three witnesses (quorum 2): it verifies offline with
 * `ledger verify-bundle` under the pinned log key and the witness policy, and a change to any part of it
 * (checkpoint, cosignature, log key, a record, a proof, an index, an envelope, a signer's record, the subject,
 * or any single byte) is refused, naming what broke, or, for a cosignature beyond the quorum that no longer names
 * its witness, shows in the witnesses the verifier names.
 */
class EvidenceBundleTest {
    private static final SigningKey ADMIN = SigningKey.generate();
    private static final SigningKey LOG_KEY = SigningKey.generate();

    @TempDir
    static Path dir;

    private static TestWitnesses witnesses;
    private static ConfigurableApplicationContext ledger;
    private static byte[] bundle;
    private static String pistol;
    private static WitnessPolicy policy;
    private static NoteVerifierKey logKey;
    private static final List<String> COSIGNERS = List.of("witness.example/w1", "witness.example/w2", "witness.example/w3");

    @BeforeAll
    static void aTwentyRecordPistolUnderACosignedCheckpoint() throws Exception {
        witnesses = new TestWitnesses(3, LOG_KEY, dir);
        Path policyFile = Files.writeString(dir.resolve("witnesses.policy"), witnesses.policy(2));
        policy = WitnessPolicy.parse(witnesses.policy(2));
        logKey = NoteVerifierKey.of(TestWitnesses.ORIGIN, LOG_KEY.publicKey());
        ledger = LedgerProcess.start(dir.resolve("data"), ADMIN, "--ledger.log.private-key=" + LOG_KEY.seedBase64(),
                "--ledger.log.witness-policy=" + policyFile);
        LedgerTestClient client = new LedgerTestClient(LedgerProcess.port(ledger), ADMIN);
        SigningKey fnh = SigningKey.generate();
        SigningKey army = SigningKey.generate();
        SigningKey investigator = SigningKey.generate();
        client.register("BE-FNH", "MANUFACTURER", "BE", fnh);
        client.register("BE-ARMY", "HOLDER", "BE", army);
        client.register("NL-INV", "INVESTIGATOR", "NL", investigator);
        pistol = ok(client.submit(fnh, "BE-FNH", SampleCommands.pistol())).get("itemId").asText();
        ok(client.submit(fnh, "BE-FNH", SampleCommands.manufactureMark(pistol, "EVB")));
        for (int i = 0; i < 9; i++) {
            boolean out = i % 2 == 0;
            ObjectNode dispatch = command("DispatchTransfer").put("consignee", out ? "BE-ARMY" : "BE-FNH").put("kind", "DOMESTIC")
                    .put("dueBy", java.time.LocalDate.now().plusDays(10).toString());
            dispatch.putArray("itemIds").add(pistol);
            String transfer = ok(client.submit(out ? fnh : army, out ? "BE-FNH" : "BE-ARMY", dispatch)).get("transferId").asText();
            ok(client.submit(out ? army : fnh, out ? "BE-ARMY" : "BE-FNH", command("ReceiveTransfer").put("transferId", transfer)));
        }
        String token = client.session(investigator, "NL-INV");
        int records = client.get("/api/v1/items/" + pistol + "/chain", token).json().get("records").size();
        assertThat(records).isEqualTo(20);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            LedgerTestClient.Answer answer = client.get("/api/v1/items/" + pistol + "/evidence", token);
            if (answer.status() != 200) {
                return false;
            }
            bundle = answer.raw().body().getBytes(StandardCharsets.UTF_8);
            JsonNode json = LedgerTestClient.json(answer.body());
            return java.util.stream.StreamSupport.stream(json.get("records").spliterator(), false)
                    .filter(r -> r.path("record").path("stream").asText().equals(pistol)).count() == records
                    && policy.cosigners(json.path("log").path("checkpoint").asText()).size() == 3;
        });
        System.out.println("evidence bundle of a 20-record item (with its signers' 4 actor streams, 3 cosignatures): "
                + bundle.length + " bytes");
        assertThat(client.get("/api/v1/items/" + pistol + "/evidence", null).status()).isEqualTo(401);
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
        witnesses.close();
    }

    private static JsonNode ok(LedgerTestClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    @Test
    void verifyBundlePrintsTheCustodyChainOffline() throws Exception {
        Path file = Files.write(dir.resolve("evidence.json"), bundle);
        Path vkey = Files.writeString(dir.resolve("log.vkey"), logKey.encode() + "\n");
        String printed = cli(0, "verify-bundle", file.toString(), "--log-key", vkey.toString(),
                "--witness-policy", dir.resolve("witnesses.policy").toString());
        assertThat(printed).startsWith("OK evidence for " + pistol + ": ")
                .contains("(pinned)").contains("cosigned by the witness quorum: witness.example/w1, witness.example/w2, "
                        + "witness.example/w3")
                .contains("ItemManufactured  by BE-FNH Ltd (BE-FNH, MANUFACTURER, BE)")
                .contains("serial EVB" + pistol.substring(0, 8))
                .contains("by BE-ARMY Ltd (BE-ARMY, HOLDER, BE)");
        Path strangers = Files.writeString(dir.resolve("strangers.policy"), "witness "
                + org.salwledger.core.witness.Cosignature.verifierKey("witness.example/other", SigningKey.generate()).encode() + "\n");
        assertThat(cli(1, "verify-bundle", file.toString(), "--witness-policy", strangers.toString()))
                .startsWith("BROKEN ").contains("does not meet the witness policy");
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{");
        assertThat(cli(1, "verify-bundle", garbage.toString())).contains("not JSON");
        assertThat(cli(2, "verify-bundle", dir.resolve("missing.json").toString())).contains("no such file");
    }

    @Test
    void aChangeToAnyPartIsRefusedAndNamed() {
        assertThat(EvidenceVerifier.verify(bundle, logKey, policy).records()).hasSizeGreaterThan(20);
        refused(b -> log(b).put("checkpoint", log(b).get("checkpoint").asText().replaceFirst("\n[0-9]+\n", "\n1\n")),
                "checkpoint is not signed by the log key");
        refused(b -> log(b).put("checkpoint", withoutCosignatures(log(b).get("checkpoint").asText(), 2)),
                "does not meet the witness policy: the checkpoint is cosigned by 1 of the 2");
        refused(b -> log(b).put("key", NoteVerifierKey.of(TestWitnesses.ORIGIN, SigningKey.generate().publicKey()).encode()),
                "names log key");
        refused(b -> firstRecordOf(b, pistol).with("facts").put("model", "FN 510"), "is not leaf");
        refused(b -> ((ArrayNode) firstEntryOf(b, pistol).get("proof")).set(0, new TextNode(
                java.util.Base64.getEncoder().encodeToString(new byte[32]))), "is not leaf");
        refused(b -> firstEntryOf(b, pistol).put("index", firstEntryOf(b, pistol).get("index").asLong() + 1), "");
        refused(b -> ((ArrayNode) b.get("records")).remove(indexOfSequence(b, pistol, 3)), "should come next");
        refused(b -> envelopeOf(b, pistol, 1).put("payload", withOneCharacterChanged(envelopeOf(b, pistol, 1)
                .get("payload").asText())), "its envelope was replaced");
        refused(b -> ((ObjectNode) envelopeOf(b, pistol, 1).get("signatures").get(0)).put("sig",
                java.util.Base64.getEncoder().encodeToString(new byte[64])), "");
        refused(b -> ((ArrayNode) b.get("records")).remove(indexOfSequence(b, "actor:BE-ARMY", 0)), "");
        refused(b -> b.put("subject", "actor:nobody"), "holds no record of its subject");
        refused(b -> ((ObjectNode) b.get("envelopes")).set("0".repeat(64), envelopeOf(b, pistol, 0)), "named by no record");
        refused(b -> b.put("extra", 1), "fields");
    }

    /**
     * A changed byte is refused, with one exception the signed-note rules make: a cosignature line whose witness
     * name or key ID no longer matches a trusted witness is someone else's signature, which a verifier ignores
     * (C2SP signed-note). The other two cosignatures still meet the quorum of two, so such a change is accepted,
     * and shows: the verifier no longer names that witness.
     */
    @Test
    void everyByteCounts() {
        Random random = new Random(16);
        for (int n = 0; n < 300; n++) {
            int at = random.nextInt(bundle.length);
            refusedOrWitnessDropped(at, 1 << random.nextInt(7));
        }
        String text = new String(bundle, StandardCharsets.UTF_8);
        int cosignatures = text.indexOf("\u2014 witness.example/w");
        assertThat(cosignatures).isPositive();
        int from = text.substring(0, cosignatures).getBytes(StandardCharsets.UTF_8).length;
        for (int at = from; at < from + 3 * 130; at++) {
            refusedOrWitnessDropped(at, 1);
        }
    }

    private static void refusedOrWitnessDropped(int at, int bit) {
        byte[] changed = bundle.clone();
        changed[at] = (byte) (changed[at] ^ bit);
        EvidenceVerifier.Summary accepted;
        try {
            accepted = EvidenceVerifier.verify(changed, logKey, policy);
        } catch (VerificationFailure refused) {
            return;
        }
        assertThat(cosignatureLineAround(at)).as("byte %d was accepted outside a cosignature line", at)
                .startsWith("\u2014 witness.example/w");
        assertThat(accepted.witnesses()).as("byte %d", at).hasSize(2).isSubsetOf(COSIGNERS);
    }

    @Test
    void aCosignatureThatNamesNoTrustedWitnessIsIgnoredAndNotCounted() {
        ObjectNode copy = (ObjectNode) LedgerTestClient.json(new String(bundle, StandardCharsets.UTF_8));
        log(copy).put("checkpoint", log(copy).get("checkpoint").asText()
                .replace("\u2014 witness.example/w1 ", "\u2014 witness.example/w9 "));
        byte[] changed = (CanonicalJson.canonicalString(copy) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(EvidenceVerifier.verify(changed, logKey, policy).witnesses())
                .containsExactly("witness.example/w2", "witness.example/w3");
        refused(b -> log(b).put("checkpoint", withoutCosignatures(log(b).get("checkpoint").asText(), 2)
                .replace("\u2014 witness.example/w1 ", "\u2014 witness.example/w9 ")), "cosigned by 0 of the 2");
    }

    /** The note line (between JSON-escaped newlines) that holds the bundle's byte {@code at}. */
    private static String cosignatureLineAround(int at) {
        String before = new String(bundle, 0, at, StandardCharsets.UTF_8);
        String after = new String(bundle, at, bundle.length - at, StandardCharsets.UTF_8);
        return before.substring(before.lastIndexOf("\\n") + 2) + after.substring(0, Math.max(0, after.indexOf("\\n")));
    }

    private static void refused(Consumer<ObjectNode> change, String named) {
        ObjectNode copy = (ObjectNode) LedgerTestClient.json(new String(bundle, StandardCharsets.UTF_8));
        JsonNode original = copy.deepCopy();
        change.accept(copy);
        assertThat(copy).as("the change changes the bundle").isNotEqualTo(original);
        byte[] changed = (CanonicalJson.canonicalString(copy) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EvidenceVerifier.verify(changed, logKey, policy))
                .isInstanceOf(VerificationFailure.class).hasMessageContaining(named);
    }

    /**
     * The payload with its first character changed: the first character of base64 carries six bits of the
     * first byte, never padding. (A replace of every 'A' changed nothing when the payload happened to hold
     * none, which base64 of ASCII text often does: CI failed on that.)
     */
    private static String withOneCharacterChanged(String base64) {
        char first = base64.charAt(0);
        return (first == 'e' ? 'f' : 'e') + base64.substring(1);
    }

    private static ObjectNode log(ObjectNode bundle) {
        return (ObjectNode) bundle.get("log");
    }

    private static String withoutCosignatures(String note, int count) {
        String[] lines = note.split("\n");
        return String.join("\n", java.util.Arrays.copyOf(lines, lines.length - count)) + "\n";
    }

    private static int indexOfSequence(ObjectNode bundle, String stream, long sequence) {
        JsonNode records = bundle.get("records");
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i).get("record");
            if (record.get("stream").asText().equals(stream) && record.get("sequence").asLong() == sequence) {
                return i;
            }
        }
        throw new AssertionError("no " + stream + "/" + sequence);
    }

    private static ObjectNode firstEntryOf(ObjectNode bundle, String stream) {
        return (ObjectNode) bundle.get("records").get(indexOfSequence(bundle, stream, 0));
    }

    private static ObjectNode firstRecordOf(ObjectNode bundle, String stream) {
        return (ObjectNode) firstEntryOf(bundle, stream).get("record");
    }

    private static ObjectNode envelopeOf(ObjectNode bundle, String stream, long sequence) {
        String hash = bundle.get("records").get(indexOfSequence(bundle, stream, sequence)).get("record").get("envelopeHash").asText();
        return (ObjectNode) bundle.get("envelopes").get(hash);
    }

    private static String cli(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        int exit = LedgerCli.run(new PrintWriter(out, true), args);
        assertThat(exit).as(out.toString()).isEqualTo(expectedExit);
        return out.toString();
    }
}
