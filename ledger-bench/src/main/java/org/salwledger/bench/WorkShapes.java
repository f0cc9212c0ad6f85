package org.salwledger.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.cli.CommandSigner;
import org.salwledger.cli.LedgerClient;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.SigningKey;

import java.util.ArrayList;
import java.util.List;

/** The ledger's other shapes of work, timed on a node after its measured run: {@link Benchmark.Shapes}. */
final class WorkShapes {
    private WorkShapes() {}

    /** A consignment of the items made above, dispatched and received; then one item's history grown. */
    static Benchmark.Shapes measure(Benchmark.Settings settings, Store store, LedgerClient client, SigningKey admin,
                                 CommandSigner maker, List<String> madeEnvelopes) throws Exception {
        SigningKey holderKey = SigningKey.generate();
        Benchmark.require(client.post("/api/v1/actors", new CommandSigner(admin, "admin").signToJson(CanonicalJson.mapper()
                .createObjectNode().put("type", "RegisterActor").put("actorId", "BENCH-HOLDER")
                .put("name", "Benchmark holder").put("role", "HOLDER").put("country", "BE")
                .put("publicKey", holderKey.publicKeyBase64()))));
        int size = Math.min(settings.consignment(), madeEnvelopes.size());
        ObjectNode dispatch = CanonicalJson.mapper().createObjectNode().put("type", "DispatchTransfer")
                .put("kind", "DOMESTIC").put("consignee", "BENCH-HOLDER")
                .put("dueBy", java.time.LocalDate.now().plusDays(30).toString());
        var itemIds = dispatch.putArray("itemIds");
        for (String envelope : madeEnvelopes.subList(0, size)) {
            // the ledger names an item after its ManufactureItem envelope (docs/ledger-format.md §2)
            String hash = CanonicalJson.mapper().readValue(envelope, org.salwledger.core.crypto.DsseEnvelope.class).hash();
            itemIds.add(org.salwledger.core.chain.NewStreamIds.item(hash));
        }
        String signedDispatch = maker.signToJson(dispatch);
        long started = System.nanoTime();
        LedgerClient.Answer dispatched = client.post("/api/v1/transfers", signedDispatch);
        double dispatchSeconds = (System.nanoTime() - started) / 1e9;
        Benchmark.require(dispatched);
        String transferId = CanonicalJson.mapper().readTree(dispatched.body()).get("transferId").asText();
        String receipt = new CommandSigner(holderKey, "BENCH-HOLDER").signToJson(CanonicalJson.mapper().createObjectNode()
                .put("type", "ReceiveTransfer").put("transferId", transferId));
        started = System.nanoTime();
        Benchmark.require(client.post("/api/v1/transfers/" + transferId + "/receipt", receipt));
        double receiptSeconds = (System.nanoTime() - started) / 1e9;

        String envelope = maker.signToJson(CanonicalJson.mapper().createObjectNode().put("type", "ManufactureItem")
                .put("kind", "WEAPON").put("category", "RIFLE_OR_CARBINE").put("make", "Bench").put("model", "history")
                .put("calibre", "5.56x45mm").put("material", "METAL").put("production", "INDUSTRIAL"));
        LedgerClient.Answer item = client.post("/api/v1/items", envelope);
        Benchmark.require(item);
        String itemId = CanonicalJson.mapper().readTree(item.body()).get("itemId").asText();
        List<String> remarks = new ArrayList<>(settings.history());
        for (int i = 0; i < settings.history(); i++) {
            remarks.add(maker.signToJson(CanonicalJson.mapper().createObjectNode().put("type", "MarkItem")
                    .put("itemId", itemId).put("markType", "REMARK").put("text", "INSPECTED " + i)
                    .put("component", "BARREL").put("method", "LASER")));
        }
        long[] latencies = new long[remarks.size()];
        for (int i = 0; i < remarks.size(); i++) {
            long t0 = System.nanoTime();
            Benchmark.require(client.post("/api/v1/items/" + itemId + "/marks", remarks.get(i)));
            latencies[i] = System.nanoTime() - t0;
        }
        int tenth = Math.max(1, latencies.length / 10);
        return new Benchmark.Shapes(store.name(), size, dispatchSeconds, receiptSeconds, settings.history(),
                percentile(java.util.Arrays.copyOfRange(latencies, 0, tenth), 0.50),
                percentile(java.util.Arrays.copyOfRange(latencies, latencies.length - tenth, latencies.length), 0.50),
                percentile(java.util.Arrays.copyOfRange(latencies, latencies.length - tenth, latencies.length), 0.99), 0, 0);
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
