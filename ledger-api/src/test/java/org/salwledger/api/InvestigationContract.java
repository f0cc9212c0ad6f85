package org.salwledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.crypto.SigningKey;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;

/**
 * What investigators open the ledger for, end to end over HTTP: a Belgian pistol exported to the DR
 * Congo, sold to a dealer, stolen there and recovered with part of its serial ground off; a
 * look-alike decoy. Search by what is left of the mark, trace it, answer the trace, watch alerts,
 * file the annual report. Run on H2 and PostgreSQL.
 */
@org.junit.jupiter.api.extension.ExtendWith(ViewsRebuildAfterAll.class)
abstract class InvestigationContract extends RunningLedger {
    final String s = suffix;
    final SigningKey fnhKey = SigningKey.generate();
    final SigningKey cdKey = SigningKey.generate();
    final SigningKey dealerKey = SigningKey.generate();
    final SigningKey policeKey = SigningKey.generate();
    final SigningKey investigatorKey = SigningKey.generate();
    final String fnh = "BE-FNH-" + s;
    final String cd = "CD-MOD-" + s;
    final String dealer = "CD-DEALER-" + s;
    final String police = "CD-PNC-" + s;
    final String investigator = "NL-INV-" + s;
    final String serial = "GKS" + s;

    static void investigationProperties(org.springframework.test.context.DynamicPropertyRegistry registry) throws Exception {
        ledgerProperties(registry);
        registry.add("ledger.alerts.scan-interval", () -> "PT0.3S");
    }

    final SigningKey beAuthKey = SigningKey.generate();
    final String beAuth = "BE-AUTH-" + s;

    @org.springframework.beans.factory.annotation.Autowired
    AdjustableAlertClock alertClock;

    @org.junit.jupiter.api.AfterEach
    void backToToday() {
        alertClock.setAhead(Duration.ZERO);
    }

    @BeforeEach
    void actors() {
        ledger.register(fnh, "MANUFACTURER", "BE", fnhKey);
        ledger.register(cd, "AUTHORITY", "CD", cdKey);
        ledger.register(dealer, "HOLDER", "CD", dealerKey);
        ledger.register(police, "LAW_ENFORCEMENT", "CD", policeKey);
        ledger.register(investigator, "INVESTIGATOR", "NL", investigatorKey);
        ledger.register(beAuth, "AUTHORITY", "BE", beAuthKey);
    }

    JsonNode ok(SigningKey key, String actor, ObjectNode command) {
        LedgerTestClient.Answer answer = ledger.submit(key, actor, command);
        assertThat(answer.status()).as(command.get("type").asText() + ": " + answer.body()).isEqualTo(201);
        return answer.json();
    }

    String pistol(String serialNumber) {
        String item = ok(fnhKey, fnh, command("ManufactureItem").put("kind", "WEAPON")
                .put("category", "REVOLVER_OR_SELF_LOADING_PISTOL").put("identityComponent", "FRAME")
                .put("make", "FN Herstal").put("model", "FN 509").put("calibre", "9x19mm").put("material", "POLYMER")
                .put("production", "INDUSTRIAL")).get("itemId").asText();
        ok(fnhKey, fnh, command("MarkItem").put("itemId", item).put("markType", "MANUFACTURE").put("serial", serialNumber)
                .put("text", "FNH BE " + serialNumber).put("component", "FRAME").put("method", "EMBEDDED_METAL_PLATE"));
        return item;
    }

    String transfer(SigningKey key, String from, String to, String kind, String item) {
        ObjectNode dispatch = command("DispatchTransfer").put("consignee", to).put("kind", kind)
                .put("dueBy", LocalDate.now().plusDays(30).toString());
        if (kind.equals("EXPORT")) {
            dispatch.put("exportLicence", "BE-EXP-2026-0042").put("importingCountry", "CD").put("endUserCertificate", "CD-EUC-77");
        }
        dispatch.putArray("itemIds").add(item);
        return ok(key, from, dispatch).get("transferId").asText();
    }

    /** The pistol's life up to its recovery; answers its itemId. */
    String stolenAndRecoveredPistol() {
        String pistol = pistol(serial);
        ok(cdKey, cd, command("ReceiveTransfer").put("transferId", transfer(fnhKey, fnh, cd, "EXPORT", pistol)));
        ok(cdKey, cd, command("MarkItem").put("itemId", pistol).put("markType", "IMPORT").put("text", "CD 2026")
                .put("component", "FRAME").put("method", "LASER"));
        ok(dealerKey, dealer, command("ReceiveTransfer").put("transferId", transfer(cdKey, cd, dealer, "DOMESTIC", pistol)));
        ok(dealerKey, dealer, command("ReportStolen").put("itemId", pistol).put("place", "shop, Avenue du Commerce, Kinshasa"));
        ObjectNode recovered = command("ReportRecovered").put("itemId", pistol).put("place", "Goma")
                .put("circumstances", "found in a vehicle at a checkpoint");
        recovered.putArray("observedMarkings").addObject().put("text", "GKS" + s.substring(0, 2) + "??" + s.substring(4))
                .put("component", "FRAME").put("obliterated", true);
        ok(policeKey, police, recovered);
        return pistol;
    }

