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
    }

    @BeforeEach
    void actors() {
        ledger.register(fnh, "MANUFACTURER", "BE", fnhKey);
        ledger.register(cd, "AUTHORITY", "CD", cdKey);
        ledger.register(dealer, "HOLDER", "CD", dealerKey);
        ledger.register(police, "LAW_ENFORCEMENT", "CD", policeKey);
        ledger.register(investigator, "INVESTIGATOR", "NL", investigatorKey);
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

        JsonNode exact = search(token, serial.toLowerCase() + "");
        assertThat(exact.get("items").get(0).get("match").asText()).isEqualTo("EXACT");
        assertThat(exact.get("items").get(0).get("status").asText()).isEqualTo("SEIZED");
        assertThat(exact.get("items").get(0).get("custodian").asText()).isEqualTo(police);
        assertThat(exact.get("items").get(1).get("match").asText()).as("S and 5 look alike").isEqualTo("LOOK_ALIKE");

        String one = "GKS" + s.substring(0, 3) + "?" + s.substring(4);
        String two = "G?S-" + s.substring(0, 3) + "?" + s.substring(4);
        String run = "gks " + s.substring(0, 2) + "*";
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
}
