package org.salwledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.salwledger.core.crypto.CanonicalJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;

/**
 * Latency of mark searches over a ledger filled by {@code generate}: exact serials, one and two
 * unreadable characters, a known start with an unknown run, and a known end only. Each query names a
 * generated item, which must come back first.
 */
@Command(name = "search-bench", description = "p50/p99 of exact and wildcard mark searches over a generated ledger.")
final class SearchBench implements Callable<Integer> {
    @Option(names = "--url", defaultValue = LedgerCli.URL, description = LedgerCli.URL_HELP)
    String url;
    @Option(names = "--items", required = true, description = "how many items the generated ledger holds")
    long items;
    @Option(names = "--queries", defaultValue = "300", description = "measured queries per kind")
    int queries;
    @Option(names = "--seed", defaultValue = "salw-ledger")
    String seed;
    @Option(names = "--run", defaultValue = "GEN")
    String run;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LedgerClient client = new LedgerClient(url);
        String police = GeneratedLedger.police(run, GeneratedLedger.IMPORTERS.get(0));
        String open = new CommandSigner(GeneratedLedger.keyOf(seed, police), police)
                .signToJson(GeneratedLedger.command("OpenSession"));
        String token = CanonicalJson.mapper().readTree(client.post("/api/v1/sessions", open).body()).get("token").asText();
        Random random = new Random(42);
        List<Kind> kinds = List.of(
                new Kind("exact", GeneratedLedger::serialOf),
                new Kind("one unknown (?)", i -> replace(GeneratedLedger.serialOf(i), 8)),
                new Kind("two unknowns (??)", i -> replace(replace(GeneratedLedger.serialOf(i), 5), 9)),
                new Kind("known start, unknown run (*)", i -> GeneratedLedger.serialOf(i).substring(0, 9) + "*"),
                new Kind("known end only (*...)", i -> "*" + GeneratedLedger.serialOf(i).substring(4)));
        for (Kind kind : kinds) {
            for (int w = 0; w < 30; w++) {
                query(client, token, kind.query().apply(Math.floorMod(random.nextLong(), items)));
            }
            long[] latencies = new long[queries];
            int first = 0;
            int onPage = 0;
            for (int q = 0; q < queries; q++) {
                long item = Math.floorMod(random.nextLong(), items);
                String text = kind.query().apply(item);
                long t0 = System.nanoTime();
                JsonNode found = query(client, token, text);
                latencies[q] = System.nanoTime() - t0;
                String serial = GeneratedLedger.serialOf(item);
                if (found.path("items").size() > 0 && found.path("items").get(0).path("matchedText").asText().contains(serial)) {
                    first++;
                }
                if (found.path("items").findValuesAsText("matchedText").stream().anyMatch(t -> t.contains(serial))) {
                    onPage++;
                }
            }
            Arrays.sort(latencies);
            out.printf(Locale.ROOT, "%-30s %d queries: p50 %.1f ms, p99 %.1f ms, max %.1f ms; the item ranked first %d/%d, "
                            + "on the first page %d/%d%n", kind.name(), queries, latencies[queries / 2] / 1e6,
                    latencies[(int) Math.ceil(queries * 0.99) - 1] / 1e6, latencies[queries - 1] / 1e6, first, queries,
                    onPage, queries);
            out.flush();
        }
        return 0;
    }

    private record Kind(String name, LongFunction<String> query) {}

    private static String replace(String serial, int at) {
        return serial.substring(0, at) + "?" + serial.substring(at + 1);
    }

    private static JsonNode query(LedgerClient client, String token, String mark) throws Exception {
        LedgerClient.Answer answer = client.get("/api/v1/items?size=20&mark=" + URLEncoder.encode(mark, StandardCharsets.UTF_8),
                token);
        if (answer.status() != 200) {
            throw new IllegalStateException("search " + mark + ": " + answer.body());
        }
        return CanonicalJson.mapper().readTree(answer.body());
    }
}
