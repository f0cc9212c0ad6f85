package org.salwledger.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.salwledger.core.item.ItemLoader;
import org.salwledger.core.crypto.SigningKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;

/**
 * Consignments over HTTP on H2: {@link #size()} items refused whole for one bad item, then dispatched
 * and received; 500 exported and received with one missing. Prints timings. {@link ConsignmentTest}
 * runs it small in every build; {@link LargeTransferTest} at the 10,000 items DESIGN.md allows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ConsignmentContract extends RunningLedger {

    @Autowired
    private ItemLoader itemLoader;

    /** Items in the consignment that moves whole or not at all. */
    abstract int size();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        RunningLedger.ledgerProperties(registry);
    }

    private static ObjectNode transfer(String consignee, String kind, List<String> items) {
        ObjectNode dispatch = command("DispatchTransfer").put("consignee", consignee).put("kind", kind)
                .put("dueBy", LocalDate.now().plusDays(14).toString());
        if (kind.equals("EXPORT")) {
            dispatch.put("exportLicence", "BE-EXP-2026-9001").put("importingCountry", "KE").put("endUserCertificate", "KE-EUC-12");
        }
        ArrayNode ids = dispatch.putArray("itemIds");
        items.forEach(ids::add);
        return dispatch;
    }

    @Test
    void aConsignmentMovesWholeOrNotAtAll() throws Exception {
        final int SIZE = size();
        SigningKey makerKey = SigningKey.generate();
        SigningKey armyKey = SigningKey.generate();
        SigningKey kenyaKey = SigningKey.generate();
        ledger.register("BE-FNH", "MANUFACTURER", "BE", makerKey);
        ledger.register("BE-ARMY", "HOLDER", "BE", armyKey);
        ledger.register("KE-NPS", "AUTHORITY", "KE", kenyaKey);
        long started = System.nanoTime();
        List<String> items = manufacture(ledger, makerKey, SIZE + 500);
        System.out.printf("manufactured %d items in %d ms%n", SIZE + 500, (System.nanoTime() - started) / 1_000_000);
        List<String> tenThousand = items.subList(0, SIZE);
        List<String> fiveHundred = items.subList(SIZE, SIZE + 500);

        List<String> oneBad = new ArrayList<>(tenThousand.subList(0, SIZE - 1));
        oneBad.add(fiveHundred.get(0));
        ledger.submit(makerKey, "BE-FNH", transfer("BE-ARMY", "DOMESTIC", List.of(fiveHundred.get(0))));
        int before = eventCount();
        long t0 = System.nanoTime();
        LedgerTestClient.Answer refused = ledger.submit(makerKey, "BE-FNH", transfer("BE-ARMY", "DOMESTIC", oneBad));
        long refusedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("offendingItems")).hasSize(1);
        assertThat(refused.json().get("offendingItems").get(0).get("itemId").asText()).isEqualTo(fiveHundred.get(0));
        assertThat(eventCount()).isEqualTo(before);

        t0 = System.nanoTime();
        LedgerTestClient.Answer dispatched = ledger.submit(makerKey, "BE-FNH", transfer("BE-ARMY", "DOMESTIC", tenThousand));
        long dispatchMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(201);
        assertThat(dispatched.json().get("records")).hasSize(SIZE + 1);
        String transferId = dispatched.json().get("transferId").asText();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_envelope WHERE command_type = 'DispatchTransfer'",
                Integer.class)).as("the consignment's envelope is stored once").isEqualTo(2);

        t0 = System.nanoTime();
        LedgerTestClient.Answer received = ledger.submit(armyKey, "BE-ARMY", command("ReceiveTransfer").put("transferId", transferId));
        long receiptMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        assertThat(eventCount()).isEqualTo(before + 2 * (SIZE + 1));
        System.out.printf("%d-item transfer on H2: refused whole in %d ms, dispatched in %d ms, received in %d ms%n",
                SIZE, refusedMs, dispatchMs, receiptMs);

        // 500 exported, one never arrives
        LedgerTestClient.Answer exported = ledger.submit(makerKey, "BE-FNH", transfer("KE-NPS", "EXPORT", fiveHundred.subList(1, 500)));
        assertThat(exported.status()).as(exported.body()).isEqualTo(201);
        String exportId = exported.json().get("transferId").asText();
        ObjectNode partial = command("ReceiveTransfer").put("transferId", exportId);
        partial.putArray("missingItems").add(fiveHundred.get(250));
        assertThat(ledger.submit(kenyaKey, "KE-NPS", partial).status()).isEqualTo(201);

        String token = ledger.session(kenyaKey, "KE-NPS");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            LedgerTestClient.Answer view = ledger.get("/api/v1/transfers/" + exportId, token);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.json().get("state").asText()).isEqualTo("RECEIVED");
            assertThat(view.json().get("missingCount").asInt()).isEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM item_view WHERE custodian = 'BE-ARMY' AND status = 'ACTIVE'", Integer.class))
                .isEqualTo(SIZE));
    }

    /**
     * The service's item repository keeps the items a consignment loads in ledger-core's {@code IndexedAggregates},
     * whose {@code containsValue} Axon calls once per item at commit: fails if Spring handed the processes another
     * repository instance than the one Axon names its unit-of-work resource after.
     */
    @Test
    void theItemsOneUnitOfWorkLoadsAreKeptInTheIndexedMap() {
        SigningKey key = SigningKey.generate();
        ledger.register("BE-IDX", "MANUFACTURER", "BE", key);
        List<String> two = manufacture(ledger, key, "BE-IDX", 2);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("load"));
        try {
            two.forEach(itemLoader::load);
            assertThat(unitOfWork.resources().values()).filteredOn(v -> v instanceof Map<?, ?> m && m.containsKey(two.get(0)))
                    .singleElement().extracting(v -> v.getClass().getSimpleName()).isEqualTo("IndexedAggregates");
        } finally {
            unitOfWork.rollback();
        }
    }

    private static List<String> manufacture(LedgerTestClient ledger, SigningKey key, int count) {
        return manufacture(ledger, key, "BE-FNH", count);
    }

    private static List<String> manufacture(LedgerTestClient ledger, SigningKey key, String maker, int count) {
        return ledger.submitAll(key, maker, count, n -> command("ManufactureItem").put("kind", "WEAPON")
                .put("category", "RIFLE_OR_CARBINE").put("make", "FN Herstal").put("model", "FNC " + n)
                .put("calibre", "5.56x45mm").put("material", "METAL").put("production", "INDUSTRIAL"), "itemId");
    }
}
