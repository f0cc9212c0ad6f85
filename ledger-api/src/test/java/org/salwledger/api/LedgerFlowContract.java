package org.salwledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.api.intake.CommandSubmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.log.ConsistencyProof;
import org.salwledger.core.log.InclusionProof;
import org.salwledger.cli.CommandSigner;
import org.salwledger.core.crypto.SigningKey;
import org.salwledger.projections.LedgerViews;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;

/**
 * The foundation slice end to end over real HTTP with real signatures: register, manufacture,
 * mark, session, history, chain. Run against H2 and PostgreSQL by the subclasses.
 */
abstract class LedgerFlowContract extends RunningLedger {
    final SigningKey fnhKey = SigningKey.generate();
    final String fnh = "BE-FNH-" + suffix;

    @BeforeEach
    void connect() {
        ledger.register(fnh, "MANUFACTURER", "BE", fnhKey);
    }

    ObjectNode pistol() {
        return command("ManufactureItem").put("kind", "WEAPON").put("category", "REVOLVER_OR_SELF_LOADING_PISTOL")
                .put("identityComponent", "FRAME").put("make", "FN Herstal").put("model", "FN 509")
                .put("calibre", "9x19mm").put("material", "POLYMER").put("production", "INDUSTRIAL")
                .put("yearOfManufacture", 2026);
    }

    String manufacture() {
        LedgerTestClient.Answer made = ledger.submit(fnhKey, fnh, pistol());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("itemId").asText();
    }

    ObjectNode manufactureMark(String itemId, String serial) {
        return command("MarkItem").put("itemId", itemId).put("markType", "MANUFACTURE").put("serial", serial)
                .put("text", "FN HERSTAL BELGIUM " + serial).put("component", "FRAME")
                .put("method", "EMBEDDED_METAL_PLATE").put("location", "metal plate embedded in the grip");
    }

