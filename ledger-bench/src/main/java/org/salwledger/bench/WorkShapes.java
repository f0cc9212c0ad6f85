package org.salwledger.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.cli.CommandSigner;
import org.salwledger.cli.LedgerClient;
import org.salwledger.core.chain.NewStreamIds;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.DsseEnvelope;
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
        CommandSigner holder = new CommandSigner(holderKey, "BENCH-HOLDER");
        Consignment busy = consign(client, maker, holder, madeEnvelopes.subList(0, size), -1);
        // the same size again with the node warm and settled: the views and the log caught up before the dispatch
        // and before the receipt, as they are when a consignment travels for days (the first receipt shares the
        // cores with the views and the log projecting its dispatch, and both with the JIT compiling their paths)
        Consignment settled = madeEnvelopes.size() >= 2 * size && size > 0
                ? consign(client, maker, holder, madeEnvelopes.subList(size, 2 * size), busy.receivedAt())
                : new Consignment(0, 0, -1);

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
        return new Benchmark.Shapes(store.name(), size, busy.dispatchSeconds(), busy.receiptSeconds(),
                settled.dispatchSeconds(), settled.receiptSeconds(), settings.history(),
                percentile(java.util.Arrays.copyOfRange(latencies, 0, tenth), 0.50),
                percentile(java.util.Arrays.copyOfRange(latencies, latencies.length - tenth, latencies.length), 0.50),
                percentile(java.util.Arrays.copyOfRange(latencies, latencies.length - tenth, latencies.length), 0.99), 0, 0);
    }

    /** A consignment's two answers: how long each took, and the event store position its receipt reached. */
    private record Consignment(double dispatchSeconds, double receiptSeconds, long receivedAt) {}

    /**
     * Dispatches the items the envelopes made to BENCH-HOLDER and receives them. With {@code settleAfter} at
     * a write's position (not -1), the views and the log first catch up with that write, and with the dispatch
     * before the receipt.
     */
    private static Consignment consign(LedgerClient client, CommandSigner maker, CommandSigner holder, List<String> made,
                                       long settleAfter) throws Exception {
        ObjectNode dispatch = CanonicalJson.mapper().createObjectNode().put("type", "DispatchTransfer")
                .put("kind", "DOMESTIC").put("consignee", "BENCH-HOLDER")
                .put("dueBy", java.time.LocalDate.now().plusDays(30).toString());
        var itemIds = dispatch.putArray("itemIds");
        for (String envelope : made) {
            // the ledger names an item after its ManufactureItem envelope (docs/ledger-format.md §2)
            String hash = CanonicalJson.mapper().readValue(envelope, DsseEnvelope.class).hash();
            itemIds.add(NewStreamIds.item(hash));
        }
        String signedDispatch = maker.signToJson(dispatch);
        if (settleAfter >= 0) {
            settle(client, settleAfter);
        }
        long started = System.nanoTime();
        LedgerClient.Answer dispatched = client.post("/api/v1/transfers", signedDispatch);
        double dispatchSeconds = (System.nanoTime() - started) / 1e9;
        Benchmark.require(dispatched);
        String transferId = CanonicalJson.mapper().readTree(dispatched.body()).get("transferId").asText();
        String receipt = holder.signToJson(CanonicalJson.mapper().createObjectNode()
                .put("type", "ReceiveTransfer").put("transferId", transferId));
        if (settleAfter >= 0) {
            settle(client, dispatched.position().orElseThrow());
        }
        started = System.nanoTime();
        LedgerClient.Answer received = client.post("/api/v1/transfers/" + transferId + "/receipt", receipt);
        double receiptSeconds = (System.nanoTime() - started) / 1e9;
        Benchmark.require(received);
        return new Consignment(dispatchSeconds, receiptSeconds, received.position().orElseThrow());
    }

    /** Until the views and the log hold the write at {@code position}. */
    private static void settle(LedgerClient client, long position) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
        while (!client.awaitViews(position)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the views did not reach position " + position + " within 5 minutes");
            }
        }
    }

    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
