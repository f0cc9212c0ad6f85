package org.salwledger.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Measures signed commands over HTTP: registers a fresh manufacturer with the admin key, then N
 * clients each sign and POST in a loop, either ManufactureItem (new items) or, with --one-item,
 * REMARKs on a single item whose history grows. Prints throughput and latency percentiles.
 */
@Command(name = "bench", description = "Throughput and latency of signed ManufactureItem commands over HTTP.")
final class Bench implements Callable<Integer> {
    @Option(names = "--url", defaultValue = LedgerCli.URL, description = LedgerCli.URL_HELP)
    String url;
    @Option(names = "--admin-key", required = true, description = "the admin's private key file (data/admin.key)")
    Path adminKey;
    @Option(names = "--clients", defaultValue = "8")
    int clients;
    @Option(names = "--count", defaultValue = "4000", description = "measured commands in all")
    int count;
    @Option(names = "--warmup", defaultValue = "800", description = "unmeasured commands first")
    int warmup;
    @Option(names = "--one-item", description = "send REMARKs to one item instead of manufacturing new ones, "
            + "to see whether a command's cost grows with the item's history")
    boolean oneItem;

    @Override
    public Integer call() throws Exception {
        LedgerClient client = new LedgerClient(url);
        SigningKey manufacturerKey = SigningKey.generate();
        String actorId = "BENCH-" + CommandSigner.newNonce().substring(0, 8).toUpperCase(Locale.ROOT);
        ObjectNode register = CanonicalJson.mapper().createObjectNode().put("type", "RegisterActor")
                .put("actorId", actorId).put("name", "Benchmark manufacturer").put("role", "MANUFACTURER")
                .put("country", "BE").put("publicKey", manufacturerKey.publicKeyBase64());
        LedgerClient.Answer registered = client.post("/api/v1/actors",
                new CommandSigner(KeyFiles.read(adminKey), "admin").signToJson(register));
        if (registered.status() != 201) {
            System.err.println("could not register the benchmark manufacturer: " + registered.body());
            return 1;
        }
        CommandSigner signer = new CommandSigner(manufacturerKey, actorId);
        IntFunction<ObjectNode> command = oneItem ? remarksOn(client, signer) : Bench::manufacture;
        run(client, signer, warmup, command);
        long started = System.nanoTime();
        long[] latencies = run(client, signer, count, command);
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] lastTenth = Arrays.copyOfRange(latencies, count - Math.max(1, count / 10), count);
        Arrays.sort(latencies);
        Arrays.sort(lastTenth);
        System.out.printf(Locale.ROOT, "%s over HTTP: %d commands, %d clients, %.1f s, %.0f commands/s, "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", oneItem ? "MarkItem (REMARK, one item)" : "ManufactureItem",
                count, clients, seconds, count / seconds, percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies[latencies.length - 1] / 1e6);
        if (oneItem) {
            System.out.printf(Locale.ROOT, "last tenth (history %d-%d records): p50 %.1f ms, p99 %.1f ms%n",
                    warmup + count - count / 10, warmup + count, percentile(lastTenth, 0.50), percentile(lastTenth, 0.99));
        }
        return 0;
    }

    private static ObjectNode manufacture(int i) {
        return CanonicalJson.mapper().createObjectNode().put("type", "ManufactureItem")
                .put("kind", "WEAPON").put("category", "ASSAULT_RIFLE").put("make", "Bench")
                .put("model", "B-" + i).put("calibre", "5.56x45mm").put("material", "POLYMER")
                .put("production", "INDUSTRIAL");
    }

    private static IntFunction<ObjectNode> remarksOn(LedgerClient client, CommandSigner signer) throws Exception {
        LedgerClient.Answer made = client.post("/api/v1/items", signer.signToJson(manufacture(0)));
        String itemId = CanonicalJson.mapper().readTree(made.body()).get("itemId").asText();
        return i -> CanonicalJson.mapper().createObjectNode().put("type", "MarkItem").put("itemId", itemId)
                .put("markType", "REMARK").put("text", "INSPECTED " + i).put("component", "BARREL")
                .put("method", "LASER");
    }

    private long[] run(LedgerClient client, CommandSigner signer, int total, IntFunction<ObjectNode> command)
            throws Exception {
        if (total == 0) {
            return new long[0];
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[total];
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    ObjectNode cmd = command.apply(i);
                    long t0 = System.nanoTime();
                    LedgerClient.Answer answer = client.post(CommandRoutes.pathFor(cmd), signer.signToJson(cmd));
                    latencies[i] = System.nanoTime() - t0;
                    if (answer.status() != 201) {
                        throw new IllegalStateException("command refused: " + answer.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return latencies;
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