    JsonNode search(String token, String query) {
        LedgerTestClient.Answer answer = ledger.get("/api/v1/items?mark=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                token);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void whatIsLeftOfAMarkFindsTheRecoveredPistolFirst() {
        String pistol = stolenAndRecoveredPistol();
        String decoy = pistol("GK5" + s);
        String token = ledger.session(investigatorKey, investigator);
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() ->
                assertThat(search(token, serial).get("items").findValuesAsText("itemId")).containsExactly(pistol, decoy));
        // the item view (status, custodian) is another segment of the views than the mark index: wait for it too
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> assertThat(
                search(token, serial).get("items").get(0).get("status").asText()).isEqualTo("SEIZED"));

        JsonNode exact = search(token, serial.toLowerCase() + "");
        assertThat(exact.get("items").get(0).get("match").asText()).isEqualTo("EXACT");
        assertThat(exact.get("items").get(0).get("status").asText()).isEqualTo("SEIZED");
        assertThat(exact.get("items").get(0).get("custodian").asText()).isEqualTo(police);
        assertThat(exact.get("items").get(1).get("match").asText()).as("S and 5 look alike").isEqualTo("LOOK_ALIKE");

        String one = "GKS" + s.substring(0, 3) + "?" + s.substring(4);
        String two = "G?S-" + s.substring(0, 3) + "?" + s.substring(4);
        // four known characters: with two, another test's "GKS" serial in the shared database matched too (1 in 256 per pair)
        String run = "gks " + s.substring(0, 4) + "*";
        for (String query : List.of(one, two, run)) {
            JsonNode found = search(token, query);
            assertThat(found.get("items").get(0).get("itemId").asText()).as(query).isEqualTo(pistol);
            assertThat(found.get("items").get(0).get("match").asText()).as(query).isEqualTo("WILDCARD");
            assertThat(found.get("items").findValuesAsText("itemId")).as(query).contains(decoy);
        }
        assertThat(search(token, run).get("items").get(1).get("match").asText()).isEqualTo("LOOK_ALIKE_WILDCARD");
        // a known end only: the reversed index
        assertThat(search(token, "*" + s.substring(2)).get("items").findValuesAsText("itemId")).contains(pistol, decoy);
        // Cyrillic К in place of Latin K is a look-alike
        JsonNode cyrillic = search(token, "GКS" + s);
        assertThat(cyrillic.get("items").findValuesAsText("itemId")).containsExactlyInAnyOrder(pistol, decoy);
        assertThat(cyrillic.get("items").findValuesAsText("match")).containsOnly("LOOK_ALIKE");
        // the observed, partly obliterated marking is indexed too: the full serial fills its unknowns
        JsonNode observed = search(token, serial);
        assertThat(observed.get("items").get(0).get("unknowns").asInt()).isZero();

