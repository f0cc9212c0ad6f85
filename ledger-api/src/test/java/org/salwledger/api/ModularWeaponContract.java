package org.salwledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.crypto.SigningKey;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;

/**
 * The modular polymer pistol's whole story, end to end over HTTP: the serialized fire-control unit
 * (FCU) is the legal firearm and carries the weapon's marks; grips and slides are swapped around it.
 * Manufactured and marked (the serial repeated on the slide and grip), exported in a consignment with
 * one item missing, import-marked on the FCU, sold to a dealer, grip swapped, stolen (its composition
 * frozen), recovered abroad with two serial characters ground off and a grip nobody registered,
 * traced by the recovering State stating the weapon's type, confiscation-marked, deactivated; every
 * alert opens and clears on the weapon as well as on the FCU. Run on H2 and PostgreSQL.
 */
@org.junit.jupiter.api.extension.ExtendWith(ViewsRebuildAfterAll.class)
abstract class ModularWeaponContract extends RunningLedger {
    final String s = suffix;
    final SigningKey sigKey = SigningKey.generate();
    final SigningKey beKey = SigningKey.generate();
    final SigningKey dealerKey = SigningKey.generate();
    final SigningKey policeKey = SigningKey.generate();
    final SigningKey investigatorKey = SigningKey.generate();
    final String sig = "US-SIG-" + s;
    final String be = "BE-AUTH-" + s;
    final String dealer = "BE-ARMS-" + s;
    final String police = "NL-POL-" + s;
    final String investigator = "NL-INV-" + s;
    final String serial = "P3S" + s;

    @Autowired
    AdjustableAlertClock alertClock;

    static void modularProperties(org.springframework.test.context.DynamicPropertyRegistry registry) throws Exception {
        ledgerProperties(registry);
        registry.add("ledger.alerts.scan-interval", () -> "PT0.3S");
    }

    @BeforeEach
    void actors() {
        ledger.register(sig, "MANUFACTURER", "US", sigKey);
        ledger.register(be, "AUTHORITY", "BE", beKey);
        ledger.register(dealer, "HOLDER", "BE", dealerKey);
        ledger.register(police, "LAW_ENFORCEMENT", "NL", policeKey);
        ledger.register(investigator, "INVESTIGATOR", "NL", investigatorKey);
    }

    @AfterEach
    void backToToday() {
        alertClock.setAhead(Duration.ZERO);
    }

    JsonNode ok(SigningKey key, String actor, ObjectNode command) {
        LedgerTestClient.Answer answer = ledger.submit(key, actor, command);
        assertThat(answer.status()).as(command.get("type").asText() + ": " + answer.body()).isEqualTo(201);
        return answer.json();
    }

    String refused(SigningKey key, String actor, ObjectNode command) {
        LedgerTestClient.Answer answer = ledger.submit(key, actor, command);
        assertThat(answer.status()).as(command.get("type").asText() + ": " + answer.body()).isGreaterThanOrEqualTo(400);
        return answer.problemType().substring("urn:salw-ledger:problem:".length());
    }

    String manufacture(String kind, String categoryOrPart, String model) {
        ObjectNode made = command("ManufactureItem").put("kind", kind).put("make", "SIG Sauer").put("model", model)
                .put("calibre", "9x19mm").put("material", "POLYMER").put("production", "INDUSTRIAL");
        if (kind.equals("WEAPON")) {
            made.put("category", categoryOrPart).put("identityComponent", "FIRE_CONTROL_UNIT");
        } else {
            made.put("partType", categoryOrPart);
        }
        return ok(sigKey, sig, made).get("itemId").asText();
    }

    ObjectNode mark(String itemId, String markType, String component) {
        return command("MarkItem").put("itemId", itemId).put("markType", markType).put("component", component)
                .put("method", "LASER");
    }

    ObjectNode assemble(String host, String part) {
        return command("AssemblePart").put("hostId", host).put("partId", part);
    }

    ObjectNode detach(String host, String part) {
        return command("DetachPart").put("hostId", host).put("partId", part);
    }

