package org.salwledger.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.cli.CommandSigner;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.Dsse;
import org.salwledger.core.crypto.DsseEnvelope;
import org.salwledger.core.crypto.Sha256;
import org.salwledger.core.crypto.SigningKey;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salwledger.api.LedgerTestClient.command;

/** Every kind of bad input gets its own problem+json type and appends nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputTest extends RunningLedger {

    private final SigningKey makerKey = SigningKey.generate();
    private final String maker = "BE-MK-" + suffix;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        RunningLedger.ledgerProperties(registry);
    }

    @BeforeEach
    void connect() {
        ledger.register(maker, "MANUFACTURER", "BE", makerKey);
    }

    private ObjectNode rifle() {
        return command("ManufactureItem").put("kind", "WEAPON").put("category", "ASSAULT_RIFLE").put("make", "FN Herstal")
                .put("model", "SCAR-L").put("calibre", "5.56x45mm").put("material", "METAL").put("production", "INDUSTRIAL");
    }

    /** Sends, then checks status, problem type, media type, and that the event store did not grow. */
    private void refused(int status, String slug, Supplier<LedgerTestClient.Answer> send) {
        int before = eventCount();
        LedgerTestClient.Answer answer = send.get();
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.problemType()).isEqualTo("urn:salw-ledger:problem:" + slug);
        assertThat(answer.json().get("detail").asText()).isNotBlank();
        assertThat(eventCount()).as("events appended by a refused request").isEqualTo(before);
        if (status == 401) {
            assertThat(answer.header("WWW-Authenticate")).as("RFC 9110: a 401 names its scheme").isPresent();
        }
    }

    private String envelopeWithPayload(byte[] payload, SigningKey key) {
        return CanonicalJson.canonicalString(DsseEnvelope.sign(Dsse.COMMAND_PAYLOAD_TYPE, payload, key));
    }

    private ObjectNode header(ObjectNode command, String actor) {
        return command.put("actor", actor).put("nonce", CommandSigner.newNonce())
                .put("issuedAt", Instant.now().toString());
    }

    @Test
    void malformedJson() {
        refused(400, "malformed-json", () -> ledger.post("/api/v1/items", "{\"payloadType\": "));
        refused(400, "malformed-json", () -> ledger.post("/api/v1/items",
                envelopeWithPayload("{\"type\":\"ManufactureItem\",".getBytes(StandardCharsets.UTF_8), makerKey)));
    }

    @Test
    void unknownField() {
        refused(400, "unknown-field", () -> ledger.submit(makerKey, maker, rifle().put("colour", "black")));
        refused(400, "unknown-field", () -> ledger.post("/api/v1/items", "{\"payloadType\":\"x\",\"payload\":\"\",\"signatures\":[],\"extra\":1}"));
    }

    @Test
    void duplicateKeysInASignedPayload() {
        String twice = "{\"type\":\"ManufactureItem\",\"type\":\"MarkItem\"}";
        refused(400, "malformed-json", () -> ledger.post("/api/v1/items",
                envelopeWithPayload(twice.getBytes(StandardCharsets.UTF_8), makerKey)));
    }

    @Test
    void unknownEnumValue() {
        refused(400, "unknown-enum-value", () -> ledger.submit(makerKey, maker, rifle().put("kind", "TANK")));
        refused(400, "unknown-enum-value", () -> ledger.submit(makerKey, maker, rifle().put("material", "metal")));
    }

    @Test
    void badCountryCode() {
        refused(422, "bad-country-code", () -> ledger.submitAsAdmin(command("RegisterActor").put("actorId", "X-" + suffix)
                .put("name", "X").put("role", "HOLDER").put("country", "Belgium")
                .put("publicKey", SigningKey.generate().publicKeyBase64())));
        refused(422, "bad-country-code", () -> ledger.submitAsAdmin(command("RegisterActor").put("actorId", "Y-" + suffix)
                .put("name", "Y").put("role", "HOLDER").put("country", "YU")
                .put("publicKey", SigningKey.generate().publicKeyBase64())));
    }

    @Test
    void badBase64() {
        refused(400, "bad-base64", () -> ledger.post("/api/v1/items", "{\"payloadType\":\"" + Dsse.COMMAND_PAYLOAD_TYPE
                + "\",\"payload\":\"%%%not base64%%%\",\"signatures\":[{\"keyid\":\"" + makerKey.keyId() + "\",\"sig\":\"AA==\"}]}"));
    }

    @Test
    void badSignature() {
        DsseEnvelope good = new CommandSigner(makerKey, maker).sign(rifle());
        byte[] sig = Base64.getDecoder().decode(good.signatures().get(0).sig());
        sig[10] ^= 0x40;
        DsseEnvelope forged = new DsseEnvelope(good.payloadType(), good.payload(),
                List.of(new DsseEnvelope.DsseSignature(makerKey.keyId(), Base64.getEncoder().encodeToString(sig))));
        refused(401, "bad-signature", () -> ledger.post("/api/v1/items", CanonicalJson.canonicalString(forged)));

        // A valid signature over another payload does not cover this one.
        DsseEnvelope other = new CommandSigner(makerKey, maker).sign(rifle().put("model", "SCAR-H"));
        DsseEnvelope spliced = new DsseEnvelope(good.payloadType(), good.payload(), other.signatures());
        refused(401, "bad-signature", () -> ledger.post("/api/v1/items", CanonicalJson.canonicalString(spliced)));
    }

    @Test
    void unknownKey() {
        refused(401, "unknown-key", () -> ledger.submit(SigningKey.generate(), maker, rifle()));
    }

    @Test
    void aKeyOfAnotherActor() {
        refused(401, "key-not-for-actor", () -> ledger.submit(makerKey, "admin", rifle()));
    }

    @Test
    void revokedKey() {
        SigningKey key = SigningKey.generate();
        String actor = "BE-REV-" + suffix;
        ledger.register(actor, "MANUFACTURER", "BE", key);
        LedgerTestClient.Answer revoked = ledger.submitAsAdmin(command("RevokeActorKey").put("actorId", actor)
                .put("keyId", key.keyId()).put("reason", "workstation stolen"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(201);
        refused(401, "revoked-key", () -> ledger.submit(key, actor, rifle()));
    }

    @Test
    void aRotatedKeyIsNotValidForNewCommands() {
        SigningKey old = SigningKey.generate();
        SigningKey next = SigningKey.generate();
        String actor = "BE-ROT-" + suffix;
        ledger.register(actor, "MANUFACTURER", "BE", old);
        LedgerTestClient.Answer rotated = ledger.submit(old, actor, command("RotateActorKey").put("actorId", actor)
                .put("publicKey", next.publicKeyBase64()));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        refused(401, "key-not-valid", () -> ledger.submit(old, actor, rifle()));
        assertThat(ledger.submit(next, actor, rifle()).status()).isEqualTo(201);
    }

    @Test
    void nonceReusedWithDifferentContent() {
        String nonce = CommandSigner.newNonce();
        assertThat(ledger.submit(makerKey, maker, rifle().put("nonce", nonce)).status()).isEqualTo(201);
        refused(409, "nonce-reused", () -> ledger.submit(makerKey, maker, rifle().put("model", "SCAR-H").put("nonce", nonce)));
    }

    @Test
    void staleIssuedAt() {
        String past = Instant.now().minus(Duration.ofMinutes(10)).toString();
        refused(400, "stale-timestamp", () -> ledger.submit(makerKey, maker, rifle().put("issuedAt", past)));
        CommandSigner future = new CommandSigner(makerKey, maker, Clock.fixed(Instant.now().plus(Duration.ofMinutes(10)), ZoneOffset.UTC));
        refused(400, "stale-timestamp", () -> ledger.post("/api/v1/items", future.signToJson(rifle())));
    }

    @Test
    void wrongPayloadTypeForTheEndpoint() {
        ObjectNode mark = command("MarkItem").put("itemId", "00000000-0000-0000-0000-000000000000").put("markType", "REMARK");
        refused(400, "wrong-command-type", () -> ledger.post("/api/v1/items", new CommandSigner(makerKey, maker).signToJson(mark)));
        String envelope = CanonicalJson.canonicalString(DsseEnvelope.sign("application/json",
                CanonicalJson.canonicalize(header(rifle(), maker)), makerKey));
        refused(400, "unsupported-payload-type", () -> ledger.post("/api/v1/items", envelope));
    }

    @Test
    void roleNotAllowed() {
        SigningKey holderKey = SigningKey.generate();
        ledger.register("BE-POL-" + suffix, "HOLDER", "BE", holderKey);
        refused(403, "role-not-allowed", () -> ledger.submit(holderKey, "BE-POL-" + suffix, rifle()));
        refused(403, "role-not-allowed", () -> ledger.submit(makerKey, maker, command("RegisterActor").put("actorId", "Z-" + suffix)
                .put("name", "Z").put("role", "ADMIN").put("country", "BE").put("publicKey", SigningKey.generate().publicKeyBase64())));
    }

    @Test
    void duplicateManufactureMarking() {
        String first = ledger.submit(makerKey, maker, rifle()).json().get("itemId").asText();
        String second = ledger.submit(makerKey, maker, rifle().put("model", "SCAR-H")).json().get("itemId").asText();
        ObjectNode mark = command("MarkItem").put("markType", "MANUFACTURE").put("serial", "DUP-" + suffix)
                .put("component", "RECEIVER").put("method", "LASER");
        assertThat(ledger.submit(makerKey, maker, mark.deepCopy().put("itemId", first)).status()).isEqualTo(201);
        refused(409, "duplicate-marking", () -> ledger.submit(makerKey, maker,
                mark.deepCopy().put("itemId", second).put("serial", "dup " + suffix.toLowerCase(Locale.ROOT))));
    }

    @Test
    void aMarkOnAnItemThatDoesNotExist() {
        refused(404, "item-not-found", () -> ledger.submit(makerKey, maker, command("MarkItem")
                .put("itemId", "2b1f8f6e-6a8e-4c52-9a52-3f0e2b1c0d9e").put("markType", "MANUFACTURE").put("serial", "S1")
                .put("component", "FRAME").put("method", "LASER")));
    }

    @Test
    void missingOrExpiredToken() {
        String path = "/api/v1/items/2b1f8f6e-6a8e-4c52-9a52-3f0e2b1c0d9e";
        refused(401, "missing-token", () -> ledger.get(path, null));
        refused(401, "invalid-token", () -> ledger.get(path, "not-a-token"));
        assertThat(ledger.get(path, null).header("WWW-Authenticate")).contains("Bearer realm=\"salw-ledger\"");
        assertThat(ledger.get(path, "not-a-token").header("WWW-Authenticate"))
                .contains("Bearer realm=\"salw-ledger\", error=\"invalid_token\"");
        assertThat(ledger.submit(SigningKey.generate(), "admin", command("OpenSession")).header("WWW-Authenticate"))
                .as("commands authenticate by their signed envelope").contains("DSSE realm=\"salw-ledger\"");
        String token = "expired-" + suffix;
        jdbc.update("INSERT INTO ledger_session (token_hash, actor_id, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                Sha256.hex(token.getBytes(StandardCharsets.US_ASCII)), maker,
                Timestamp.from(Instant.now().minus(Duration.ofHours(2))), Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
        refused(401, "expired-token", () -> ledger.get(path, token));
    }

    @Test
    void bodyOverTheSizeLimit() {
        byte[] huge = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        refused(413, "body-too-large", () -> ledger.post("/api/v1/items", huge));
    }

    @Test
    void httpLevelErrorsUseTheSameProblemTypes() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var textPlain = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/items"))
                .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(textPlain.statusCode()).isEqualTo(415);
        assertThat(LedgerTestClient.json(textPlain.body()).get("type").asText()).isEqualTo("urn:salw-ledger:problem:unsupported-media-type");
        LedgerTestClient.Answer nowhere = ledger.get("/api/v1/nowhere", null);
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.problemType()).isEqualTo("urn:salw-ledger:problem:not-found");
        refused(400, "invalid-envelope", () -> ledger.post("/api/v1/items", "{}"));
    }

    @Test
    void theUrlAndTheSignedPayloadMustNameTheSameItem() {
        String item = ledger.submit(makerKey, maker, rifle()).json().get("itemId").asText();
        String other = ledger.submit(makerKey, maker, rifle().put("model", "SCAR-H")).json().get("itemId").asText();
        String envelope = new CommandSigner(makerKey, maker).signToJson(command("ReportLost").put("itemId", item).put("place", "x"));
        refused(400, "path-mismatch", () -> ledger.post("/api/v1/items/" + other + "/reports", envelope));
    }

    @Test
    void aSessionEnvelopeCannotBeReplayed() {
        String open = new CommandSigner(makerKey, maker).signToJson(command("OpenSession"));
        assertThat(ledger.post("/api/v1/sessions", open).status()).isEqualTo(201);
        refused(409, "session-envelope-reused", () -> ledger.post("/api/v1/sessions", open));
    }

    /** The payload as the signer wrote it, with {@code raw} in place of the "__RAW__" string: JSON the canonicalizer would rewrite. */
    private String envelopeWithRawValue(ObjectNode command, String raw) {
        String json = CanonicalJson.canonicalString(header(command, maker)).replace("\"__RAW__\"", raw);
        return envelopeWithPayload(json.getBytes(StandardCharsets.UTF_8), makerKey);
    }

    @Test
    void typesAreExactNumbersAreNotStringsAndIntegersHaveNoFraction() {
        refused(400, "invalid-field", () -> ledger.submit(makerKey, maker, rifle().put("model", 5)));
        refused(400, "invalid-field", () -> ledger.submit(makerKey, maker, rifle().put("model", true)));
        for (String year : List.of("2001.5", "2001.0", "1.999e3", "\"2001\"", "99999999999999999999")) {
            refused(400, "invalid-field", () -> ledger.post("/api/v1/items",
                    envelopeWithRawValue(rifle().put("yearOfManufacture", "__RAW__"), year)));
        }
        assertThat(ledger.post("/api/v1/items", envelopeWithRawValue(rifle().put("yearOfManufacture", "__RAW__"), "2001"))
                .status()).isEqualTo(201);
    }

    @Test
    void aPayloadHasOneBase64Form() {
        DsseEnvelope good = new CommandSigner(makerKey, maker).sign(rifle().put("model", "SCAR-L Mk1"));
        String payload = good.payload();
        String unpadded = payload.replace("=", "");
        assertThat(unpadded).as("the test needs a padded payload").isNotEqualTo(payload);
        String envelope = CanonicalJson.canonicalString(new DsseEnvelope(good.payloadType(), unpadded, good.signatures()));
        refused(400, "bad-base64", () -> ledger.post("/api/v1/items", envelope));
    }

    @Test
    void issuedAtIsUtcWithZ() {
        String offset = java.time.OffsetDateTime.now(ZoneOffset.ofHours(5)).toString();
        refused(400, "invalid-field", () -> ledger.submit(makerKey, maker, rifle().put("issuedAt", offset)));
        String lowercase = Instant.now().toString().replace("Z", "z");
        refused(400, "invalid-field", () -> ledger.submit(makerKey, maker, rifle().put("issuedAt", lowercase)));
    }

    @Test
    void theFirstSignatureByTheActorsKeyDecides() {
        DsseEnvelope good = new CommandSigner(makerKey, maker).sign(rifle());
        byte[] sig = Base64.getDecoder().decode(good.signatures().get(0).sig());
        sig[3] ^= 0x01;
        DsseEnvelope.DsseSignature broken = new DsseEnvelope.DsseSignature(makerKey.keyId(),
                Base64.getEncoder().encodeToString(sig));
        DsseEnvelope twoSignatures = new DsseEnvelope(good.payloadType(), good.payload(),
                List.of(broken, good.signatures().get(0)));
        refused(401, "bad-signature", () -> ledger.post("/api/v1/items", CanonicalJson.canonicalString(twoSignatures)));
        // a co-signer's (unknown) signature before the actor's is ignored
        DsseEnvelope cosigned = new DsseEnvelope(good.payloadType(), good.payload(), List.of(
                DsseEnvelope.sign(good.payloadType(), Base64.getDecoder().decode(good.payload()), SigningKey.generate())
                        .signatures().get(0), good.signatures().get(0)));
        assertThat(ledger.post("/api/v1/items", CanonicalJson.canonicalString(cosigned)).status()).isEqualTo(201);
    }

    @Test
    void anActorIdTakenButForCase() {
        refused(409, "actor-already-registered", () -> ledger.submitAsAdmin(command("RegisterActor")
                .put("actorId", maker.toLowerCase(Locale.ROOT)).put("name", "Impostor").put("role", "MANUFACTURER")
                .put("country", "BE").put("publicKey", SigningKey.generate().publicKeyBase64())));
    }

    @Test
    void controlCharactersInText() {
        refused(400, "invalid-field", () -> ledger.submit(makerKey, maker, rifle().put("model", "SCAR\u0000L")));
        refused(400, "invalid-field", () -> ledger.submit(makerKey, maker, rifle().put("make", "FN\u001b[2JHerstal")));
        String item = ledger.submit(makerKey, maker, rifle()).json().get("itemId").asText();
        refused(400, "invalid-field", () -> ledger.submit(makerKey, maker, command("MarkItem").put("itemId", item)
                .put("markType", "MANUFACTURE").put("serial", "AB\u0000" + suffix).put("component", "RECEIVER")
                .put("method", "LASER")));
    }

    @Test
    void bodiesThatAreNotAnEnvelope() {
        for (String body : List.of("null", "[]", "5", "\"text\"")) {
            refused(400, "invalid-envelope", () -> ledger.post("/api/v1/items", body));
        }
    }

    @Test
    void queryParametersOutOfRange() {
        SigningKey auditorKey = SigningKey.generate();
        ledger.register("BE-AUD-" + suffix, "AUDITOR", "BE", auditorKey);
        String token = ledger.session(auditorKey, "BE-AUD-" + suffix);
        for (String path : List.of("/api/v1/items?mark=ABC123&page=99999999999", "/api/v1/items?mark=ABC123&page=2147483647",
                "/api/v1/items?mark=ABC123&size=x", "/api/v1/alerts?page=99999999999", "/api/v1/alerts?page=2147483647",
                "/api/v1/alerts?page=2147483647&size=200", "/api/v1/reports/transfers?year=abc",
                "/api/v1/reports/transfers?year=99999999999")) {
            refused(400, "invalid-query", () -> ledger.get(path, token));
        }
        refused(406, "not-acceptable", () -> ledger.get("/api/v1/log/export", token, "application/json"));
        LedgerTestClient.Answer slash = ledger.get("/api/v1/items/abc%2Fdef/history", token);
        assertThat(slash.status()).as(slash.body()).isEqualTo(404);
        assertThat(slash.contentType()).startsWith("application/problem+json");
        assertThat(slash.problemType()).isEqualTo("urn:salw-ledger:problem:item-not-found");
    }

    @Test
    void aQueryParameterTheEndpointDoesNotTakeIsRefusedNotIgnored() {
        SigningKey auditorKey = SigningKey.generate();
        ledger.register("BE-AUD2-" + suffix, "AUDITOR", "BE", auditorKey);
        String token = ledger.session(auditorKey, "BE-AUD2-" + suffix);
        for (String path : List.of("/api/v1/items?mark=ABC123&colour=black", "/api/v1/items?mark=ABC123&Kind=WEAPON",
                "/api/v1/alerts?sort=raised", "/api/v1/reports/holdings?basis=authorized",
                "/api/v1/log/proof/inclusion?index=0&size=1&tree=main")) {
            refused(400, "unknown-parameter", () -> ledger.get(path, token));
        }
        String envelope = CanonicalJson.canonicalString(DsseEnvelope.sign(Dsse.COMMAND_PAYLOAD_TYPE,
                CanonicalJson.canonicalize(header(rifle(), maker)), makerKey));
        refused(400, "unknown-parameter", () -> ledger.post("/api/v1/items?dryRun=true", envelope));
        assertThat(ledger.get("/api/v1/items?mark=ABC123&kind=WEAPON&page=0", token).status()).isEqualTo(200);
    }

    @Test
    void aKeySignsInTheSecondItWasRegisteredAndWithinTheClockSkew() {
        SigningKey key = SigningKey.generate();
        String actor = "BE-NOW-" + suffix;
        ledger.register(actor, "MANUFACTURER", "BE", key);
        // a signer's clock a little behind, at whole seconds: issuedAt before the key's recorded validFrom
        String behind = Instant.now().minusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        LedgerTestClient.Answer made = ledger.submit(key, actor, rifle().put("issuedAt", behind));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
    }

    @Test
    void revokingAKeyEndsItsSessions() {
        SigningKey key = SigningKey.generate();
        String actor = "BE-SES-" + suffix;
        ledger.register(actor, "AUDITOR", "BE", key);
        String token = ledger.session(key, actor);
        assertThat(ledger.get("/api/v1/alerts", token).status()).isEqualTo(200);
        LedgerTestClient.Answer revoked = ledger.submitAsAdmin(command("RevokeActorKey").put("actorId", actor)
                .put("keyId", key.keyId()).put("reason", "laptop lost"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(201);
        refused(401, "revoked-key", () -> ledger.get("/api/v1/alerts", token));
    }
}
