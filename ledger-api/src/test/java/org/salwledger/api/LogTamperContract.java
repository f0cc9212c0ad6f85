package org.salwledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.salwledger.cli.CommandSigner;
import org.salwledger.cli.LedgerCli;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.SigningKey;
import org.salwledger.core.log.Checkpoint;
import org.salwledger.core.log.MerkleHashes;
import org.salwledger.core.log.SignedNote;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;

/**
 * Someone with write access to the database drops the append-only guards and tampers: an edited
 * payload, a deleted event, two swapped events, an envelope replaced by one signed with another
 * actor's key, a stream rewritten with a consistent new chain, and a forked log re-signed with the
 * log key. {@code ledger-cli verify}, run over HTTP like an auditor would, names the record each time.
 */
abstract class LogTamperContract extends RunningLedger {
    static final SigningKey LOG_KEY = SigningKey.generate();

    final SigningKey fnhKey = SigningKey.generate();
    final SigningKey dealerKey = SigningKey.generate();
    final SigningKey auditorKey = SigningKey.generate();
    final String fnh = "BE-FNH-" + suffix;
    final String dealer = "BE-DEALER-" + suffix;
    final String auditor = "BE-AUDIT-" + suffix;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    static void tamperProperties(DynamicPropertyRegistry registry) throws Exception {
        ledgerProperties(registry);
        registry.add("ledger.log.private-key", LOG_KEY::seedBase64);
    }

    abstract void dropAppendOnlyGuards();

    @Override
    boolean verifiesAfterEachTest() {
        return false;
    }

