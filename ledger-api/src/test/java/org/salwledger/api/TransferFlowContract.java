package org.salwledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.crypto.SigningKey;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;

/**
 * Transfers over HTTP: export with its references, receipt, partial receipt, rejection,
 * all-or-nothing. Run on H2 and PostgreSQL by the subclasses.
 */
@org.junit.jupiter.api.extension.ExtendWith(ViewsRebuildAfterAll.class)
abstract class TransferFlowContract extends RunningLedger {
    final SigningKey fnhKey = SigningKey.generate();
    final SigningKey cdKey = SigningKey.generate();
    final SigningKey inspectorKey = SigningKey.generate();
    final String fnh = "BE-FNH-" + suffix;
    final String cdAuthority = "CD-MOD-" + suffix;
    final String inspector = "NL-INV-" + suffix;

    @BeforeEach
    void actors() {
        ledger.register(fnh, "MANUFACTURER", "BE", fnhKey);
        ledger.register(cdAuthority, "AUTHORITY", "CD", cdKey);
        ledger.register(inspector, "INVESTIGATOR", "NL", inspectorKey);
    }

    String manufacture() {
        LedgerTestClient.Answer made = ledger.submit(fnhKey, fnh, command("ManufactureItem").put("kind", "WEAPON")
                .put("category", "ASSAULT_RIFLE").put("make", "FN Herstal").put("model", "SCAR-L")
                .put("calibre", "5.56x45mm").put("material", "POLYMER").put("production", "INDUSTRIAL"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("itemId").asText();
    }

    ObjectNode export(List<String> items) {
        ObjectNode dispatch = command("DispatchTransfer").put("consignee", cdAuthority).put("kind", "EXPORT")
                .put("dueBy", LocalDate.now().plusDays(30).toString()).put("exportLicence", "BE-EXP-2026-0042")
                .put("importingCountry", "CD").put("endUserCertificate", "CD-EUC-77");
        dispatch.putArray("transitCountries").add("RW");
        ArrayNode ids = dispatch.putArray("itemIds");
        items.forEach(ids::add);
        return dispatch;
    }

    JsonNode transfer(String transferId, String token) {
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.get("/api/v1/transfers/" + transferId, token).status() == 200);
        return ledger.get("/api/v1/transfers/" + transferId, token).json();
    }

    @Test
    void anExportIsDispatchedAndReceivedAndCustodyMoves() {
        List<String> items = List.of(manufacture(), manufacture());
        LedgerTestClient.Answer dispatched = ledger.submit(fnhKey, fnh, export(items));
        assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(201);
        String transferId = dispatched.json().get("transferId").asText();
        assertThat(dispatched.json().get("records").findValuesAsText("type"))
                .containsExactly("ItemDispatched", "ItemDispatched", "TransferDispatched");

        String token = ledger.session(inspectorKey, inspector);
        JsonNode view = transfer(transferId, token);
        assertThat(view.get("state").asText()).isEqualTo("DISPATCHED");
        assertThat(view.get("exportLicence").asText()).isEqualTo("BE-EXP-2026-0042");
        assertThat(view.get("transitCountries").get(0).asText()).isEqualTo("RW");

        // a second dispatch of an item in transit is refused whole
        LedgerTestClient.Answer again = ledger.submit(fnhKey, fnh, export(items));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.problemType()).isEqualTo("urn:salw-ledger:problem:dispatch-refused");
        assertThat(again.json().get("offendingItems").findValuesAsText("code")).containsOnly("item-in-transit");

        LedgerTestClient.Answer notConsignee = ledger.submit(fnhKey, fnh, command("ReceiveTransfer").put("transferId", transferId));
        assertThat(notConsignee.status()).isEqualTo(403);
        assertThat(notConsignee.problemType()).isEqualTo("urn:salw-ledger:problem:not-consignee");

        LedgerTestClient.Answer received = ledger.submit(cdKey, cdAuthority, command("ReceiveTransfer").put("transferId", transferId));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        LedgerTestClient.Answer twice = ledger.submit(cdKey, cdAuthority, command("ReceiveTransfer").put("transferId", transferId));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problemType()).isEqualTo("urn:salw-ledger:problem:transfer-closed");

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(ledger.get("/api/v1/items/" + items.get(0), token).json().get("custodian").asText()).isEqualTo(cdAuthority));
        String cdToken = ledger.session(cdKey, cdAuthority);
        JsonNode history = ledger.get("/api/v1/items/" + items.get(0) + "/history", cdToken).json().get("events");
        assertThat(history.findValuesAsText("type")).containsExactly("ItemManufactured", "ItemDispatched", "ItemReceived");
        assertThat(history.get(1).at("/facts/transferId").asText()).isEqualTo(transferId);
        JsonNode chain = ledger.get("/api/v1/items/" + items.get(0) + "/chain", cdToken).json();
        ChainCheck.verify(chain, Map.of(fnhKey.keyId(), fnhKey.publicKey(), cdKey.keyId(), cdKey.publicKey()));
        assertThat(transfer(transferId, token).get("state").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void exportRulesAreCheckedBeforeAnyItemMoves() {
        String item = manufacture();
        int before = eventCount();
        assertThat(ledger.submit(fnhKey, fnh, export(List.of(item)).put("exportLicence", (String) null)).problemType())
                .isEqualTo("urn:salw-ledger:problem:export-licence-required");
        assertThat(ledger.submit(fnhKey, fnh, export(List.of(item)).put("importingCountry", "BE")).problemType())
                .isEqualTo("urn:salw-ledger:problem:export-to-own-country");
        assertThat(ledger.submit(fnhKey, fnh, export(List.of(item)).put("importingCountry", "UG")).problemType())
                .isEqualTo("urn:salw-ledger:problem:importing-country-mismatch");
        ObjectNode transitHome = export(List.of(item));
        transitHome.putArray("transitCountries").add("BE");
        assertThat(ledger.submit(fnhKey, fnh, transitHome).problemType()).isEqualTo("urn:salw-ledger:problem:invalid-transit");
        ObjectNode domesticAbroad = command("DispatchTransfer").put("consignee", cdAuthority).put("kind", "DOMESTIC")
                .put("dueBy", LocalDate.now().plusDays(3).toString());
        domesticAbroad.putArray("itemIds").add(item);
        assertThat(ledger.submit(fnhKey, fnh, domesticAbroad).problemType())
                .isEqualTo("urn:salw-ledger:problem:cross-border-not-export");
        assertThat(ledger.submit(fnhKey, fnh, export(List.of(item)).put("consignee", "NOBODY")).problemType())
                .isEqualTo("urn:salw-ledger:problem:unknown-consignee");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void onlyTheCustodianDispatchesAndOneBadItemRefusesTheWhole() {
        String mine = manufacture();
        String alsoMine = manufacture();
        SigningKey otherKey = SigningKey.generate();
        ledger.register("BE-OTHER-" + suffix, "HOLDER", "BE", otherKey);
        int before = eventCount();
        ObjectNode dispatch = export(List.of(mine, alsoMine, "9b2f8f6e-6a8e-4c52-9a52-3f0e2b1c0d9e"));
        LedgerTestClient.Answer refused = ledger.submit(fnhKey, fnh, dispatch);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("offendingItems")).hasSize(1);
        assertThat(refused.json().get("offendingItems").get(0).get("code").asText()).isEqualTo("item-not-found");

        ObjectNode byOther = command("DispatchTransfer").put("consignee", fnh).put("kind", "DOMESTIC")
                .put("dueBy", LocalDate.now().plusDays(3).toString());
        byOther.putArray("itemIds").add(mine).add(alsoMine);
        LedgerTestClient.Answer notMine = ledger.submit(otherKey, "BE-OTHER-" + suffix, byOther);
        assertThat(notMine.json().get("offendingItems").findValuesAsText("code")).containsExactly("not-custodian", "not-custodian");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aPartialReceiptMakesTheMissingItemsLostAndARejectionReturnsEverything() {
        List<String> items = List.of(manufacture(), manufacture(), manufacture());
        String transferId = ledger.submit(fnhKey, fnh, export(items)).json().get("transferId").asText();
        ObjectNode receipt = command("ReceiveTransfer").put("transferId", transferId);
        receipt.putArray("missingItems").add(items.get(1));
        LedgerTestClient.Answer received = ledger.submit(cdKey, cdAuthority, receipt);
        assertThat(received.status()).as(received.body()).isEqualTo(201);

        String token = ledger.session(inspectorKey, inspector);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(ledger.get("/api/v1/items/" + items.get(1), token).json().get("status").asText()).isEqualTo("LOST"));
        JsonNode view = transfer(transferId, token);
        assertThat(view.get("missingCount").asInt()).isEqualTo(1);
        assertThat(view.get("items").findValuesAsText("outcome")).containsExactly("RECEIVED", "MISSING", "RECEIVED");
        JsonNode lost = ledger.get("/api/v1/items/" + items.get(1) + "/history", token).json().get("events");
        assertThat(lost.get(2).get("type").asText()).isEqualTo("ItemLost");
        assertThat(lost.get(2).at("/facts/transferId").asText()).isEqualTo(transferId);

        List<String> more = List.of(manufacture(), manufacture());
        String second = ledger.submit(fnhKey, fnh, export(more)).json().get("transferId").asText();
        LedgerTestClient.Answer rejected = ledger.submit(cdKey, cdAuthority, command("RejectTransfer")
                .put("transferId", second).put("reason", "end-user certificate withdrawn"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(201);
        // ACTIVE with the sender is also where the item started: wait for the return itself
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(EpcisCheck.recordTypes(EpcisCheck.events(ledger, "/api/v1/items/" + more.get(0) + "/epcis", token)))
                        .endsWith("ItemDispatched", "ItemReturned"));
        JsonNode item = ledger.get("/api/v1/items/" + more.get(0), token).json();
        assertThat(item.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(item.get("custodian").asText()).isEqualTo(fnh);
        JsonNode returned = EpcisCheck.events(ledger, "/api/v1/items/" + more.get(0) + "/epcis", token);
        assertThat(returned.get(returned.size() - 1).get("disposition").asText()).isEqualTo("returned");
        // back in the sender's custody, the item can leave again
        assertThat(ledger.submit(fnhKey, fnh, export(more)).status()).isEqualTo(201);
    }

    @Test
    void aTransferIsReadByItsPartiesAndInvestigatorsOnly() {
        String transferId = ledger.submit(fnhKey, fnh, export(List.of(manufacture()))).json().get("transferId").asText();
        transfer(transferId, ledger.session(inspectorKey, inspector));
        assertThat(ledger.get("/api/v1/transfers/" + transferId, ledger.session(cdKey, cdAuthority)).status()).isEqualTo(200);
        SigningKey deKey = SigningKey.generate();
        ledger.register("DE-AUTH-" + suffix, "AUTHORITY", "DE", deKey);
        assertThat(ledger.get("/api/v1/transfers/" + transferId, ledger.session(deKey, "DE-AUTH-" + suffix)).status()).isEqualTo(404);
    }

}