    JsonNode alerts(String token, String query) {
        LedgerTestClient.Answer answer = ledger.get("/api/v1/alerts?" + query, token);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("alerts");
    }

    /** The alert ids of a type about an item, with their status. */
    List<String> alertsOn(String token, String type, String itemId) {
        List<String> ids = new ArrayList<>();
        alerts(token, "type=" + type + "&status=ALL&itemId=" + itemId)
                .forEach(a -> ids.add(a.get("alertId").asText() + "=" + a.get("status").asText()));
        return ids;
    }

    /** The same alerts, open or resolved, on the weapon and on its fire-control unit. */
    void onBoth(String token, String type, String pistol, String fcu, String... expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(alertsOn(token, type, pistol)).as(type + " on the pistol").containsExactlyInAnyOrder(expected);
            assertThat(alertsOn(token, type, fcu)).as(type + " on its FCU").containsExactlyInAnyOrder(expected);
        });
    }

    @Test
    void theModularPistolFromFactoryToDeactivation() {
        // Made: the FCU carries the serial; the slide and grip installed with it repeat it.
        String fcu = manufacture("PART", "FIRE_CONTROL_UNIT", "P320 FCU");
        ok(sigKey, sig, mark(fcu, "MANUFACTURE", "FIRE_CONTROL_UNIT").put("serial", serial));
        String pistol = manufacture("WEAPON", "REVOLVER_OR_SELF_LOADING_PISTOL", "P320");
        String grip = manufacture("PART", "FRAME", "P320 grip module, full size");
        String slide = manufacture("PART", "SLIDE", "P320 slide");
        String spareGrip = manufacture("PART", "FRAME", "P320 grip module, compact");
        for (String part : List.of(fcu, grip, slide)) {
            ok(sigKey, sig, assemble(pistol, part));
        }
        ok(sigKey, sig, mark(slide, "MANUFACTURE", "SLIDE").put("serial", serial));
        ok(sigKey, sig, mark(grip, "MANUFACTURE", "FRAME").put("serial", serial));
        assertThat(refused(sigKey, sig, mark(spareGrip, "MANUFACTURE", "FRAME").put("serial", serial)))
                .as("another weapon's part may not take the serial").isEqualTo("duplicate-marking");
        assertThat(refused(sigKey, sig, mark(spareGrip, "MANUFACTURE", "FRAME"))).isEqualTo("missing-field");
        String decoy = manufacture("WEAPON", "REVOLVER_OR_SELF_LOADING_PISTOL", "P320");
        String decoyFcu = manufacture("PART", "FIRE_CONTROL_UNIT", "P320 FCU");
        ok(sigKey, sig, mark(decoyFcu, "MANUFACTURE", "FIRE_CONTROL_UNIT").put("serial", "P35" + s));
        ok(sigKey, sig, assemble(decoy, decoyFcu));

        // Exported to Belgium in a consignment of 500; one item does not arrive.
        String lost = manufacture("PART", "BARREL", "P320 barrel");
        List<String> rest = ledger.submitAll(sigKey, sig, 496, n -> command("ManufactureItem").put("kind", "WEAPON")
                .put("category", "REVOLVER_OR_SELF_LOADING_PISTOL").put("make", "SIG Sauer").put("model", "P226")
                .put("calibre", "9x19mm").put("material", "METAL").put("production", "INDUSTRIAL"), "itemId");
        ObjectNode export = command("DispatchTransfer").put("consignee", be).put("kind", "EXPORT")
                .put("dueBy", LocalDate.now().plusDays(30).toString()).put("exportLicence", "US-DSP5-" + s)
                .put("exportLicenceIssuedOn", LocalDate.now().toString())
                .put("importingCountry", "BE").put("endUserCertificate", "BE-EUC-" + s);
        export.putArray("itemIds").add(pistol).add(spareGrip).add(lost).add(decoy).addAll(
                rest.stream().map(com.fasterxml.jackson.databind.node.TextNode::valueOf).toList());
        String exportId = ok(sigKey, sig, export).get("transferId").asText();
        ObjectNode receipt = command("ReceiveTransfer").put("transferId", exportId);
        receipt.putArray("missingItems").add(lost);
        ok(beKey, be, receipt);
        String token = ledger.session(investigatorKey, investigator);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(alertsOn(token, "MISSING_FROM_RECEIPT", lost)).hasSize(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode exported = ledger.get("/api/v1/transfers/" + exportId, token).json();
            assertThat(exported.get("itemCount").asInt()).isEqualTo(500);
            assertThat(exported.get("missingCount").asInt()).isEqualTo(1);
        });

        // The import mark is due on the weapon; it goes on the FCU and clears the weapon's alert.
        alertClock.setAhead(Duration.ofDays(31));
        String importAlert = "mark:" + pistol + ":IMPORT";
        onBoth(token, "MARK_MISSING", pistol, fcu, importAlert + "=OPEN");
        assertThat(alertsOn(token, "MARK_MISSING", grip)).as("a grip is not the weapon").isEmpty();
        ok(beKey, be, mark(fcu, "IMPORT", "FIRE_CONTROL_UNIT").put("text", "BE 26"));
        onBoth(token, "MARK_MISSING", pistol, fcu, importAlert + "=RESOLVED");
        alertClock.setAhead(Duration.ZERO);

        // Sold from the State's stocks through a licensed dealer to a civilian known by licence only.
        String licence = "BE-WL-2026-" + s;
        ObjectNode sale = command("DispatchTransfer").put("consignee", dealer).put("kind", "STATE_TO_CIVILIAN")
                .put("dueBy", LocalDate.now().plusDays(10).toString()).put("licenceReference", licence);
        sale.putArray("itemIds").add(pistol).add(spareGrip);
        String saleId = ok(beKey, be, sale).get("transferId").asText();
        ok(dealerKey, dealer, command("ReceiveTransfer").put("transferId", saleId));
        theLicenceIsKeptApartAndShownOnlyToThoseEntitled(saleId, licence);
        ok(dealerKey, dealer, detach(pistol, grip));
        ok(dealerKey, dealer, assemble(pistol, spareGrip));

        // Stolen: nobody changes its composition any more.
        ok(dealerKey, dealer, command("ReportStolen").put("itemId", pistol).put("place", "shop, Rue Neuve, Brussels")
                .put("policeReference", "BR-2026-" + s));
        assertThat(refused(dealerKey, dealer, detach(pistol, slide))).isEqualTo("item-stolen");
        String refusedAlert = await().atMost(Duration.ofSeconds(30)).until(() ->
                alertsOn(token, "REFUSED_LOST_OR_STOLEN", pistol), l -> l.size() == 1).get(0);
        onBoth(token, "REFUSED_LOST_OR_STOLEN", pistol, fcu, refusedAlert);

        // Recovered in the Netherlands: FCU and slide in a grip nobody registered; the stolen spare grip is gone.
        String foundGrip = ok(policeKey, police, command("RegisterUnmarkedItem").put("kind", "PART")
                .put("partType", "FRAME").put("material", "POLYMER").put("production", "INDUSTRIAL")
                .put("description", "black polymer grip module, no marks").put("place", "Rotterdam")).get("itemId").asText();
        String observed = serial.substring(0, 5) + "??" + serial.substring(7);
        ObjectNode recovery = command("ReportRecovered").put("itemId", pistol).put("place", "Rotterdam, port area")
                .put("circumstances", "found in a car at a port checkpoint");
        recovery.putArray("observedMarkings").addObject().put("text", observed).put("component", "FIRE_CONTROL_UNIT")
                .put("obliterated", true);
        recovery.putArray("partsMissing").add(spareGrip);
        ok(policeKey, police, recovery);
        ok(policeKey, police, assemble(pistol, foundGrip));
        onBoth(token, "REFUSED_LOST_OR_STOLEN", pistol, fcu, refusedAlert.replace("=OPEN", "=RESOLVED"));
        String recoveredAlert = await().atMost(Duration.ofSeconds(30)).until(() ->
                alertsOn(token, "LOST_OR_STOLEN_RECOVERED", pistol), l -> l.size() == 1).get(0);
        onBoth(token, "LOST_OR_STOLEN_RECOVERED", pistol, fcu, recoveredAlert);
        assertThat(ledger.get("/api/v1/items/" + spareGrip, token).json().get("status").asText()).isEqualTo("STOLEN");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ledger.get("/api/v1/items/" + pistol
                + "/composition", token).json().get("parts").findValuesAsText("partId"))
                .containsExactlyInAnyOrder(fcu, slide, foundGrip));

        // A search for the weapon, by what is left of the serial, finds it through its FCU.
        String search = "/api/v1/items?kind=WEAPON&category=REVOLVER_OR_SELF_LOADING_PISTOL&mark="
                + URLEncoder.encode(observed, StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode items = ledger.get(search, token).json().get("items");
            JsonNode viaFcu = java.util.stream.StreamSupport.stream(items.spliterator(), false)
                    .filter(hit -> hit.get("itemId").asText().equals(fcu)).findFirst().orElseThrow();
            assertThat(viaFcu.at("/installedIn/itemId").asText()).isEqualTo(pistol);
            assertThat(viaFcu.get("status").asText()).isEqualTo("SEIZED");
        });

        // The grip the dealer took out still carries the serial: found alone, it names the pistol it left.
        JsonNode bySerial = ledger.get("/api/v1/items?kind=WEAPON&mark=" + serial, token).json().get("items");
        JsonNode loneGrip = java.util.stream.StreamSupport.stream(bySerial.spliterator(), false)
                .filter(hit -> hit.get("itemId").asText().equals(grip)).findFirst().orElseThrow();
        assertThat(loneGrip.get("installedIn").isNull()).isTrue();
        assertThat(loneGrip.at("/formerlyInstalledIn/itemId").asText()).isEqualTo(pistol);
        assertThat(loneGrip.at("/formerlyInstalledIn/detachedAt").asText()).isNotBlank();
        assertThat(bySerial.findValuesAsText("itemId")).contains(fcu, slide, grip);

        // The trace states the weapon's type: it finds the pistol's FCU, asks Belgium, names the dealer and the theft.
        ObjectNode trace = command("SubmitTraceRequest").put("kind", "WEAPON")
                .put("category", "REVOLVER_OR_SELF_LOADING_PISTOL").put("calibre", "9x19mm")
                .put("recoveredAt", java.time.Instant.now().minus(Duration.ofHours(2)).toString())
                .put("recoveredPlace", "Rotterdam, port area").put("legalBasis", "Wet wapens en munitie art. 13")
                .put("intendedUse", "criminal investigation NL-2026-" + s).put("priority", "ROUTINE");
        trace.putArray("observedMarkings").addObject().put("text", observed).put("component", "FIRE_CONTROL_UNIT")
                .put("obliterated", true);
        trace.putArray("illicitGrounds").add("ILLICIT_WHERE_FOUND");
        JsonNode submitted = ok(investigatorKey, investigator, trace);
        assertThat(submitted.get("requestedState").asText()).as("the State that import-marked it last").isEqualTo("BE");
        String traceId = submitted.get("traceId").asText();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(
                ledger.get("/api/v1/traces/" + traceId, token).json().at("/report/candidates/0/custodyChain")
                        .findValues("leafIndex")).isNotEmpty().allMatch(JsonNode::isNumber));
        JsonNode candidates = ledger.get("/api/v1/traces/" + traceId, token).json().at("/report/candidates");
        JsonNode best = candidates.get(0);
        assertThat(best.get("itemId").asText()).isEqualTo(fcu);
        assertThat(best.at("/installedIn/itemId").asText()).isEqualTo(pistol);
        assertThat(best.at("/installedIn/category").asText()).isEqualTo("REVOLVER_OR_SELF_LOADING_PISTOL");
        assertThat(best.get("lastLegalCustodian").asText()).isEqualTo(dealer);
        assertThat(best.get("lastLegalCustodianLicence").asText()).as("dealer X / licence Y").isEqualTo(licence);
        assertThat(best.at("/pointOfDiversion/kind").asText()).isEqualTo("THEFT");
        assertThat(best.get("custodyChain").findValuesAsText("type")).contains("ItemManufactured", "ItemReceived",
                "ItemStolen", "ItemRecovered");
        assertThat(candidates.findValuesAsText("itemId")).as("one candidate per weapon; the decoy ranks below")
                .doesNotContain(slide).contains(decoyFcu).endsWith(decoyFcu);
        LedgerTestClient.Answer forBelgium = ledger.get("/api/v1/traces/" + traceId, ledger.session(beKey, be));
        assertThat(forBelgium.status()).as("the requested State reads it").isEqualTo(200);

        // Confiscation-marked on the FCU: the recovery alert and the confiscation obligation clear on both.
        alertClock.setAhead(Duration.ofDays(31));
        String confiscationAlert = "mark:" + pistol + ":CONFISCATION";
        onBoth(token, "MARK_MISSING", pistol, fcu, importAlert + "=RESOLVED", confiscationAlert + "=OPEN");
        ok(policeKey, police, mark(fcu, "CONFISCATION", "FIRE_CONTROL_UNIT").put("text", "NL-C-" + s));
        onBoth(token, "MARK_MISSING", pistol, fcu, importAlert + "=RESOLVED", confiscationAlert + "=RESOLVED");
        onBoth(token, "LOST_OR_STOLEN_RECOVERED", pistol, fcu, recoveredAlert.replace("=OPEN", "=RESOLVED"));
        alertClock.setAhead(Duration.ZERO);

        // Deactivated by the authority holding it; marked as such.
        ok(policeKey, police, command("DeactivateItem").put("itemId", pistol).put("certificateReference", "NL-DEACT-" + s)
                .put("standard", "EU 2015/2403"));
        ok(policeKey, police, mark(pistol, "DEACTIVATION", "FIRE_CONTROL_UNIT").put("text", "NL DEACT 26"));

        // The weapon shows the marks its FCU carries, in its view and in its history.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode view = ledger.get("/api/v1/items/" + pistol, token).json();
            assertThat(view.get("status").asText()).isEqualTo("DEACTIVATED");
            assertThat(view.get("identityItem").asText()).isEqualTo(fcu);
            assertThat(view.get("markings").findValuesAsText("markType"))
                    .containsExactlyInAnyOrder("DEACTIVATION", "MANUFACTURE", "IMPORT", "CONFISCATION");
            List<String> history = new ArrayList<>();
            ledger.get("/api/v1/items/" + pistol + "/history", token).json().get("events").forEach(e -> {
                if (e.get("type").asText().equals("ItemMarked")) {
                    history.add(e.at("/facts/markType").asText() + "@" + (e.get("itemId").asText().equals(fcu) ? "FCU"
                            : e.get("itemId").asText().equals(pistol) ? "pistol" : e.get("itemId").asText()));
                }
            });
            assertThat(history).as("marks after assembly, from the FCU's stream and the pistol's")
                    .containsExactly("IMPORT@FCU", "CONFISCATION@FCU", "DEACTIVATION@pistol");
        });
    }

    /**
     * The records, envelopes and log hold only the commitment: the reference is nowhere in the database
     * in clear; the parties read it, an auditor does not.
     */
    private String saleSeen;
    private String commitmentSeen;

    String licenceAsSeenBy(String prefix, String role, String country) {
        SigningKey key = SigningKey.generate();
        ledger.register(prefix + s, role, country, key);
        return licenceAsSeenBy(key, prefix + s);
    }

    String licenceAsSeenBy(SigningKey key, String actor) {
        LedgerTestClient.Answer read = ledger.get("/api/v1/transfers/" + saleSeen, ledger.session(key, actor));
        if (read.status() == 404) {
            return "not found";
        }
        assertThat(read.status()).as(actor + ": " + read.body()).isEqualTo(200);
        assertThat(read.json().get("licenceCommitment").asText()).isEqualTo(commitmentSeen);
        return read.json().get("licenceReference").isNull() ? "commitment only" : read.json().get("licenceReference").asText();
    }

    void theLicenceIsKeptApartAndShownOnlyToThoseEntitled(String saleId, String licence) {
        saleSeen = saleId;
        String dealerToken = ledger.session(dealerKey, dealer);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(
                ledger.get("/api/v1/transfers/" + saleId, dealerToken).json().get("licenceReference").asText())
                .isEqualTo(licence));
        JsonNode forDealer = ledger.get("/api/v1/transfers/" + saleId, dealerToken).json();
        assertThat(forDealer.get("licenceCommitment").asText()).hasSize(64);
        commitmentSeen = forDealer.get("licenceCommitment").asText();
        // Every role: the parties, their States' authorities, investigators and police read the licence;
        // an auditor sees the transfer and its commitment only; anyone else does not see the transfer.
        assertThat(licenceAsSeenBy(beKey, be)).isEqualTo(licence);
        assertThat(licenceAsSeenBy(policeKey, police)).isEqualTo(licence);
        assertThat(licenceAsSeenBy(investigatorKey, investigator)).isEqualTo(licence);
        assertThat(licenceAsSeenBy("BE-AUTH2-", "AUTHORITY", "BE")).as("the consignee's State").isEqualTo(licence);
        assertThat(licenceAsSeenBy("BE-AUDIT-", "AUDITOR", "BE")).isEqualTo("commitment only");
        assertThat(licenceAsSeenBy("FR-AUTH-", "AUTHORITY", "FR")).isEqualTo("not found");
        assertThat(licenceAsSeenBy("BE-SHOP-", "HOLDER", "BE")).isEqualTo("not found");
        assertThat(licenceAsSeenBy(sigKey, sig)).as("the manufacturer is no party").isEqualTo("not found");
        assertThat(licenceAsSeenBy("BE-ADMIN-", "ADMIN", "BE")).isEqualTo("not found");
        List<String> tables = new ArrayList<>();
        jdbc.execute((java.sql.Connection c) -> {
            try (java.sql.ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema != null && !schema.equalsIgnoreCase("information_schema")
                            && !schema.equalsIgnoreCase("pg_catalog")) {
                        tables.add(schema + "." + rs.getString("TABLE_NAME"));
                    }
                }
            }
            return null;
        });
        assertThat(tables).anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).endsWith(".protected_fact"))
                .anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).endsWith(".domainevententry"));
        for (String table : tables) {
            for (java.util.Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table)) {
                for (Object value : row.values()) {
                    String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                            : String.valueOf(value);
                    assertThat(text).as("a column of " + table).doesNotContain(licence);
                }
            }
        }
        String opening = "v1.00112233445566778899aabbccddeeff." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(licence.getBytes(StandardCharsets.UTF_8));
        ObjectNode wrongOpening = command("DispatchTransfer").put("consignee", dealer).put("kind", "STATE_TO_CIVILIAN")
                .put("dueBy", LocalDate.now().plusDays(10).toString())
                .put("licenceCommitment", "0".repeat(64));
        wrongOpening.putArray("itemIds").add(saleId);
        LedgerTestClient.Answer mismatch = ledger.post("/api/v1/transfers",
                new org.salwledger.cli.CommandSigner(beKey, be).signToJson(wrongOpening),
                java.util.Map.of("Ledger-Licence-Opening", opening));
        assertThat(mismatch.problemType()).isEqualTo("urn:salw-ledger:problem:licence-opening-mismatch");
        LedgerTestClient.Answer missing = ledger.post("/api/v1/transfers",
                new org.salwledger.cli.CommandSigner(beKey, be).signToJson(wrongOpening));
        assertThat(missing.problemType()).isEqualTo("urn:salw-ledger:problem:licence-opening-missing");
    }
}