    @Test
    void registerManufactureMarkThenReadHistoryAndVerifyTheChain() {
        LedgerTestClient.Answer made = ledger.submit(fnhKey, fnh, pistol());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String itemId = made.json().get("itemId").asText();
        String manufactureHash = made.json().get("records").get(0).get("hash").asText();
        String serial = "GK" + suffix;

        LedgerTestClient.Answer marked = ledger.submit(fnhKey, fnh, manufactureMark(itemId, serial));
        assertThat(marked.status()).as(marked.body()).isEqualTo(201);
        assertThat(marked.json().get("records").get(0).get("sequence").asLong()).isEqualTo(1);

        String token = ledger.session(fnhKey, fnh);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            LedgerTestClient.Answer history = ledger.get("/api/v1/items/" + itemId + "/history", token);
            assertThat(history.status()).as(history.body()).isEqualTo(200);
            assertThat(history.json().get("events").findValuesAsText("type")).containsExactly("ItemManufactured", "ItemMarked");
        });
        JsonNode events = ledger.get("/api/v1/items/" + itemId + "/history", token).json().get("events");
        assertThat(events.get(0).get("recordHash").asText()).isEqualTo(manufactureHash);
        assertThat(events.get(0).get("actor").asText()).isEqualTo(fnh);
        assertThat(events.get(0).at("/facts/countryOfManufacture").asText()).isEqualTo("BE");
        assertThat(events.get(1).at("/facts/serial").asText()).isEqualTo(serial);
        assertThat(events.get(1).at("/facts/method").asText()).isEqualTo("EMBEDDED_METAL_PLATE");

        JsonNode item = ledger.get("/api/v1/items/" + itemId, token).json();
        assertThat(item.get("custodian").asText()).isEqualTo(fnh);
        assertThat(item.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(item.get("markings").get(0).get("text").asText()).isEqualTo("FN HERSTAL BELGIUM " + serial);

        JsonNode found = ledger.get("/api/v1/items?mark=fn-herstal.belgium%20" + serial.toLowerCase(Locale.ROOT), token).json();
        assertThat(found.get("items").findValuesAsText("itemId")).containsExactly(itemId);

        JsonNode chain = ledger.get("/api/v1/items/" + itemId + "/chain", token).json();
        assertThat(chain.get("records")).hasSize(2);
        ChainCheck.verify(chain, Map.of(fnhKey.keyId(), fnhKey.publicKey()));
    }

    @Test
    void readsFollowTheRoles() {
        String itemId = manufacture();
        SigningKey investigatorKey = SigningKey.generate();
        SigningKey beAuthorityKey = SigningKey.generate();
        SigningKey deAuthorityKey = SigningKey.generate();
        SigningKey otherMakerKey = SigningKey.generate();
        ledger.register("NL-INV-" + suffix, "INVESTIGATOR", "NL", investigatorKey);
        ledger.register("BE-AUTH-" + suffix, "AUTHORITY", "BE", beAuthorityKey);
        ledger.register("DE-AUTH-" + suffix, "AUTHORITY", "DE", deAuthorityKey);
        ledger.register("DE-HK-" + suffix, "MANUFACTURER", "DE", otherMakerKey);
        String path = "/api/v1/items/" + itemId;
        String investigator = ledger.session(investigatorKey, "NL-INV-" + suffix);
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.get(path, investigator).status() == 200);

        assertThat(ledger.get(path, ledger.session(beAuthorityKey, "BE-AUTH-" + suffix)).status()).isEqualTo(200);
        LedgerTestClient.Answer foreign = ledger.get(path, ledger.session(deAuthorityKey, "DE-AUTH-" + suffix));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.problemType()).isEqualTo("urn:salw-ledger:problem:item-not-found");
        assertThat(ledger.get(path, ledger.session(otherMakerKey, "DE-HK-" + suffix)).status()).isEqualTo(404);
        assertThat(ledger.get(path, ledger.session(ADMIN, "admin")).status()).isEqualTo(404);
    }

    @Test
    void aResubmittedEnvelopeAnswersTheOriginalResultAndAppendsNothing() {
        String envelope = new CommandSigner(fnhKey, fnh).signToJson(pistol());
        LedgerTestClient.Answer first = ledger.post("/api/v1/items", envelope);
        assertThat(first.status()).isEqualTo(201);
        int events = eventCount();

        LedgerTestClient.Answer again = ledger.post("/api/v1/items", envelope);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Ledger-Replayed")).contains("true");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void concurrentClaimsOfOneSerialLetExactlyOneItemWin() throws Exception {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(manufacture());
        }
        String serial = "RACE" + suffix;
        ExecutorService pool = Executors.newFixedThreadPool(items.size());
        List<Future<LedgerTestClient.Answer>> answers = new ArrayList<>();
        for (String itemId : items) {
            Callable<LedgerTestClient.Answer> mark = () -> ledger.submit(fnhKey, fnh, manufactureMark(itemId, serial));
            answers.add(pool.submit(mark));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<LedgerTestClient.Answer> answer : answers) {
            LedgerTestClient.Answer a = answer.get();
            statuses.add(a.status());
            if (a.status() != 201) {
                assertThat(a.problemType()).as(a.body()).isEqualTo("urn:salw-ledger:problem:duplicate-marking");
            }
        }
        pool.shutdown();
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM manufacture_mark_claim WHERE normalized_serial = ?",
                Integer.class, serial)).isEqualTo(1);
    }

    @Test
    void aLongHistoryIsSnapshottedAndItsChainStaysWhole() {
        String itemId = manufacture();
        for (int i = 0; i < 60; i++) {
            LedgerTestClient.Answer remark = ledger.submit(fnhKey, fnh, command("MarkItem").put("itemId", itemId)
                    .put("markType", "REMARK").put("text", "QC-" + i).put("component", "BARREL").put("method", "LASER"));
            assertThat(remark.status()).as(remark.body()).isEqualTo(201);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM snapshotevententry WHERE aggregateidentifier = ?",
                Integer.class, itemId)).isPositive();
        String token = ledger.session(fnhKey, fnh);
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.get("/api/v1/items/" + itemId, token).status() == 200);
        JsonNode chain = ledger.get("/api/v1/items/" + itemId + "/chain", token).json();
        assertThat(chain.get("records")).hasSize(61);
        ChainCheck.verify(chain, Map.of(fnhKey.keyId(), fnhKey.publicKey()));
    }

    /**
     * The views' segments share one worker thread (application.yml: a burst of records projected on four
     * took the command writer's CPU). Axon names a pooled processor's workers WorkPackage[group]-n; other
     * ledgers of this JVM have their own pools, numbered from 0 too.
     */
    @Test
    void theViewsProjectOnOneWorkerThread() {
        String token = ledger.session(fnhKey, fnh);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            items.add(manufacture());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> items.stream()
                .allMatch(id -> ledger.get("/api/v1/items/" + id, token).status() == 200));
        String pool = "WorkPackage[" + LedgerViews.PROCESSING_GROUP + "]-";
        Set<String> workers = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith(pool)).collect(Collectors.toSet());
        assertThat(workers).containsExactly(pool + "0");
    }

    /** Axon's correlation stamps (traceId, correlationId) are not stored with the records: nothing reads them. */
    @Test
    void aRecordCarriesNoAxonMetadata() {
        String itemId = manufacture();
        assertThat(new String(jdbc.queryForObject("SELECT metadata FROM domainevententry WHERE aggregateidentifier = ?",
                byte[].class, itemId), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    /**
     * A new store splits the views into four segments (application.yml): Axon's 16 made its coordinator count
     * sixteen queues before every record it handed out, a quarter of a rebuild's time.
     */
    @Test
    void aNewStoreSplitsTheViewsIntoFourSegments() {
        assertThat(jdbc.queryForList("SELECT segment FROM tokenentry WHERE processorname = ? ORDER BY segment",
                Integer.class, LedgerViews.PROCESSING_GROUP)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void theApiIsDescribedAndHealthy() {
        assertThat(ledger.get("/actuator/health", null).body()).contains("\"UP\"");
        LedgerTestClient.Answer openApi = ledger.get("/v3/api-docs", null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").has("/api/v1/items/{itemId}/chain")).isTrue();
        assertThat(openApi.json().findValues("parameters")).as("the reader comes from the bearer token, not the query")
                .allSatisfy(parameters -> assertThat(parameters.findValuesAsText("name")).doesNotContain("reader"));
        assertThat(openApi.json().at("/info/title").asText()).isEqualTo("SALW custody ledger");
        assertThat(openApi.json().at("/info/version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(openApi.json().at("/components/securitySchemes/session/scheme").asText()).isEqualTo("bearer");
        assertThat(openApi.json().at("/paths/~1api~1v1~1items~1{itemId}~1history/get/security/0").has("session"))
                .as("reads need the session's bearer token").isTrue();
        assertThat(openApi.json().at("/paths/~1api~1v1~1items/post/security").isMissingNode())
                .as("commands carry their own signature").isTrue();
    }

    @Test
    void theOpenApiDescriptionIsValidAndDocumentsEveryCommandAsASignedEnvelope() throws Exception {
        String document = ledger.get("/v3/api-docs", null).body();
        var parsed = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(document, null, null);
        assertThat(parsed.getMessages()).as("swagger-parser finds nothing wrong").isEmpty();
        JsonNode api = LedgerTestClient.json(document);
        byte[] exampleKey = java.util.HexFormat.of().parseHex(
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"); // RFC 8032 §7.1 TEST 1
        int commands = 0;
        for (var path = api.get("paths").fields(); path.hasNext(); ) {
            var entry = path.next();
            JsonNode post = entry.getValue().get("post");
            if (post == null) {
                continue;
            }
            commands++;
            JsonNode body = post.at("/requestBody/content/application~1json");
            assertThat(body.at("/schema/$ref").asText()).as(entry.getKey()).isEqualTo("#/components/schemas/DsseEnvelope");
            assertThat(body.get("examples")).as(entry.getKey() + " has a signed example").isNotEmpty();
            for (var example = body.get("examples").fields(); example.hasNext(); ) {
                var named = example.next();
                var envelope = CanonicalJson.mapper().treeToValue(named.getValue().get("value"),
                        org.salwledger.core.crypto.DsseEnvelope.class);
                byte[] payload = java.util.Base64.getDecoder().decode(envelope.payload());
                assertThat(org.salwledger.core.crypto.Ed25519.verify(exampleKey,
                        org.salwledger.core.crypto.Dsse.pae(envelope.payloadType(), payload),
                        java.util.Base64.getDecoder().decode(envelope.signatures().get(0).sig())))
                        .as("the example of " + named.getKey() + " is signed for real").isTrue();
                JsonNode command = CanonicalJson.mapper().readTree(payload);
                assertThat(command.get("type").asText()).isEqualTo(named.getKey());
                JsonNode schema = api.at("/components/schemas/" + named.getKey() + "Command/properties");
                command.fieldNames().forEachRemaining(field -> assertThat(schema.has(field))
                        .as(named.getKey() + "Command documents " + field).isTrue());
            }
            assertThat(post.at("/responses/201/headers").has("Ledger-Position") || entry.getKey().equals("/api/v1/sessions"))
                    .as(entry.getKey()).isTrue();
            assertThat(post.at("/responses/401/content").has("application/problem+json")).isTrue();
            assertThat(post.at("/responses/401/description").asText()).contains("`bad-signature`")
                    .doesNotContain("`not-custodian`");
            assertThat(post.at("/responses/400/description").asText()).contains("`stale-timestamp`", "`unknown-field`");
            assertThat(post.at("/responses/409/description").asText()).contains("`nonce-reused`");
        }
        assertThat(commands).isEqualTo(24);
        JsonNode history = api.at("/paths/~1api~1v1~1items~1{itemId}~1history/get/responses");
        assertThat(history.at("/404/description").asText()).contains("`item-not-found`");
        assertThat(history.at("/401/description").asText()).contains("`expired-token`");
        assertThat(api.at("/paths/~1api~1v1~1log~1checkpoint/get/responses").has("401"))
                .as("a public read needs no session").isFalse();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveRecordsEnvelopesNoncesAndTheLog() {
        manufacture();
        // a quiet ledger: the log signed every record, so no checkpoint is added while the tables are counted
        int records = eventCount();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COALESCE(MAX(tree_size), 0) FROM log_checkpoint", Integer.class) >= records);
        Map<String, String> guarded = Map.of("domainevententry", "payloadtype", "ledger_envelope", "result_status",
                "used_nonce", "nonce", "log_leaf", "stream", "log_node", "hash", "log_checkpoint", "note",
                "trace_read", "reader");
        guarded.forEach((table, column) -> {
            int rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
            List<String> statements = new java.util.ArrayList<>(List.of("TRUNCATE TABLE " + table));
            if (rows > 0) {
                // row guards fire only where there is a row to change
                statements.addAll(List.of("DELETE FROM " + table, "UPDATE " + table + " SET " + column + " = " + column));
            }
            for (String sql : statements) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.execute(sql)).as(sql)
                        .isInstanceOf(org.springframework.dao.DataAccessException.class);
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class)).as(table).isEqualTo(rows);
        });
    }

    @Test
    void aReusedNonceIsRefusedAndConcurrentTwinsAppendOnce() throws Exception {
        String nonce = CommandSigner.newNonce();
        assertThat(ledger.submit(fnhKey, fnh, pistol().put("nonce", nonce)).status()).isEqualTo(201);
        int events = eventCount();
        LedgerTestClient.Answer reused = ledger.submit(fnhKey, fnh, pistol().put("model", "FN 510").put("nonce", nonce));
        assertThat(reused.status()).as(reused.body()).isEqualTo(409);
        assertThat(reused.problemType()).isEqualTo("urn:salw-ledger:problem:nonce-reused");

        String envelope = new CommandSigner(fnhKey, fnh).signToJson(pistol());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<LedgerTestClient.Answer>> twins = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            twins.add(pool.submit(() -> ledger.post("/api/v1/items", envelope)));
        }
        java.util.Set<String> bodies = new java.util.HashSet<>();
        for (Future<LedgerTestClient.Answer> twin : twins) {
            LedgerTestClient.Answer answer = twin.get();
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            bodies.add(answer.body());
        }
        pool.shutdown();
        assertThat(bodies).hasSize(1);
        assertThat(eventCount()).isEqualTo(events + 1);
    }

    private org.salwledger.core.log.Checkpoint checkpoint(org.salwledger.core.log.NoteVerifierKey key) {
        String note = ledger.get("/api/v1/log/checkpoint", null).body();
        return org.salwledger.core.log.Checkpoint.parse(org.salwledger.core.log.SignedNote.open(note, List.of(key)));
    }

    /**
     * Read-your-writes: a read that sends back the write's {@code Ledger-Position} as {@code Ledger-After}
     * sees the write, every time; a position that is not a number is refused.
     */
    @Test
    void aReadSentAfterAWritesPositionSeesThatWrite() {
        String token = ledger.session(fnhKey, fnh);
        for (int i = 0; i < 10; i++) {
            LedgerTestClient.Answer made = ledger.submit(fnhKey, fnh, pistol());
            assertThat(made.status()).isEqualTo(201);
            String position = made.header("Ledger-Position").orElseThrow();
            String itemId = made.json().get("itemId").asText();
            LedgerTestClient.Answer history = ledger.get("/api/v1/items/" + itemId + "/history", token,
                    Map.of("Ledger-After", position));
            assertThat(history.status()).as(history.body()).isEqualTo(200);
            assertThat(history.header("Ledger-Views-Caught-Up")).contains("true");
            assertThat(history.json().get("events")).hasSize(1);
            assertThat(ledger.get("/api/v1/log/leaf?stream=" + itemId + "&sequence=0", null,
                    Map.of("Ledger-After", position)).status()).isEqualTo(200);
        }
        LedgerTestClient.Answer bad = ledger.get("/api/v1/items?mark=X", token, Map.of("Ledger-After", "soon"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemType()).isEqualTo("urn:salw-ledger:problem:invalid-header");
    }

    /**
     * An acknowledged record reaches the log in a fraction of a second, not after the event store
     * reader's next poll (Axon's default waits a whole second whenever a commit misses its wake-up:
     * about half of these did). Nine of ten within 900 ms leaves room for a slow CI machine.
     */
    @Test
    void anAcknowledgedRecordReachesTheLogWithoutWaitingForAPoll() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String itemId = manufacture();
            long acknowledged = System.nanoTime();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10)).until(() ->
                    ledger.get("/api/v1/log/leaf?stream=" + itemId + "&sequence=0", null).status() == 200);
            millis.add((System.nanoTime() - acknowledged) / 1_000_000);
        }
        assertThat(millis.stream().filter(ms -> ms > 900).count()).as("ms from 201 to the log: " + millis)
                .isLessThanOrEqualTo(1);
    }

    @Test
    void everyRecordIsInTheSignedLogWithProofsThatVerify() throws Exception {
        String itemId = manufacture();
        var key = org.salwledger.core.log.NoteVerifierKey.parse(ledger.get("/api/v1/log/key", null).body().trim());
        String token = ledger.session(fnhKey, fnh);
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() ->
                ledger.get("/api/v1/log/leaf?stream=" + itemId + "&sequence=0", null).status() == 200);
        JsonNode leaf = ledger.get("/api/v1/log/leaf?stream=" + itemId + "&sequence=0", null).json();
        long index = leaf.get("index").asLong();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> checkpoint(key).size() > index);
        var first = checkpoint(key);

        // the log may be ahead of the item view that decides who reads the chain
        await().atMost(Duration.ofSeconds(15)).until(() ->
                ledger.get("/api/v1/items/" + itemId + "/chain", token).status() == 200);
        JsonNode record = ledger.get("/api/v1/items/" + itemId + "/chain", token).json().at("/records/0/record");
        byte[] leafHash = org.salwledger.core.log.MerkleHashes.leaf(org.salwledger.core.crypto.CanonicalJson.canonicalize(record));
        assertThat(java.util.Base64.getEncoder().encodeToString(leafHash)).isEqualTo(leaf.get("leafHash").asText());
        var inclusion = CanonicalJson.mapper().readValue(ledger.get("/api/v1/log/proof/inclusion?index=" + index
                + "&size=" + first.size(), null).body(), InclusionProof.class);
        assertThat(inclusion.index()).isEqualTo(index);
        assertThat(inclusion.failureFor(leafHash, first.rootHash())).isEmpty();

        manufacture();
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> checkpoint(key).size() > first.size());
        var second = checkpoint(key);
        var consistency = CanonicalJson.mapper().readValue(ledger.get("/api/v1/log/proof/consistency?from="
                + first.size() + "&to=" + second.size(), null).body(), ConsistencyProof.class);
        assertThat(consistency.failureFor(first.rootHash(), second.rootHash())).isEmpty();
        assertThat(consistency.failureFor(second.rootHash(), second.rootHash())).get()
                .isInstanceOf(org.salwledger.core.log.ProofFailure.RootMismatch.class);
        assertThat(ledger.get("/api/v1/log/proof/inclusion?index=0&size=" + (second.size() + 5), null).status()).isEqualTo(400);

        // auditors read the records themselves; the recomputed leaf hash matches
        SigningKey auditorKey = SigningKey.generate();
        ledger.register("AUD-" + suffix, "AUDITOR", "NL", auditorKey);
        String auditor = ledger.session(auditorKey, "AUD-" + suffix);
        JsonNode entries = ledger.get("/api/v1/log/entries?start=" + index + "&end=" + (index + 1), auditor).json();
        assertThat(entries.get(0).get("stream").asText()).isEqualTo(itemId);
        assertThat(org.salwledger.core.log.MerkleHashes.leaf(org.salwledger.core.crypto.CanonicalJson.canonicalize(
                entries.get(0).get("record")))).isEqualTo(leafHash);
        assertThat(entries.get(0).at("/envelope/payloadType").asText()).isEqualTo("application/vnd.salw-ledger.command+json");
        assertThat(ledger.get("/api/v1/log/entries?start=0&end=1", token).status()).isEqualTo(403);
        assertThat(ledger.get("/api/v1/log/entries?start=0&end=1001", auditor).status()).isEqualTo(400);
        assertThat(ledger.get("/api/v1/log/entries?start=0&end=1", null).status()).isEqualTo(401);
    }

    @Test
    void operatorsScrapeWhatTheLedgerDid() {
        String envelope = new org.salwledger.cli.CommandSigner(fnhKey, fnh).signToJson(pistol());
        assertThat(ledger.post("/api/v1/items", envelope).status()).isEqualTo(201);
        assertThat(ledger.post("/api/v1/items", envelope).header(CommandSubmitter.REPLAYED_HEADER)).contains("true");
        String itemId = manufacture();
        LedgerTestClient.Answer refused = ledger.submit(fnhKey, fnh, manufactureMark(itemId, "X").put("serial", " "));
        assertThat(refused.problemType()).isEqualTo("urn:salw-ledger:problem:missing-field");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            LedgerTestClient.Answer scraped = ledger.get("/actuator/prometheus", null, "text/plain");
            assertThat(scraped.status()).isEqualTo(200);
            String metrics = scraped.body();
            assertThat(value(metrics, "ledger_commands_total", "outcome=\"accepted\"", "type=\"ManufactureItem\""))
                    .isGreaterThanOrEqualTo(2);
            assertThat(value(metrics, "ledger_commands_total", "outcome=\"replayed\"", "type=\"ManufactureItem\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "ledger_commands_total", "outcome=\"refused\"", "slug=\"missing-field\"",
                    "type=\"MarkItem\"")).isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "ledger_problems_total", "slug=\"missing-field\"", "status=\"422\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "ledger_records_appended_total")).isGreaterThanOrEqualTo(2);
            assertThat(value(metrics, "ledger_commands_group_commands_count")).isPositive();
            assertThat(value(metrics, "ledger_command_verification_seconds_count")).isGreaterThanOrEqualTo(4);
            assertThat(metrics).contains("ledger_command_transaction_seconds_bucket{");
            assertThat(value(metrics, "ledger_log_size")).isGreaterThanOrEqualTo(2);
            assertThat(value(metrics, "ledger_log_checkpoint_size")).isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "ledger_log_checkpoint_age_seconds")).isBetween(0.0, 60.0);
            assertThat(value(metrics, "ledger_projection_lag", "processor=\"ledger-views\"")).isBetween(0.0, 1e9);
            assertThat(value(metrics, "ledger_projection_lag", "processor=\"transparency-log\"")).isBetween(0.0, 1e9);
            assertThat(value(metrics, "ledger_alerts_open", "type=\"MARK_MISSING\"")).isNotNegative();
            assertThat(metrics).contains("hikaricp_connections_active");
        });
        LedgerTestClient.Answer ready = ledger.get("/actuator/health/readiness", null);
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.json().at("/components/logFreshness/details/maxLag").asLong()).isEqualTo(100000);
        assertThat(ready.json().at("/components/ledgerIntegrity/status").asText()).isEqualTo("UP");
        assertThat(ledger.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    /** The value of the first sample of a metric whose labels include all of {@code labels}. */
    static double value(String exposition, String metric, String... labels) {
        return exposition.lines().filter(l -> l.startsWith(metric + "{") || l.startsWith(metric + " "))
                .filter(l -> java.util.Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + metric + " " + String.join(",", labels)));
    }
}