    @Test
    void verifyNamesTheRecordOfEveryTamper() throws Exception {
        ledger.register(fnh, "MANUFACTURER", "BE", fnhKey);
        ledger.register(dealer, "HOLDER", "BE", dealerKey);
        ledger.register(auditor, "AUDITOR", "BE", auditorKey);
        List<String> items = new ArrayList<>();
        List<String> envelopes = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            envelopes.add(new CommandSigner(fnhKey, fnh).signToJson(command("ManufactureItem").put("kind", "WEAPON")
                    .put("category", "REVOLVER_OR_SELF_LOADING_PISTOL").put("identityComponent", "FRAME")
                    .put("make", "FN Herstal").put("model", "FN 509").put("calibre", "9x19mm").put("material", "POLYMER")
                    .put("production", "INDUSTRIAL")));
            LedgerTestClient.Answer made = ledger.post("/api/v1/items", envelopes.get(i));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            answers.add(made.body());
            String item = made.json().get("itemId").asText();
            LedgerTestClient.Answer marked = ledger.submit(fnhKey, fnh, command("MarkItem").put("itemId", item)
                    .put("markType", "MANUFACTURE").put("serial", "T" + suffix + i).put("text", "FN T" + suffix + i)
                    .put("component", "FRAME").put("method", "EMBEDDED_METAL_PLATE").put("location", "grip plate"));
            assertThat(marked.status()).as(marked.body()).isEqualTo(201);
            items.add(item);
        }
        int records = eventCount();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> checkpoint().size() == records);
        Path dir = Files.createTempDirectory("tamper");
        Path trusted = dir.resolve("trusted.checkpoint");
        Files.writeString(trusted, ledger.get("/api/v1/log/checkpoint", null).body());
        Path earlier = dir.resolve("earlier.jsonl");
        String logKey = ledger.get("/api/v1/log/key", null).body().trim();

        String clean = verify("--log-key", logKey, "--trusted-checkpoint", trusted.toString(), "--save", earlier.toString());
        assertThat(clean).startsWith("OK log").contains("size " + records).contains("(pinned)")
                .contains("consistent with the trusted checkpoint of size " + records);
        assertThat(cli(0, "verify", "--export", earlier.toString(), "--log-key", logKey)).startsWith("OK log");
        String a = items.get(0);
        Path recordFile = dir.resolve("record.json");
        Files.write(recordFile, CanonicalJson.canonicalize(record(a, 0)));
        assertThat(cli(0, "verify-inclusion", "--record", recordFile.toString(), "--url", url(), "--log-key", logKey))
                .startsWith("OK record " + a + "/0 is leaf " + leaf(a, 0) + " of ");
        Files.write(recordFile, CanonicalJson.canonicalize(record(a, 0).put("type", "ItemDestroyed")));
        assertThat(cli(1, "verify-inclusion", "--record", recordFile.toString(), "--url", url(), "--log-key", logKey))
                .startsWith("NOT VERIFIED: record " + a + "/0 is not leaf " + leaf(a, 0))
                .contains("the proof computes root").contains(", expected ");
        dropAppendOnlyGuards();
        String b = items.get(1);
        String c = items.get(2);

        // 1. one event's payload edited
        Map<String, Object> a0 = event(a, 0);
        setPayload(a, 0, replace((byte[]) a0.get("payload"), "FN 509", "FN 510"));
        assertThat(verify()).startsWith("BROKEN record " + leaf(a, 0) + " (" + a + "/0)")
                .contains("its hash does not match its content");
        serviceRefusesToServe(a, 0, "its hash does not match its content");
        setPayload(a, 0, (byte[]) a0.get("payload"));

        // 2. an event deleted
        Map<String, Object> a1 = event(a, 1);
        jdbc.update("DELETE FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 1", a);
        assertThat(verify()).startsWith("BROKEN record " + leaf(a, 1) + " (" + a + "/1)")
                .contains("the log has this record but the event store does not");
        serviceRefusesToServe(a, 1, "the log has this record but the event store does not");
        reinsert(a1);

        // 3. two events swapped
        swap(a);
        assertThat(verify()).startsWith("BROKEN record " + leaf(a, 0) + " (" + a + "/0)")
                .contains("the event store holds " + a + "/1 where the log has this record");
        serviceRefusesToServe(a, 0, "the event store holds " + a + "/1 at this position");
        swap(a);

        // 4. an envelope replaced by one signed with another actor's key
        String envelopeHash = record(b, 0).get("envelopeHash").asText();
        byte[] envelope = jdbc.queryForObject("SELECT envelope FROM ledger_envelope WHERE envelope_hash = ?",
                byte[].class, envelopeHash);
        JsonNode original = CanonicalJson.mapper().readTree(envelope);
        byte[] payload = java.util.Base64.getDecoder().decode(original.get("payload").asText());
        byte[] forged = CanonicalJson.canonicalize(org.salwledger.core.crypto.DsseEnvelope.sign(
                original.get("payloadType").asText(), payload, dealerKey));
        jdbc.update("UPDATE ledger_envelope SET envelope = ? WHERE envelope_hash = ?", forged, envelopeHash);
        assertThat(verify()).startsWith("BROKEN record " + leaf(b, 0) + " (" + b + "/0)")
                .contains("its envelope was replaced");
        serviceRefusesToServe(b, 0, "its envelope was replaced");
        jdbc.update("UPDATE ledger_envelope SET envelope = ? WHERE envelope_hash = ?", envelope, envelopeHash);

        // (G) a custody move with no envelope, inserted offline, logged and re-signed with the key from the data dir
        Map<String, Object> b1 = event(b, 1);
        ObjectNode b1Record = record(b, 1);
        org.salwledger.core.command.CommandOrigin nobody = new org.salwledger.core.command.CommandOrigin(dealer,
                org.salwledger.core.command.Role.HOLDER, "BE", null, Instant.now(), Instant.now());
        LedgerEvent stolen = new org.salwledger.core.chain.ChainHead(b, 2, LedgerRecords.hash(b1Record),
                b1Record.get("occurredAt").asText()).seal(link -> new org.salwledger.core.item.event.ItemStolen(b, fnh, dealer,
                "Antwerp", null, link), nobody);
        var serialized = serializer.serialize(stolen, byte[].class);
        long globalIndex = jdbc.queryForObject("SELECT MAX(globalindex) + 1 FROM domainevententry", Long.class);
        jdbc.update("INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, "
                        + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", globalIndex, b, 2L, b1.get("type"),
                java.util.UUID.randomUUID().toString(), b1.get("metadata"), serialized.getData(), null,
                serialized.getType().getName(), b1.get("timestamp"));
        byte[] stolenRecord = LedgerRecords.canonicalBytes(LedgerRecords.recordOf(stolen));
        jdbc.update("INSERT INTO log_leaf (leaf_index, stream, sequence, record_hash, leaf_hash, record) "
                + "VALUES (?, ?, ?, ?, ?, ?)", (long) records, b, 2L, stolen.link().hash(), MerkleHashes.leaf(stolenRecord),
                stolenRecord);
        resignLog();
        assertThat(verify("--log-key", logKey)).startsWith("BROKEN record " + records + " (" + b + "/2)")
                .contains("it names no envelope");
        jdbc.update("DELETE FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 2", b);
        jdbc.update("DELETE FROM log_leaf WHERE leaf_index = ?", (long) records);
        resignLog();

        // 5. a whole stream rewritten with a consistent new hash chain
        Map<String, Object> c0 = event(c, 0);
        Map<String, Object> c1 = event(c, 1);
        List<byte[]> rewritten = rewriteStream(c);
        assertThat(verify()).startsWith("BROKEN record " + leaf(c, 0) + " (" + c + "/0)")
                .contains("the log committed to other bytes at this leaf");
        serviceRefusesToServe(c, 0, "another record than the one the log committed to");

        // the service that found its past changed reports DOWN and appends nothing
        LedgerTestClient.Answer health = ledger.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body()).contains("\"DOWN\"").contains("record " + a + "/0");
        int before = eventCount();
        LedgerTestClient.Answer refused = ledger.submit(fnhKey, fnh, command("MarkItem").put("itemId", b)
                .put("markType", "REMARK").put("text", "SERVICE 2027").put("component", "FRAME").put("method", "LASER"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.problemType()).endsWith(":integrity-failure");
        assertThat(eventCount()).isEqualTo(before);
        // what it acknowledged before is still answered to a client that sends the same envelope again
        LedgerTestClient.Answer resent = ledger.post("/api/v1/items", envelopes.get(1));
        assertThat(resent.status()).as(resent.body()).isEqualTo(201);
        assertThat(resent.body()).isEqualTo(answers.get(1));
        assertThat(resent.header("Ledger-Replayed")).contains("true");
        assertThat(eventCount()).isEqualTo(before);

        // 6. the log forked: the rewritten records logged in place of the originals and re-signed
        forkLog(c, rewritten);
        // (F) even with no earlier material, the forked log's records do not follow from their signed commands
        assertThat(verify("--log-key", logKey)).startsWith("BROKEN record " + leaf(c, 0) + " (" + c + "/0)")
                .contains("its fact 'model' is \"FN 510\", but the signed command says \"FN 509\"");
        // the verifier stops at the first forged record, before it reaches the fork check against the trusted
        // checkpoint (LedgerVerifierTest covers that check alone)
        assertThat(verify("--log-key", logKey, "--trusted-checkpoint", trusted.toString()))
                .startsWith("BROKEN record " + leaf(c, 0) + " (" + c + "/0)");
        assertThat(verify("--log-key", logKey, "--earlier-export", earlier.toString()))
                .contains("BROKEN record " + leaf(c, 0) + " (" + c + "/0)")
                .contains("differs from the earlier export you trust");
        setPayload(c, 0, (byte[]) c0.get("payload"));
        setPayload(c, 1, (byte[]) c1.get("payload"));
    }

    /** The chain, the history and the EPCIS export of the stream are refused with the record named, not served. */
    private void serviceRefusesToServe(String stream, long sequence, String reason) {
        String token = ledger.session(auditorKey, auditor);
        for (String path : List.of("/chain", "/history", "/epcis")) {
            LedgerTestClient.Answer answer = ledger.get("/api/v1/items/" + stream + path, token);
            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.problemType()).endsWith(":integrity-failure");
            assertThat(answer.json().path("where").asText()).as(path).isEqualTo("record " + stream + "/" + sequence);
            assertThat(answer.json().path("detail").asText()).as(path).contains(reason);
        }
    }

    private String verify(String... extra) {
        List<String> args = new ArrayList<>(List.of("verify", "--url", url()));
        args.addAll(List.of("--token", ledger.session(auditorKey, auditor)));
        args.addAll(List.of(extra));
        String text = cli(-1, args.toArray(String[]::new));
        return text.startsWith("earlier export") ? text.substring(text.indexOf('\n') + 1) : text;
    }

    /** Runs ledger-cli; expects exit 0 when it prints OK, else 1 (or the given code when not -1). */
    private static String cli(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        int exit = LedgerCli.run(new PrintWriter(out, true), args);
        String text = out.toString();
        int expected = expectedExit >= 0 ? expectedExit : text.startsWith("OK") || text.contains("\nOK") ? 0 : 1;
        assertThat(exit).as(text).isEqualTo(expected);
        return text;
    }

    private String url() {
        return "http://localhost:" + port;
    }

    private Checkpoint checkpoint() {
        String note = ledger.get("/api/v1/log/checkpoint", null).body();
        return Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1));
    }

    private long leaf(String stream, long sequence) {
        return jdbc.queryForObject("SELECT leaf_index FROM log_leaf WHERE stream = ? AND sequence = ?", Long.class,
                stream, sequence);
    }

    private Map<String, Object> event(String stream, long sequence) {
        return jdbc.queryForMap("SELECT * FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = ?",
                stream, sequence);
    }

    private LedgerEvent deserialize(byte[] payload, String type) {
        return (LedgerEvent) serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class, type, null));
    }

    private ObjectNode record(String stream, long sequence) {
        Map<String, Object> row = event(stream, sequence);
        return LedgerRecords.recordOf(deserialize((byte[]) row.get("payload"), (String) row.get("payloadtype")));
    }

    private void setPayload(String stream, long sequence, byte[] payload) {
        jdbc.update("UPDATE domainevententry SET payload = ? WHERE aggregateidentifier = ? AND sequencenumber = ?",
                payload, stream, sequence);
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.update("INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, "
                        + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("globalindex"), row.get("aggregateidentifier"),
                row.get("sequencenumber"), row.get("type"), row.get("eventidentifier"), row.get("metadata"),
                row.get("payload"), row.get("payloadrevision"), row.get("payloadtype"), row.get("timestamp"));
    }

    private void swap(String stream) {
        jdbc.update("UPDATE domainevententry SET sequencenumber = -1 WHERE aggregateidentifier = ? AND sequencenumber = 0", stream);
        jdbc.update("UPDATE domainevententry SET sequencenumber = 0 WHERE aggregateidentifier = ? AND sequencenumber = 1", stream);
        jdbc.update("UPDATE domainevententry SET sequencenumber = 1 WHERE aggregateidentifier = ? AND sequencenumber = -1", stream);
    }

    /** Changes the model and re-seals every record of the stream, so hashes and prevHashes agree again. */
    private List<byte[]> rewriteStream(String stream) throws Exception {
        String prevHash = LedgerRecords.GENESIS;
        List<byte[]> records = new ArrayList<>();
        for (long sequence = 0; sequence < 2; sequence++) {
            Map<String, Object> row = event(stream, sequence);
            ObjectNode json = (ObjectNode) CanonicalJson.mapper().readTree((byte[]) row.get("payload"));
            if (json.has("model")) {
                json.put("model", "FN 510");
            }
            ObjectNode link = (ObjectNode) json.get("link");
            link.put("prevHash", prevHash);
            LedgerEvent event = deserialize(CanonicalJson.mapper().writeValueAsBytes(json), (String) row.get("payloadtype"));
            ObjectNode record = LedgerRecords.recordOf(event);
            prevHash = LedgerRecords.hash(record);
            link.put("hash", prevHash);
            setPayload(stream, sequence, CanonicalJson.mapper().writeValueAsBytes(json));
            records.add(LedgerRecords.canonicalBytes(record));
        }
        return records;
    }

    /** Logs the rewritten records in place of the originals, rebuilds every node and signs a checkpoint of the same size. */
    private void forkLog(String stream, List<byte[]> records) {
        for (int sequence = 0; sequence < records.size(); sequence++) {
            jdbc.update("UPDATE log_leaf SET record = ?, leaf_hash = ?, record_hash = ? WHERE stream = ? AND sequence = ?",
                    records.get(sequence), MerkleHashes.leaf(records.get(sequence)),
                    org.salwledger.core.crypto.Sha256.hex(records.get(sequence)), stream, sequence);
        }
        resignLog();
    }

    /** What an intruder with the log key does after changing leaves: every node rebuilt, the checkpoint re-signed. */
    private void resignLog() {
        List<byte[]> level = jdbc.queryForList("SELECT leaf_hash FROM log_leaf ORDER BY leaf_index", byte[].class);
        long size = level.size();
        jdbc.update("DELETE FROM log_node");
        for (int height = 0; !level.isEmpty(); height++) {
            List<byte[]> up = new ArrayList<>();
            for (int i = 0; i < level.size(); i++) {
                jdbc.update("INSERT INTO log_node (level, node_index, hash) VALUES (?, ?, ?)", height, i, level.get(i));
                if (i % 2 == 1) {
                    up.add(MerkleHashes.node(level.get(i - 1), level.get(i)));
                }
            }
            level = up;
        }
        byte[] root = new org.salwledger.core.log.MerkleTree(
                jdbc.queryForList("SELECT leaf_hash FROM log_leaf ORDER BY leaf_index", byte[].class)).root(size);
        String origin = checkpoint().origin();
        jdbc.update("DELETE FROM log_checkpoint");
        jdbc.update("INSERT INTO log_checkpoint (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?)", size, root,
                SignedNote.sign(new Checkpoint(origin, size, root).text(), origin, LOG_KEY), Timestamp.from(Instant.now()));
    }

    private static byte[] replace(byte[] payload, String from, String to) {
        String text = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return text.replace(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
