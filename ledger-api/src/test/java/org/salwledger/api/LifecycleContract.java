package org.salwledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.crypto.SigningKey;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;

/**
 * A polymer-frame pistol's life over HTTP: made in Belgium with its serial on an embedded plate and
 * its fire-control unit installed, exported to the DR Congo (licence, end-user certificate, transit
 * through Rwanda), import-marked, sold to a dealer who moves the fire-control unit to a new frame,
 * stolen, recovered with part of the serial obliterated, confiscation-marked, deactivated, destroyed,
 * and recovered again after destruction; then a 3D-printed pistol registered unmarked; corrections,
 * identity links, conversions, late entries and ITI 13 hand-over. Run on H2 and PostgreSQL.
 */
@org.junit.jupiter.api.extension.ExtendWith(ViewsRebuildAfterAll.class)
abstract class LifecycleContract extends RunningLedger {
    final String s = suffix;
    final SigningKey fnhKey = SigningKey.generate();
    final SigningKey cdKey = SigningKey.generate();
    final SigningKey dealerKey = SigningKey.generate();
    final SigningKey policeKey = SigningKey.generate();
    final SigningKey beAuthKey = SigningKey.generate();
    final SigningKey investigatorKey = SigningKey.generate();
    final String fnh = "BE-FNH-" + s;
    final String cd = "CD-MOD-" + s;
    final String dealer = "CD-DEALER-" + s;
    final String police = "CD-PNC-" + s;
    final String beAuth = "BE-AUTH-" + s;
    final String investigator = "NL-INV-" + s;

    @BeforeEach
    void actors() {
        ledger.register(fnh, "MANUFACTURER", "BE", fnhKey);
        ledger.register(cd, "AUTHORITY", "CD", cdKey);
        ledger.register(dealer, "HOLDER", "CD", dealerKey);
        ledger.register(police, "LAW_ENFORCEMENT", "CD", policeKey);
        ledger.register(beAuth, "AUTHORITY", "BE", beAuthKey);
        ledger.register(investigator, "INVESTIGATOR", "NL", investigatorKey);
    }

    private JsonNode ok(SigningKey key, String actor, ObjectNode command) {
        LedgerTestClient.Answer answer = ledger.submit(key, actor, command);
        assertThat(answer.status()).as(command.get("type").asText() + ": " + answer.body()).isEqualTo(201);
        return answer.json();
    }