        // filters, paging, refusals
        assertThat(ledger.get("/api/v1/items?mark=" + serial + "&kind=PART", token).json().get("items")).isEmpty();
        assertThat(ledger.get("/api/v1/items?mark=" + serial + "&manufacturer=" + fnh + "&country=BE&calibre=9X19MM"
                + "&category=REVOLVER_OR_SELF_LOADING_PISTOL", token).json().get("items")).hasSize(2);
        JsonNode page = ledger.get("/api/v1/items?mark=" + serial + "&size=1&page=1", token).json();
        assertThat(page.get("items").findValuesAsText("itemId")).containsExactly(decoy);
        assertThat(page.get("hasMore").asBoolean()).isFalse();
        assertThat(ledger.get("/api/v1/items?mark=" + serial + "&size=1", token).json().get("hasMore").asBoolean()).isTrue();
        assertThat(ledger.get("/api/v1/items?mark=*1*", token).problemType()).isEqualTo("urn:salw-ledger:problem:mark-too-broad");
        assertThat(ledger.get("/api/v1/items?mark=" + serial + "&kind=TANK", token).status()).isEqualTo(400);
        assertThat(ledger.get("/api/v1/items?mark=" + serial + "&country=XX", token).problemType())
                .isEqualTo("urn:salw-ledger:problem:invalid-country");
        // a dealer sees only what it holds or held
        String dealerToken = ledger.session(dealerKey, dealer);
        assertThat(search(dealerToken, serial).get("items").findValuesAsText("itemId")).containsExactly(pistol);
    }

    ObjectNode traceRequest(String markText) {
        ObjectNode trace = command("SubmitTraceRequest").put("kind", "WEAPON").put("calibre", "9x19mm")
                .put("recoveredAt", java.time.Instant.now().minus(Duration.ofDays(1)).toString())
                .put("recoveredPlace", "Goma, North Kivu").put("circumstances", "found in a vehicle at a checkpoint")
                .put("legalBasis", "Art. 7 of the Firearms Act").put("intendedUse", "criminal investigation NL-2026-118")
                .put("priority", "ROUTINE");
        trace.putArray("observedMarkings").addObject().put("text", markText).put("component", "FRAME")
                .put("obliterated", true);
        trace.putArray("illicitGrounds").add("ILLICIT_WHERE_FOUND");
        return trace;
    }

    JsonNode alerts(String token, String query) {
        LedgerTestClient.Answer answer = ledger.get("/api/v1/alerts?" + query, token);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("alerts");
    }

    static List<String> about(JsonNode alerts, String key, String value) {
        List<String> ids = new java.util.ArrayList<>();
        alerts.forEach(a -> {
            if (a.path("facts").path(key).asText().equals(value) || a.path("items").toString().contains(value)) {
                ids.add(a.get("alertId").asText() + "=" + a.get("status").asText());
            }
        });
        return ids;
    }

    @Test
    void aTraceNamesTheDealerAndTheTheftAndTheRequestedStateAnswers() {
        String pistol = stolenAndRecoveredPistol();
        String token = ledger.session(investigatorKey, investigator);
        String observed = "GKS" + s.substring(0, 2) + "??" + s.substring(4);
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() ->
                assertThat(search(token, observed).get("items").get(0).get("itemId").asText()).isEqualTo(pistol));
        // the search matched the manufacture mark; routing reads the item's history (the import mark), which
        // the views write in order: once the recovery (its last record) shows, the import mark is there too
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> assertThat(
                search(token, observed).get("items").get(0).get("status").asText()).isEqualTo("SEIZED"));
        LedgerTestClient.Answer refused = ledger.submit(dealerKey, dealer, traceRequest(observed));
        assertThat(refused.problemType()).isEqualTo("urn:salw-ledger:problem:role-not-allowed");

        JsonNode submitted = ok(investigatorKey, investigator, traceRequest(observed));
        String traceId = submitted.get("traceId").asText();
        assertThat(submitted.get("requestedState").asText()).as("the State that import-marked it").isEqualTo("CD");

        // wait until every custody fact is inside a signed checkpoint (published every second)
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> assertThat(
                ledger.get("/api/v1/traces/" + traceId, token).json().at("/report/candidates/0/custodyChain")
                        .findValues("leafIndex")).isNotEmpty().allMatch(JsonNode::isNumber));
        JsonNode trace = ledger.get("/api/v1/traces/" + traceId, token).json();
        assertThat(trace.get("status").asText()).isEqualTo("SUBMITTED");
        JsonNode candidate = trace.at("/report/candidates/0");
        assertThat(candidate.get("itemId").asText()).isEqualTo(pistol);
        assertThat(candidate.get("lastLegalCustodian").asText()).isEqualTo(dealer);
        assertThat(candidate.at("/pointOfDiversion/kind").asText()).isEqualTo("THEFT");
        assertThat(candidate.at("/pointOfDiversion/recordType").asText()).isEqualTo("ItemStolen");
        // every custody fact carries its record hash and an inclusion proof against the report's signed checkpoint
        var key = org.salwledger.core.log.NoteVerifierKey.parse(ledger.get("/api/v1/log/key", null).body().trim());
        var checkpoint = org.salwledger.core.log.Checkpoint.parse(org.salwledger.core.log.SignedNote.open(
                trace.at("/report/checkpoint").asText(), List.of(key)));
        JsonNode chain = ledger.get("/api/v1/items/" + pistol + "/chain", token).json().get("records");
        JsonNode stolen = candidate.get("custodyChain").get((int) candidate.at("/pointOfDiversion/sequence").asLong());
        assertThat(stolen.get("type").asText()).isEqualTo("ItemStolen");
        JsonNode record = chain.get(stolen.get("sequence").asInt()).get("record");
        assertThat(chain.get(stolen.get("sequence").asInt()).get("hash").asText()).isEqualTo(stolen.get("recordHash").asText());
        List<String> path = new java.util.ArrayList<>();
        stolen.at("/proof/inclusionProof").forEach(h -> path.add(h.asText()));
        var inclusion = new org.salwledger.core.log.InclusionProof(stolen.at("/proof/leafIndex").asLong(), checkpoint.size(), path);
        assertThat(inclusion.failureFor(org.salwledger.core.log.MerkleHashes.leaf(
                org.salwledger.core.crypto.CanonicalJson.canonicalize(record)), checkpoint.rootHash())).isEmpty();

        // confidential: the requester and the requested State's AUTHORITY read it; every read is recorded
        assertThat(ledger.get("/api/v1/traces/" + traceId, ledger.session(policeKey, police)).status()).isEqualTo(404);
        assertThat(ledger.get("/api/v1/traces/" + traceId, ledger.session(beAuthKey, beAuth)).status()).isEqualTo(404);
        String cdToken = ledger.session(cdKey, cd);
        assertThat(ledger.get("/api/v1/traces/" + traceId, cdToken).status()).isEqualTo(200);
        JsonNode reads = ledger.get("/api/v1/traces/" + traceId, token).json().get("reads");
        assertThat(reads.findValuesAsText("reader")).contains(investigator, police, beAuth, cd);
        reads.forEach(r -> assertThat(r.get("allowed").asBoolean()).as(r.toString())
                .isEqualTo(!r.get("reader").asText().equals(police) && !r.get("reader").asText().equals(beAuth)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("DELETE FROM trace_read"))
                .as("who read a trace cannot be erased").hasMessageContaining("append-only ledger");

        // two days on, unacknowledged: an alert for the requester and the requested State, cleared by the acknowledgement
        alertClock.setAhead(Duration.ofDays(3));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(about(alerts(token, "type=TRACE_UNACKNOWLEDGED"), "traceId", traceId)).hasSize(1));
        assertThat(about(alerts(ledger.session(policeKey, police), "type=TRACE_UNACKNOWLEDGED"), "traceId", traceId))
                .as("confidential").isEmpty();
        ObjectNode wrongState = command("AcknowledgeTraceRequest").put("traceId", traceId);
        assertThat(ledger.submit(beAuthKey, beAuth, wrongState).problemType())
                .isEqualTo("urn:salw-ledger:problem:not-requested-state");
        ok(cdKey, cd, command("AcknowledgeTraceRequest").put("traceId", traceId));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                about(alerts(token, "type=TRACE_UNACKNOWLEDGED&status=ALL"), "traceId", traceId))
                .containsExactly("unacknowledged:" + traceId + "=RESOLVED"));

        // the requested State asks for more; only the requester answers; the answer is not overdue meanwhile
        ok(cdKey, cd, command("RequestTraceInformation").put("traceId", traceId)
                .put("questions", "photos of the frame where the serial was ground off?"));
        assertThat(ledger.submit(cdKey, cd, command("RequestTraceInformation").put("traceId", traceId)
                .put("questions", "and the slide?")).problemType()).isEqualTo("urn:salw-ledger:problem:trace-information-pending");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                ledger.get("/api/v1/traces/" + traceId, token).json().get("status").asText()).isEqualTo("INFO_REQUESTED"));
        alertClock.setAhead(Duration.ofDays(40));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(about(alerts(cdToken, "type=TRACE_INFORMATION_OVERDUE"), "traceId", traceId))
                        .as("the requester is late").containsExactly("information:" + traceId + "=OPEN"));
        assertThat(about(alerts(token, "type=TRACE_UNANSWERED&status=ALL"), "traceId", traceId))
                .as("waiting for the requester, not for the requested State").isEmpty();
        assertThat(ledger.submit(policeKey, police, command("ProvideTraceInformation").put("traceId", traceId)
                .put("information", "not mine to give")).problemType()).isEqualTo("urn:salw-ledger:problem:not-requester");
        ok(investigatorKey, investigator, command("ProvideTraceInformation").put("traceId", traceId)
                .put("information", "photos sent by secure mail, ref NL-2026-118/4"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(about(alerts(token, "type=TRACE_UNANSWERED"), "traceId", traceId))
                    .containsExactly("unanswered:" + traceId + "=OPEN");
            assertThat(about(alerts(token, "type=TRACE_INFORMATION_OVERDUE&status=ALL"), "traceId", traceId))
                    .containsExactly("information:" + traceId + "=RESOLVED");
        });
        assertThat(ledger.get("/api/v1/traces/" + traceId, token).json().get("status").asText()).isEqualTo("ACKNOWLEDGED");

        ObjectNode answer = command("AnswerTraceRequest").put("traceId", traceId).put("outcome", "ANSWERED")
                .put("information", "exported by " + fnh + " under BE-EXP-2026-0042, sold to " + dealer
                        + ", reported stolen; seized by " + police).put("useRestriction", "intelligence only");
        answer.putArray("identifiedItems").add(pistol);
        ok(cdKey, cd, answer);
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> {
            JsonNode answered = ledger.get("/api/v1/traces/" + traceId, token).json();
            assertThat(answered.get("status").asText()).isEqualTo("ANSWERED");
            assertThat(answered.get("useRestriction").asText()).isEqualTo("intelligence only");
            assertThat(answered.get("steps").findValuesAsText("type")).containsExactly("TraceRequested",
                    "TraceAcknowledged", "TraceInformationRequested", "TraceInformationProvided", "TraceAnswered");
        });
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                about(alerts(token, "type=TRACE_UNANSWERED&status=ALL"), "traceId", traceId))
                .containsExactly("unanswered:" + traceId + "=RESOLVED"));
        assertThat(ledger.submit(cdKey, cd, command("AnswerTraceRequest").put("traceId", traceId).put("outcome", "DECLINED")
                .put("reason", "changed our mind")).problemType()).isEqualTo("urn:salw-ledger:problem:trace-answered");

        theTracesEvidenceBundleVerifiesOfflineForItsPartiesOnly(traceId, token, policeKey, police);
        theLogKeepsTheTraceSealedFromAnyoneElse(traceId, token);
    }

    /** One file with the trace's confidential records and its candidates' custody chains, proven offline. */
    void theTracesEvidenceBundleVerifiesOfflineForItsPartiesOnly(String traceId, String requesterToken, SigningKey outsiderKey,
                                                                  String outsider) {
        org.salwledger.core.log.NoteVerifierKey logKey = org.salwledger.core.log.NoteVerifierKey.parse(
                ledger.get("/api/v1/log/key", null).body().trim());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            LedgerTestClient.Answer bundle = ledger.get("/api/v1/traces/" + traceId + "/evidence", requesterToken);
            assertThat(bundle.status()).as(bundle.body()).isEqualTo(200);
            var verified = org.salwledger.core.audit.EvidenceVerifier.verify(
                    bundle.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), logKey,
                    org.salwledger.core.witness.WitnessPolicy.none());
            assertThat(verified.subject()).isEqualTo(traceId);
            assertThat(verified.records().stream().filter(r -> r.record().path("stream").asText().equals(traceId))
                    .map(r -> r.record().path("type").asText())).containsExactly("TraceRequested", "TraceAcknowledged",
                    "TraceInformationRequested", "TraceInformationProvided", "TraceAnswered");
            assertThat(verified.records().stream().map(r -> r.record().path("type").asText())).contains("ItemManufactured");
        });
        assertThat(ledger.get("/api/v1/traces/" + traceId + "/evidence", ledger.session(outsiderKey, outsider)).status())
                .isEqualTo(404);
    }

    /** The trace's records are leaves of the public log, yet an auditor's export shows their place, not their content. */
    void theLogKeepsTheTraceSealedFromAnyoneElse(String traceId, String requesterToken) {
        SigningKey auditorKey = SigningKey.generate();
        String auditor = "NL-AUDIT-" + s;
        ledger.register(auditor, "AUDITOR", "NL", auditorKey);
        String auditorToken = ledger.session(auditorKey, auditor);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                sealedLines(ledger.get("/api/v1/log/export", auditorToken).body(), traceId).findValuesAsText("type"))
                .containsExactly("TraceRequested", "TraceAcknowledged", "TraceInformationRequested",
                        "TraceInformationProvided", "TraceAnswered"));
        String export = ledger.get("/api/v1/log/export", auditorToken).body();
        assertThat(export).contains(dealer).doesNotContain("criminal investigation NL-2026-118")
                .doesNotContain("Art. 7 of the Firearms Act").doesNotContain("sold to " + dealer)
                .doesNotContain("ref NL-2026-118/4");
        var verifier = new org.salwledger.core.audit.LedgerVerifier(org.salwledger.core.log.NoteVerifierKey.parse(
                ledger.get("/api/v1/log/key", null).body().trim()), null, null);
        export.lines().forEach(verifier::accept);
        assertThat(verifier.finish().sealedRecords()).as("every trace record in the log is sealed, and the log verifies")
                .isEqualTo(export.lines().filter(l -> l.contains("\"kind\":\"sealed\"")).count()).isGreaterThanOrEqualTo(3);

        long index = sealedLines(export, traceId).get(0).get("index").asLong();
        JsonNode entry = ledger.get("/api/v1/log/entries?start=" + index + "&end=" + (index + 1), auditorToken).json().get(0);
        assertThat(entry.get("sealed").asBoolean()).isTrue();
        assertThat(entry.get("type").asText()).isEqualTo("TraceRequested");
        assertThat(entry.get("record").isNull()).isTrue();
        assertThat(entry.get("envelope").isNull()).isTrue();
        assertThat(ledger.get("/api/v1/log/leaf?stream=" + traceId + "&sequence=0", null).json().get("index").asLong())
                .as("anyone can still prove the request was logged").isEqualTo(index);

        // the parties hold the records themselves: each one hashes to the sealed leaf the auditor verified
        JsonNode records = ledger.get("/api/v1/traces/" + traceId, requesterToken).json().get("records");
        JsonNode sealed = sealedLines(export, traceId);
        assertThat(records.findValuesAsText("hash")).containsExactlyElementsOf(sealed.findValuesAsText("hash"));
        for (int i = 0; i < records.size(); i++) {
            byte[] leaf = org.salwledger.core.log.MerkleHashes.leaf(
                    org.salwledger.core.crypto.CanonicalJson.canonicalize(records.get(i).get("record")));
            assertThat(java.util.Base64.getEncoder().encodeToString(leaf))
                    .isEqualTo(sealed.get(i).get("leafHash").asText());
        }
        assertThat(records.get(2).at("/envelope/signatures/0/keyid").asText()).isEqualTo(cdKey.keyId());
    }

    static com.fasterxml.jackson.databind.node.ArrayNode sealedLines(String export, String stream) {
        com.fasterxml.jackson.databind.node.ArrayNode lines = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        export.lines().map(LedgerTestClient::json).filter(l -> l.path("kind").asText().equals("sealed")
                && l.path("stream").asText().equals(stream)).forEach(lines::add);
        return lines;
    }

    @Test
    void aTraceAnsweredNotFoundRaisesAHitWhenAMatchingMarkIsRegisteredLater() {
        String token = ledger.session(investigatorKey, investigator);
        String later = "ZQX" + s + "7";
        LedgerTestClient.Answer unknownState = ledger.submit(investigatorKey, investigator, traceRequest("ZQX" + s + "?"));
        assertThat(unknownState.problemType()).isEqualTo("urn:salw-ledger:problem:requested-state-unknown");
        LedgerTestClient.Answer empty = ledger.submit(investigatorKey, investigator, command("SubmitTraceRequest"));
        assertThat(empty.problemType()).as("a request without its fields is told so first")
                .isEqualTo("urn:salw-ledger:problem:missing-field");
        String traceId = ok(investigatorKey, investigator, traceRequest("ZQX" + s + "?").put("requestedState", "BE"))
                .get("traceId").asText();
        ok(beAuthKey, beAuth, command("AcknowledgeTraceRequest").put("traceId", traceId));
        ok(beAuthKey, beAuth, command("AnswerTraceRequest").put("traceId", traceId).put("outcome", "NOT_FOUND"));
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> assertThat(
                ledger.get("/api/v1/traces/" + traceId, token).json().get("status").asText()).isEqualTo("NOT_FOUND"));
        String item = pistol(later);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(about(alerts(token, "type=TRACE_HIT"), "traceId", traceId))
                        .containsExactly("hit:" + traceId + ":" + item + "=OPEN"));
        assertThat(about(alerts(ledger.session(policeKey, police), "type=TRACE_HIT"), "traceId", traceId)).isEmpty();

        // an item registered unmarked, with only part of its marking legible, is a hit too; another is not
        String other = unmarked("ZQY" + s + "?");
        String seized = unmarked("Z?X" + s.substring(0, 2) + "*");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(about(alerts(token, "type=TRACE_HIT"), "traceId", traceId)).containsExactlyInAnyOrder(
                        "hit:" + traceId + ":" + item + "=OPEN", "hit:" + traceId + ":" + seized + "=OPEN"));
        assertThat(alerts(token, "type=TRACE_HIT&itemId=" + other)).isEmpty();
    }

    String unmarked(String observedText) {
        ObjectNode register = command("RegisterUnmarkedItem").put("kind", "WEAPON")
                .put("category", "REVOLVER_OR_SELF_LOADING_PISTOL").put("calibre", "9x19mm").put("material", "POLYMER")
                .put("production", "INDUSTRIAL").put("description", "pistol, serial partly ground off").put("place", "Bukavu");
        register.putArray("observedMarkings").addObject().put("text", observedText).put("component", "FRAME")
                .put("obliterated", true);
        return ok(policeKey, police, register).get("itemId").asText();
    }

    @Test
    void anOverdueTransferRaisesAnAlertThatClearsOnReceipt() {
        String item = pistol("OVD" + s);
        String early = ledger.session(cdKey, cd);
        assertThat(alerts(early, "type=MARK_MISSING&itemId=" + item)).isEmpty();
        String transfer = transfer(fnhKey, fnh, cd, "EXPORT", item);
        String token = ledger.session(investigatorKey, investigator);
        String cdToken = ledger.session(cdKey, cd);
        alertClock.setAhead(Duration.ofDays(31));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(about(alerts(token, "type=TRANSFER_OVERDUE"), "transferId", transfer))
                        .containsExactly("overdue:" + transfer + "=OPEN"));
        JsonNode alert = alerts(cdToken, "type=TRANSFER_OVERDUE&itemId=" + item).get(0);
        assertThat(alert.get("items").findValuesAsText("")).isEmpty();
        assertThat(alert.get("items").get(0).asText()).isEqualTo(item);
        assertThat(alert.at("/facts/consignee").asText()).isEqualTo(cd);
        ok(cdKey, cd, command("ReceiveTransfer").put("transferId", transfer));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(about(alerts(token, "type=TRANSFER_OVERDUE&status=ALL"), "transferId", transfer))
                        .containsExactly("overdue:" + transfer + "=RESOLVED"));
        // the import mark is now due; judged 31 days on, it is more than the 30 days late
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(alerts(cdToken, "type=MARK_MISSING&itemId=" + item)).hasSize(1));
        ok(cdKey, cd, command("MarkItem").put("itemId", item).put("markType", "IMPORT").put("text", "CD 2026")
                .put("component", "FRAME").put("method", "LASER"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(alerts(cdToken, "type=MARK_MISSING&itemId=" + item)).isEmpty());
    }

    @Test
    void aRecoveredStolenItemAndARefusedCommandOnItAreRedFlags() {
        String pistol = pistol("RFL" + s);
        String token = ledger.session(investigatorKey, investigator);
        ok(fnhKey, fnh, command("ReportStolen").put("itemId", pistol).put("place", "factory, Herstal"));
        LedgerTestClient.Answer refused = ledger.submit(fnhKey, fnh, command("DispatchTransfer").put("consignee", cd)
                .put("kind", "EXPORT").put("dueBy", LocalDate.now().plusDays(30).toString())
                .put("exportLicence", "BE-EXP-1").put("importingCountry", "CD").put("endUserCertificate", "CD-EUC-1")
                .set("itemIds", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(pistol)));
        assertThat(refused.status()).isEqualTo(422);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(alerts(token, "type=REFUSED_LOST_OR_STOLEN&itemId=" + pistol)).hasSize(1));
        ObjectNode recovered = command("ReportRecovered").put("itemId", pistol).put("place", "Liège");
        ok(policeKey, police, recovered);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(alerts(token, "type=REFUSED_LOST_OR_STOLEN&itemId=" + pistol)).isEmpty();
            JsonNode flag = alerts(token, "type=LOST_OR_STOLEN_RECOVERED&itemId=" + pistol);
            assertThat(flag).hasSize(1);
            assertThat(flag.get(0).at("/facts/lastLegalCustodian").asText()).isEqualTo(fnh);
        });
        ok(policeKey, police, command("MarkItem").put("itemId", pistol).put("markType", "CONFISCATION")
                .put("text", "CD-PNC-C-" + s).put("component", "FRAME").put("method", "DOT_PEEN"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(alerts(token, "type=LOST_OR_STOLEN_RECOVERED&itemId=" + pistol)).isEmpty());
    }

    /** A report reads across streams: it is read once every view has projected every record before it. */
    @Test
    void theAnnualReportMatchesTheTransfersRecorded() {
        String auditorToken = ledger.session(investigatorKey, investigator);
        int year = LocalDate.now(java.time.ZoneOffset.UTC).getYear();
        ViewRebuildCheck.awaitViewsCaughtUp(jdbc, processing);
        long before = exported(auditorToken, year, "SA.1");
        long authorizedLastYear = exported(auditorToken, year - 1, "SA.1", "authorized");
        long authorizedThisYear = exported(auditorToken, year, "SA.1", "authorized");
        List<String> pistols = List.of(pistol("ANR1" + s), pistol("ANR2" + s), pistol("ANR3" + s));
        ObjectNode dispatch = command("DispatchTransfer").put("consignee", cd).put("kind", "EXPORT")
                .put("dueBy", LocalDate.now().plusDays(30).toString()).put("exportLicence", "BE-EXP-7")
                .put("exportLicenceIssuedOn", LocalDate.of(year - 1, 12, 20).toString())
                .put("importingCountry", "CD").put("endUserCertificate", "CD-EUC-7");
        pistols.forEach(dispatch.putArray("itemIds")::add);
        String received = ok(fnhKey, fnh, dispatch).get("transferId").asText();
        ok(cdKey, cd, command("ReceiveTransfer").put("transferId", received));
        String rejectedItem = pistol("ANR4" + s);
        ObjectNode refusedExport = command("DispatchTransfer").put("consignee", cd).put("kind", "EXPORT")
                .put("dueBy", LocalDate.now().plusDays(30).toString()).put("exportLicence", "BE-EXP-8")
                .put("exportLicenceIssuedOn", LocalDate.of(year, 1, 2).toString())
                .put("importingCountry", "CD").put("endUserCertificate", "CD-EUC-8");
        refusedExport.putArray("itemIds").add(rejectedItem);
        String rejected = ok(fnhKey, fnh, refusedExport).get("transferId").asText();
        ok(cdKey, cd, command("RejectTransfer").put("transferId", rejected).put("reason", "no end-user certificate on file"));
        String fnhToken = ledger.session(fnhKey, fnh);
        // the transfers' states are projected in their streams' segment, the pistols' views in theirs: waiting for the
        // states only, a run with two test JVMs once counted one pistol short
        ViewRebuildCheck.awaitViewsCaughtUp(jdbc, processing);
        assertThat(ledger.get("/api/v1/transfers/" + rejected, fnhToken).json().get("state").asText()
                + ledger.get("/api/v1/transfers/" + received, fnhToken).json().get("state").asText())
                .isEqualTo("REJECTEDRECEIVED");
        assertThat(exported(auditorToken, year, "SA.1")).as("three exported; the rejected one is not")
                .isEqualTo(before + 3);
        // authorized: by the licence's date of issue, whatever became of the transfer
        assertThat(exported(auditorToken, year - 1, "SA.1", "authorized")).isEqualTo(authorizedLastYear + 3);
        assertThat(exported(auditorToken, year, "SA.1", "authorized")).as("the rejected export was authorized")
                .isEqualTo(authorizedThisYear + 1);
        JsonNode authorized = ledger.get("/api/v1/reports/transfers?year=" + year + "&basis=authorized", auditorToken).json();
        assertThat(authorized.get("basis").asText()).isEqualTo("authorized");
        assertThat(authorized.get("transfersWithoutLicenceDate").asLong()).isNotNegative();
        for (String bad : List.of("basis=planned", "bassis=authorized")) {
            LedgerTestClient.Answer refused = ledger.get("/api/v1/reports/transfers?year=" + year + "&" + bad, auditorToken);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("type").asText()).isEqualTo("urn:salw-ledger:problem:"
                    + (bad.startsWith("basis") ? "invalid-query" : "unknown-parameter"));
        }
        String csv = ledger.get("/api/v1/reports/transfers?year=" + year + "&format=csv", auditorToken).body();
        assertThat(csv).startsWith("exportingCountry,importingCountry,unrocaCategory,unrocaLabel,category,items\n")
                .contains("BE,CD,\"SA.1\",\"Small arms: revolvers and self-loading pistols\",REVOLVER_OR_SELF_LOADING_PISTOL,"
                        + (before + 3));
        // an AUTHORITY reports for its own State only; holdings by custodian and status
        assertThat(ledger.get("/api/v1/reports/transfers?year=" + year + "&country=BE", ledger.session(cdKey, cd)).status())
                .isEqualTo(403);
        JsonNode holdings = ledger.get("/api/v1/reports/holdings", ledger.session(cdKey, cd)).json().get("lines");
        assertThat(holdings.toString()).contains("\"custodian\":\"" + cd + "\"");
        holdings.forEach(h -> assertThat(h.get("custodianCountry").asText()).isEqualTo("CD"));
        assertThat(ledger.get("/api/v1/reports/holdings", ledger.session(dealerKey, dealer)).status()).isEqualTo(403);
    }

    long exported(String token, int year, String unroca) {
        return exported(token, year, unroca, "actual");
    }

    long exported(String token, int year, String unroca, String basis) {
        long total = 0;
        for (JsonNode line : ledger.get("/api/v1/reports/transfers?year=" + year + "&basis=" + basis, token).json()
                .get("lines")) {
            if (line.get("exportingCountry").asText().equals("BE") && line.get("importingCountry").asText().equals("CD")
                    && line.get("unrocaCategory").asText().equals(unroca)) {
                total += line.get("items").asLong();
            }
        }
        return total;
    }
}