    private void refused(SigningKey key, String actor, ObjectNode command, int status, String slug) {
        LedgerTestClient.Answer answer = ledger.submit(key, actor, command);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.problemType()).isEqualTo("urn:salw-ledger:problem:" + slug);
    }

    private String transfer(SigningKey key, String from, String to, String kind, String item) {
        return transfer(key, from, to, kind, List.of(item));
    }

    private String transfer(SigningKey key, String from, String to, String kind, List<String> items) {
        ObjectNode dispatch = command("DispatchTransfer").put("consignee", to).put("kind", kind)
                .put("dueBy", LocalDate.now().plusDays(30).toString());
        if (kind.equals("EXPORT")) {
            dispatch.put("exportLicence", "BE-EXP-2026-0042").put("importingCountry", "CD").put("endUserCertificate", "CD-EUC-77");
            dispatch.putArray("transitCountries").add("RW");
        }
        items.forEach(dispatch.putArray("itemIds")::add);
        return ok(key, from, dispatch).get("transferId").asText();
    }

    private List<String> historyTypes(String itemId, String token) {
        return ledger.get("/api/v1/items/" + itemId + "/history", token).json().get("events").findValuesAsText("type");
    }

    @Test
    void aPolymerPistolFromFactoryToDestructionAndBeyond() {
        java.time.Instant started = java.time.Instant.now();
        String kept = ok(fnhKey, fnh, command("ManufactureItem").put("kind", "WEAPON").put("category", "RIFLE_OR_CARBINE")
                .put("make", "FN Herstal").put("model", "SCAR-L").put("calibre", "5.56x45mm").put("material", "METAL")
                .put("production", "INDUSTRIAL")).get("itemId").asText();
        String serial = "GKS" + s;
        String pistol = ok(fnhKey, fnh, command("ManufactureItem").put("kind", "WEAPON")
                .put("category", "REVOLVER_OR_SELF_LOADING_PISTOL").put("identityComponent", "FRAME").put("make", "FN Herstal")
                .put("model", "FN 509").put("calibre", "9x19mm").put("material", "POLYMER").put("production", "INDUSTRIAL"))
                .get("itemId").asText();
        ok(fnhKey, fnh, command("MarkItem").put("itemId", pistol).put("markType", "MANUFACTURE").put("serial", serial)
                .put("text", "FNH BE " + serial).put("component", "FRAME").put("method", "EMBEDDED_METAL_PLATE")
                .put("location", "steel plate embedded in the grip"));
        // its serialized fire-control unit is an item of its own, installed in the frame; a spare frame goes along
        String fcu = ok(fnhKey, fnh, command("ManufactureItem").put("kind", "PART").put("partType", "FIRE_CONTROL_UNIT")
                .put("make", "FN Herstal").put("model", "FN 509 FCU").put("calibre", "9x19mm").put("material", "METAL")
                .put("production", "INDUSTRIAL")).get("itemId").asText();
        ok(fnhKey, fnh, command("MarkItem").put("itemId", fcu).put("markType", "MANUFACTURE").put("serial", "FCU-" + serial)
                .put("component", "FIRE_CONTROL_UNIT").put("method", "LASER"));
        String spareFrame = ok(fnhKey, fnh, command("ManufactureItem").put("kind", "PART").put("partType", "FRAME")
                .put("make", "FN Herstal").put("model", "FN 509 compact grip module").put("calibre", "9x19mm")
                .put("material", "POLYMER").put("production", "INDUSTRIAL")).get("itemId").asText();
        ok(fnhKey, fnh, command("AssemblePart").put("hostId", pistol).put("partId", fcu));

        String export = transfer(fnhKey, fnh, cd, "EXPORT", List.of(pistol, spareFrame));
        refused(cdKey, cd, command("MarkItem").put("itemId", pistol).put("markType", "IMPORT").put("text", "CD 2026")
                .put("component", "FRAME").put("method", "LASER"), 403, "mark-not-allowed");
        ok(cdKey, cd, command("ReceiveTransfer").put("transferId", export));
        refused(beAuthKey, beAuth, command("MarkItem").put("itemId", pistol).put("markType", "IMPORT").put("text", "BE 2026")
                .put("component", "FRAME").put("method", "LASER"), 403, "mark-not-allowed");
        ok(cdKey, cd, command("MarkItem").put("itemId", pistol).put("markType", "IMPORT").put("text", "CD 2026")
                .put("component", "FRAME").put("method", "LASER").put("location", "left side of the dust cover"));

        String sale = transfer(cdKey, cd, dealer, "DOMESTIC", List.of(pistol, spareFrame));
        ok(dealerKey, dealer, command("ReceiveTransfer").put("transferId", sale));
        // the dealer moves the fire-control unit to the new frame
        ok(dealerKey, dealer, command("DetachPart").put("hostId", pistol).put("partId", fcu));
        ok(dealerKey, dealer, command("AssemblePart").put("hostId", spareFrame).put("partId", fcu));
        refused(policeKey, police, command("ReportStolen").put("itemId", pistol).put("place", "Kinshasa"), 403, "not-custodian");
        ok(dealerKey, dealer, command("ReportStolen").put("itemId", pistol).put("place", "shop, Avenue du Commerce, Kinshasa")
                .put("policeReference", "PNC-2026-1187"));
        refused(dealerKey, dealer, transferCommand(pistol), 422, "dispatch-refused");

        ObjectNode recovered = command("ReportRecovered").put("itemId", pistol).put("place", "Goma")
                .put("circumstances", "found in a vehicle at a checkpoint");
        recovered.putArray("observedMarkings").addObject().put("text", "FNH BE GKS?" + s.substring(1, 3) + "*")
                .put("component", "FRAME").put("obliterated", true);
        refused(dealerKey, dealer, recovered, 403, "role-not-allowed");
        ok(policeKey, police, recovered);
        ok(policeKey, police, command("MarkItem").put("itemId", pistol).put("markType", "CONFISCATION")
                .put("text", "CD-PNC-C-" + s).put("component", "FRAME").put("method", "DOT_PEEN"));
        ok(policeKey, police, command("DeactivateItem").put("itemId", pistol).put("certificateReference", "CD-DEACT-9")
                .put("standard", "EU 2015/2403 as amended by 2018/337"));
        ok(policeKey, police, command("MarkItem").put("itemId", pistol).put("markType", "DEACTIVATION")
                .put("text", "DEACT CD 2026").put("component", "FRAME").put("method", "STAMPED"));
        ok(policeKey, police, command("DestroyItem").put("itemId", pistol).put("certificateReference", "CD-DESTR-3")
                .put("method", "cut and smelted"));
        refused(policeKey, police, command("MarkItem").put("itemId", pistol).put("markType", "REMARK").put("text", "x")
                .put("component", "FRAME").put("method", "LASER"), 409, "item-destroyed");
        ObjectNode again = command("ReportRecovered").put("itemId", pistol).put("place", "Bukavu");
        JsonNode anomaly = ok(policeKey, police, again);
        assertThat(anomaly.get("records").get(0).get("type").asText()).isEqualTo("ItemRecoveredAfterDestruction");

        String token = ledger.session(investigatorKey, investigator);
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> assertThat(historyTypes(pistol, token)).containsExactly(
                "ItemManufactured", "ItemMarked", "PartAssembled", "ItemDispatched", "ItemReceived", "ItemMarked",
                "ItemDispatched", "ItemReceived", "PartDetached", "ItemStolen", "ItemRecovered", "ItemMarked",
                "ItemDeactivated", "ItemMarked", "ItemDestroyed", "ItemRecoveredAfterDestruction"));
        JsonNode events = ledger.get("/api/v1/items/" + pistol + "/history", token).json().get("events");
        assertThat(events.get(1).at("/facts/method").asText()).isEqualTo("EMBEDDED_METAL_PLATE");
        assertThat(events.get(3).at("/facts/transferId").asText()).isEqualTo(export);
        assertThat(events.get(5).at("/facts/markType").asText()).isEqualTo("IMPORT");
        assertThat(events.get(10).at("/facts/lastLegalCustodian").asText()).isEqualTo(dealer);
        assertThat(events.get(10).at("/facts/observedMarkings/0/obliterated").asBoolean()).isTrue();
        assertThat(events.get(11).at("/facts/markType").asText()).isEqualTo("CONFISCATION");
        assertThat(events.get(15).at("/facts/destroyedBy").asText()).isEqualTo(police);
        // the fire-control unit's own history: made, installed, exported and sold inside the pistol, moved to the new frame
        assertThat(historyTypes(fcu, token)).containsExactly("ItemManufactured", "ItemMarked", "ItemAssembledInto",
                "ItemDispatched", "ItemReceived", "ItemDispatched", "ItemReceived", "ItemDetachedFrom", "ItemAssembledInto");
        JsonNode fcuEvents = ledger.get("/api/v1/items/" + fcu + "/history", token).json().get("events");
        assertThat(fcuEvents.get(2).at("/facts/hostId").asText()).isEqualTo(pistol);
        assertThat(fcuEvents.get(3).at("/facts/transferId").asText()).isEqualTo(export);
        assertThat(fcuEvents.get(8).at("/facts/hostId").asText()).isEqualTo(spareFrame);
        assertThat(historyTypes(spareFrame, token)).containsExactly("ItemManufactured", "ItemDispatched", "ItemReceived",
                "ItemDispatched", "ItemReceived", "PartAssembled");
        assertThat(ledger.get("/api/v1/items/" + spareFrame + "/composition", token).json().get("parts")
                .findValuesAsText("partId")).containsExactly(fcu);
        JsonNode chain = ledger.get("/api/v1/items/" + pistol + "/chain", token).json();
        ChainCheck.verify(chain, Map.of(fnhKey.keyId(), fnhKey.publicKey(), cdKey.keyId(), cdKey.publicKey(),
                dealerKey.keyId(), dealerKey.publicKey(), policeKey.keyId(), policeKey.publicKey()));
        assertThat(ledger.get("/api/v1/items/" + pistol, token).json().get("status").asText()).isEqualTo("SEIZED");
        epcisOfTheLifecycle(started, pistol, fcu, kept, token);
    }

    /** The same life as EPCIS 2.0: by item, and as windows of every record, paged and scoped to the reader. */
    private void epcisOfTheLifecycle(java.time.Instant started, String pistol, String fcu, String kept, String token) {
        JsonNode events = EpcisCheck.events(ledger, "/api/v1/items/" + pistol + "/epcis", token);
        assertThat(EpcisCheck.recordTypes(events)).containsExactlyElementsOf(historyTypes(pistol, token));
        assertThat(events.get(0).get("bizStep").asText()).isEqualTo("commissioning");
        assertThat(events.get(3).at("/bizTransactionList/0/bizTransaction").asText()).contains("/transfer/");
        assertThat(events.get(14).get("action").asText()).isEqualTo("DELETE");
        assertThat(EpcisCheck.recordTypes(EpcisCheck.events(ledger, "/api/v1/items/" + fcu + "/epcis", token)))
                .contains("ItemAssembledInto", "ItemDetachedFrom");
        String dealerToken = ledger.session(dealerKey, dealer);
        assertThat(ledger.get("/api/v1/items/" + kept + "/epcis", dealerToken).status()).isEqualTo(404);

        String window = "/api/v1/epcis/events?from=" + started + "&to=" + java.time.Instant.now().plusSeconds(1);
        List<String> all = windowEventIds(window + "&perPage=7", token);
        List<String> pistolIds = events.findValuesAsText("eventID");
        assertThat(all).containsAll(pistolIds).doesNotHaveDuplicates()
                .anySatisfy(id -> assertThat(id).contains("/record/" + kept + "/"));
        assertThat(all).noneSatisfy(id -> assertThat(id).contains("/record/" + fcu + "/2"));
        List<String> dealers = windowEventIds(window, dealerToken);
        assertThat(dealers).containsAll(pistolIds).noneSatisfy(id -> assertThat(id).contains("/record/" + kept + "/"));

        assertThat(ledger.get(window + "&perPage=0", token).problemType()).isEqualTo("urn:salw-ledger:problem:invalid-query");
        assertThat(ledger.get("/api/v1/epcis/events?from=yesterday", token).problemType())
                .isEqualTo("urn:salw-ledger:problem:invalid-query");
        assertThat(ledger.get(window + "&nextPageToken=bm90LWEtdG9rZW4", token).status()).isEqualTo(400);
    }

    /** Every page of a window, each checked in both bindings, following Link rel="next". */
    private List<String> windowEventIds(String path, String token) {
        List<String> ids = new java.util.ArrayList<>();
        String page = path;
        int pages = 0;
        while (page != null) {
            ids.addAll(EpcisCheck.events(ledger, page, token).findValuesAsText("eventID"));
            String link = ledger.get(page, token).header("Link").orElse(null);
            page = link == null ? null : link.substring(1, link.indexOf('>'));
            assertThat(++pages).isLessThan(100);
        }
        return ids;
    }

    private ObjectNode transferCommand(String item) {
        ObjectNode dispatch = command("DispatchTransfer").put("consignee", cd).put("kind", "DOMESTIC")
                .put("dueBy", LocalDate.now().plusDays(30).toString());
        dispatch.putArray("itemIds").add(item);
        return dispatch;
    }

    @Test
    void aThreeDPrintedPistolIsRegisteredUnmarkedAndGivenAConfiscationMark() {
        ObjectNode unmarked = command("RegisterUnmarkedItem").put("kind", "WEAPON").put("category", "REVOLVER_OR_SELF_LOADING_PISTOL")
                .put("calibre", "9x19mm").put("material", "ADDITIVE").put("production", "ADDITIVE")
                .put("description", "3D-printed FGC-9 type pistol, PLA frame, no markings").put("place", "Goma");
        refused(dealerKey, dealer, unmarked, 403, "role-not-allowed");
        String printed = ok(policeKey, police, unmarked).get("itemId").asText();
        ok(policeKey, police, command("MarkItem").put("itemId", printed).put("markType", "CONFISCATION")
                .put("text", "CD-PNC-P-" + s).put("component", "FRAME").put("method", "EMBEDDED_METAL_PLATE"));
        String token = ledger.session(investigatorKey, investigator);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(historyTypes(printed, token)).containsExactly("ItemRegisteredUnmarked", "ItemMarked"));
        JsonNode item = ledger.get("/api/v1/items/" + printed, token).json();
        assertThat(item.get("production").asText()).isEqualTo("ADDITIVE");
        assertThat(item.get("custodian").asText()).isEqualTo(police);
        assertThat(item.get("manufacturer").isNull()).isTrue();
        JsonNode epcis = EpcisCheck.events(ledger, "/api/v1/items/" + printed + "/epcis", token);
        assertThat(EpcisCheck.recordTypes(epcis)).containsExactly("ItemRegisteredUnmarked", "ItemMarked");
        assertThat(epcis.get(0).at("/ilmd/salw:production").asText()).isEqualTo("ADDITIVE");
        String second = ok(policeKey, police, unmarked.deepCopy().put("description", "second printed pistol"))
                .get("itemId").asText();
        refused(policeKey, police, command("MarkItem").put("itemId", second).put("markType", "CONFISCATION")
                .put("text", "cd pnc p " + s.toLowerCase(Locale.ROOT)).put("component", "FRAME").put("method", "LASER"),
                409, "duplicate-marking");
    }

    @Test
    void lossSeizureAndStateToCivilianMarks() {
        SigningKey armyKey = SigningKey.generate();
        SigningKey shopKey = SigningKey.generate();
        ledger.register("BE-ARMY-" + s, "HOLDER", "BE", armyKey);
        ledger.register("BE-SHOP-" + s, "HOLDER", "BE", shopKey);
        String rifle = ok(fnhKey, fnh, command("ManufactureItem").put("kind", "WEAPON").put("category", "RIFLE_OR_CARBINE")
                .put("make", "FN Herstal").put("model", "FAL").put("calibre", "7.62x51mm").put("material", "METAL")
                .put("production", "INDUSTRIAL")).get("itemId").asText();
        String toArmy = transfer(fnhKey, fnh, "BE-ARMY-" + s, "DOMESTIC", rifle);
        ok(armyKey, "BE-ARMY-" + s, command("ReceiveTransfer").put("transferId", toArmy));
        String release = transfer(armyKey, "BE-ARMY-" + s, "BE-SHOP-" + s, "STATE_TO_CIVILIAN", rifle);
        ok(shopKey, "BE-SHOP-" + s, command("ReceiveTransfer").put("transferId", release));
        ok(beAuthKey, beAuth, command("MarkItem").put("itemId", rifle).put("markType", "STATE_TO_CIVILIAN")
                .put("text", "BE STOCK 2026").put("component", "RECEIVER").put("method", "ENGRAVED"));

        // the authority of the custodian's country may report a loss too
        ok(beAuthKey, beAuth, command("ReportLost").put("itemId", rifle).put("place", "Liège").put("policeReference", "LG-55"));
        ok(shopKey, "BE-SHOP-" + s, command("ReportStolen").put("itemId", rifle).put("place", "Liège"));
        refused(policeKey, police, command("SeizeItem").put("itemId", rifle).put("place", "x").put("reason", "y"), 409, "item-stolen");

        String other = ok(fnhKey, fnh, command("ManufactureItem").put("kind", "PART").put("partType", "BARREL")
                .put("make", "FN Herstal").put("model", "FAL barrel").put("calibre", "7.62x51mm").put("material", "METAL")
                .put("production", "INDUSTRIAL")).get("itemId").asText();
        refused(policeKey, police, command("ReportRecovered").put("itemId", other).put("place", "x"), 409, "item-not-lost-or-stolen");
        ok(policeKey, police, command("SeizeItem").put("itemId", other).put("place", "Antwerp port").put("reason", "no licence"));

        String token = ledger.session(investigatorKey, investigator);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            assertThat(historyTypes(rifle, token)).endsWith("ItemLost", "ItemStolen");
            assertThat(historyTypes(other, token)).endsWith("ItemSeized");
        });
        JsonNode lostAndStolen = EpcisCheck.events(ledger, "/api/v1/items/" + rifle + "/epcis", token);
        assertThat(EpcisCheck.recordTypes(lostAndStolen)).endsWith("ItemMarked", "ItemLost", "ItemStolen");
        assertThat(lostAndStolen.findValuesAsText("disposition")).endsWith("unknown", "stolen");
        JsonNode seized = EpcisCheck.events(ledger, "/api/v1/items/" + other + "/epcis", token);
        assertThat(seized.get(1).at("/destinationList/0/destination").asText()).endsWith("/actor/" + police);
    }

    private String part(String partType, String model) {
        return ok(fnhKey, fnh, command("ManufactureItem").put("kind", "PART").put("partType", partType)
                .put("make", "SIG Sauer").put("model", model).put("calibre", "9x19mm").put("material", "POLYMER")
                .put("production", "INDUSTRIAL")).get("itemId").asText();
    }

    private ObjectNode assemble(String host, String part) {
        return command("AssemblePart").put("hostId", host).put("partId", part);
    }

    @Test
    void aFireControlUnitMovesBetweenFramesAndTravelsWithItsHost() throws Exception {
        String fcu = part("FIRE_CONTROL_UNIT", "P320 FCU");
        ok(fnhKey, fnh, command("MarkItem").put("itemId", fcu).put("markType", "MANUFACTURE").put("serial", "FCU" + s)
                .put("component", "FIRE_CONTROL_UNIT").put("method", "LASER"));
        String frameA = part("FRAME", "P320 grip module, full size");
        String frameB = part("FRAME", "P320 grip module, compact");
        String barrel = part("BARREL", "P320 barrel");

        JsonNode assembled = ok(fnhKey, fnh, assemble(frameA, fcu));
        assertThat(assembled.get("records").findValuesAsText("type")).containsExactly("PartAssembled", "ItemAssembledInto");
        ok(fnhKey, fnh, assemble(fcu, barrel));
        refused(fnhKey, fnh, assemble(frameB, fcu), 409, "part-already-installed");
        refused(fnhKey, fnh, assemble(barrel, frameA), 422, "assembly-cycle");
        refused(fnhKey, fnh, assemble(fcu, fcu), 422, "assembly-cycle");

        // the frame travels with the FCU and barrel inside; the FCU cannot travel alone
        ObjectNode alone = transferCommand(fcu).put("consignee", beAuth);
        LedgerTestClient.Answer refusedAlone = ledger.submit(fnhKey, fnh, alone);
        assertThat(refusedAlone.problemType()).isEqualTo("urn:salw-ledger:problem:dispatch-refused");
        assertThat(refusedAlone.json().at("/offendingItems/0/code").asText()).isEqualTo("part-installed");
        String first = transfer(fnhKey, fnh, dealer, "EXPORT", frameA);
        ok(dealerKey, dealer, command("ReceiveTransfer").put("transferId", first));
        refused(fnhKey, fnh, assemble(frameB, barrel), 403, "not-custodian");
        String second = transfer(fnhKey, fnh, dealer, "EXPORT", frameB);
        ok(dealerKey, dealer, command("ReceiveTransfer").put("transferId", second));

        String token = ledger.session(investigatorKey, investigator);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(ledger.get("/api/v1/items/" + frameB, token).json().get("custodian").asText()).isEqualTo(dealer));
        java.time.Instant beforeSwap = java.time.Instant.now();
        Thread.sleep(5);
        ok(dealerKey, dealer, command("DetachPart").put("hostId", frameA).put("partId", fcu));
        ok(dealerKey, dealer, assemble(frameB, fcu));

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(historyTypes(fcu, token)).containsExactly(
                "ItemManufactured", "ItemMarked", "ItemAssembledInto", "PartAssembled", "ItemDispatched", "ItemReceived",
                "ItemDetachedFrom", "ItemAssembledInto"));
        JsonNode fcuHistory = ledger.get("/api/v1/items/" + fcu + "/history", token).json().get("events");
        assertThat(fcuHistory.get(2).at("/facts/hostId").asText()).isEqualTo(frameA);
        assertThat(fcuHistory.get(3).at("/facts/partId").asText()).isEqualTo(barrel);
        assertThat(fcuHistory.get(4).at("/facts/transferId").asText()).isEqualTo(first);
        assertThat(fcuHistory.get(7).at("/facts/hostId").asText()).isEqualTo(frameB);
        assertThat(historyTypes(barrel, token)).containsExactly("ItemManufactured", "ItemAssembledInto", "ItemDispatched",
                "ItemReceived");
        assertThat(ledger.get("/api/v1/items/" + fcu, token).json().get("custodian").asText()).isEqualTo(dealer);

        String before = java.net.URLEncoder.encode(beforeSwap.toString(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ledger.get("/api/v1/items/" + frameA + "/composition?at=" + before, token).json().get("parts")
                .findValuesAsText("partId")).containsExactly(fcu);
        assertThat(ledger.get("/api/v1/items/" + frameA + "/composition", token).json().get("parts")).isEmpty();
        assertThat(ledger.get("/api/v1/items/" + frameB + "/composition", token).json().get("parts")
                .findValuesAsText("partId")).containsExactly(fcu);
        assertThat(ledger.get("/api/v1/items/" + fcu + "/composition", token).json().get("parts")
                .findValuesAsText("partId")).containsExactly(barrel);

        // what is stolen and recovered is the frame with everything in it
        ok(dealerKey, dealer, command("ReportStolen").put("itemId", frameB).put("place", "Kinshasa"));
        ok(policeKey, police, command("ReportRecovered").put("itemId", frameB).put("place", "Goma"));
        // each item's stream reaches the views on its own segment: wait for both
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            assertThat(historyTypes(barrel, token)).endsWith("ItemStolen", "ItemRecovered");
            assertThat(historyTypes(fcu, token)).endsWith("ItemAssembledInto", "ItemStolen", "ItemRecovered");
        });
        JsonNode recoveredFcu = ledger.get("/api/v1/items/" + fcu, token).json();
        assertThat(recoveredFcu.get("status").asText()).isEqualTo("SEIZED");
        assertThat(recoveredFcu.get("custodian").asText()).isEqualTo(police);
    }

    @Test
    void aCorrectionAndAnIdentityLinkShowInHistory() {
        String rifle = ok(fnhKey, fnh, command("ManufactureItem").put("kind", "WEAPON").put("category", "RIFLE_OR_CARBINE")
                .put("make", "FN Herstal").put("model", "FNC").put("calibre", "5.56x45mm").put("material", "METAL")
                .put("production", "INDUSTRIAL")).get("itemId").asText();
        JsonNode marked = ok(fnhKey, fnh, command("MarkItem").put("itemId", rifle).put("markType", "MANUFACTURE")
                .put("serial", "FNC" + s + "O").put("component", "RECEIVER").put("method", "ENGRAVED"));
        String markHash = marked.at("/records/0/hash").asText();
        ObjectNode correction = command("CorrectRecord").put("itemId", rifle).put("sequence", 1).put("recordHash", markHash)
                .put("reason", "letter O typed for digit 0");
        correction.putObject("correctedFacts").put("serial", "FNC" + s + "0").put("text", "FNC" + s + "0");
        refused(policeKey, police, correction, 403, "not-record-author");
        ObjectNode wrongFact = correction.deepCopy();
        wrongFact.putObject("correctedFacts").put("manufacturer", "SOMEONE-ELSE");
        refused(fnhKey, fnh, wrongFact, 422, "fact-not-correctable");
        ObjectNode wrongHash = correction.deepCopy().put("recordHash", "0".repeat(64));
        refused(fnhKey, fnh, wrongHash, 404, "record-not-found");
        ok(fnhKey, fnh, correction);

        ok(fnhKey, fnh, command("TransformItem").put("itemId", rifle).put("calibre", "5.45x39mm")
                .put("description", "rebarrelled for an export customer"));
        String token = ledger.session(investigatorKey, investigator);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(historyTypes(rifle, token)).containsExactly("ItemManufactured", "ItemMarked", "RecordCorrected",
                        "ItemTransformed"));
        assertThat(ledger.get("/api/v1/items/" + rifle, token).json().get("calibre").asText()).isEqualTo("5.45x39mm");
        JsonNode events = ledger.get("/api/v1/items/" + rifle + "/history", token).json().get("events");
        assertThat(events.get(3).at("/facts/before/calibre").asText()).isEqualTo("5.56x45mm");
        assertThat(events.get(1).at("/facts/serial").asText()).as("the original stays").isEqualTo("FNC" + s + "O");
        assertThat(events.get(1).at("/correctedFacts/serial").asText()).isEqualTo("FNC" + s + "0");
        assertThat(events.get(1).get("correctedIn").asLong()).isEqualTo(2);
        assertThat(events.get(2).at("/facts/correctedHash").asText()).isEqualTo(markHash);
        assertThat(ledger.get("/api/v1/items?mark=FNC" + s + "0", token).json().get("items").findValuesAsText("itemId"))
                .containsExactly(rifle);
        JsonNode epcis = EpcisCheck.events(ledger, "/api/v1/items/" + rifle + "/epcis", token);
        assertThat(EpcisCheck.recordTypes(epcis)).containsExactly("ItemManufactured", "ItemMarked", "RecordCorrected",
                "ItemTransformed");
        assertThat(epcis.at("/1/errorDeclaration/correctiveEventIDs/0").asText()).isEqualTo(epcis.at("/2/eventID").asText());
        assertThat(epcis.at("/1/salw:serial").asText()).isEqualTo("FNC" + s + "O");
        assertThat(epcis.at("/2/salw:serial").asText()).isEqualTo("FNC" + s + "0");
        assertThat(epcis.at("/3/type").asText()).isEqualTo("TransformationEvent");

        // an item recovered with its serial ground off turns out, after restoration, to be the rifle
        String unmarked = ok(policeKey, police, command("RegisterUnmarkedItem").put("kind", "WEAPON")
                .put("category", "RIFLE_OR_CARBINE").put("calibre", "5.56x45mm").put("material", "METAL")
                .put("production", "INDUSTRIAL").put("description", "rifle, serial ground off").put("place", "Goma"))
                .get("itemId").asText();
        ObjectNode link = command("LinkIdentity").put("unmarkedItemId", unmarked).put("knownItemId", rifle)
                .put("evidence", "serial restored by chemical etching: FNC" + s + "0");
        refused(dealerKey, dealer, link, 403, "role-not-allowed");
        JsonNode linked = ok(policeKey, police, link);
        assertThat(linked.get("records").findValuesAsText("type")).containsExactly("IdentityLinked", "IdentityLinked");
        refused(policeKey, police, link, 409, "identity-already-linked");

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode joined = ledger.get("/api/v1/items/" + rifle + "/history", token).json();
            assertThat(joined.get("linkedItems").findValuesAsText("")).isEmpty();
            assertThat(joined.get("linkedItems").get(0).asText()).isEqualTo(unmarked);
            assertThat(joined.get("events").findValuesAsText("type")).containsExactly("ItemManufactured", "ItemMarked",
                    "RecordCorrected", "ItemTransformed", "ItemRegisteredUnmarked", "IdentityLinked", "IdentityLinked");
        });
    }

    @Test
    void aDealerGoingOutOfBusinessHandsItsRecordsToTheNationalAuthority() {
        SigningKey shopKey = SigningKey.generate();
        String shop = "BE-SHOP2-" + s;
        ledger.register(shop, "HOLDER", "BE", shopKey);
        String a = ok(fnhKey, fnh, command("ManufactureItem").put("kind", "WEAPON").put("category", "RIFLE_OR_CARBINE")
                .put("make", "FN Herstal").put("model", "FAL").put("calibre", "7.62x51mm").put("material", "METAL")
                .put("production", "INDUSTRIAL")).get("itemId").asText();
        ok(shopKey, shop, command("ReceiveTransfer").put("transferId", transfer(fnhKey, fnh, shop, "DOMESTIC", a)));

        ObjectNode cease = command("CeaseBusiness").put("actorId", shop).put("reason", "licence surrendered");
        refused(shopKey, shop, cease, 409, "actor-still-holds-items");
        refused(shopKey, shop, cease.deepCopy().put("handOverTo", cd), 422, "invalid-consignee");
        JsonNode ceased = ok(shopKey, shop, cease.deepCopy().put("handOverTo", beAuth));
        assertThat(ceased.get("records").findValuesAsText("type")).containsExactly("ItemHandedOver", "ActorCeasedBusiness");
        refused(shopKey, shop, command("OpenSession"), 401, "revoked-key");

        String token = ledger.session(beAuthKey, beAuth);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(ledger.get("/api/v1/items/" + a, token).json().get("custodian").asText()).isEqualTo(beAuth));
        assertThat(historyTypes(a, token)).endsWith("ItemHandedOver");
        JsonNode handedOver = EpcisCheck.events(ledger, "/api/v1/items/" + a + "/epcis", token);
        assertThat(handedOver.get(handedOver.size() - 1).at("/destinationList/0/destination").asText()).endsWith("/actor/" + beAuth);
    }

    @Test
    void lateEntriesKeepBothTimesButNeverPredateThePreviousFact() {
        java.time.Instant now = java.time.Instant.now();
        String made = ok(fnhKey, fnh, command("ManufactureItem").put("kind", "WEAPON").put("category", "RIFLE_OR_CARBINE")
                .put("make", "FN Herstal").put("model", "FAL").put("calibre", "7.62x51mm").put("material", "METAL")
                .put("production", "INDUSTRIAL").put("occurredAt", now.minus(Duration.ofDays(3)).toString())).get("itemId").asText();
        refused(fnhKey, fnh, command("ReportLost").put("itemId", made).put("place", "Herstal")
                .put("occurredAt", now.minus(Duration.ofDays(4)).toString()), 422, "occurred-before-previous-fact");
        refused(fnhKey, fnh, command("ReportLost").put("itemId", made).put("place", "Herstal")
                .put("occurredAt", now.plus(Duration.ofDays(1)).toString()), 422, "occurred-in-future");
        String lostAt = now.minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        ok(fnhKey, fnh, command("ReportLost").put("itemId", made).put("place", "Herstal").put("occurredAt", lostAt));

        String token = ledger.session(investigatorKey, investigator);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(historyTypes(made, token)).containsExactly("ItemManufactured", "ItemLost"));
        JsonNode lost = ledger.get("/api/v1/items/" + made + "/history", token).json().at("/events/1");
        assertThat(lost.get("occurredAt").asText()).isEqualTo(lostAt);
        assertThat(java.time.Instant.parse(lost.get("recordedAt").asText())).isAfter(java.time.Instant.parse(lostAt));
        JsonNode chain = ledger.get("/api/v1/items/" + made + "/chain", token).json();
        assertThat(chain.at("/records/1/record/occurredAt").asText()).isEqualTo(lostAt);
        ChainCheck.verify(chain, Map.of(fnhKey.keyId(), fnhKey.publicKey()));
    }
}
