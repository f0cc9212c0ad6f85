package org.salwledger.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.cli.CommandSigner;
import org.salwledger.cli.LedgerClient;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.SigningKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run, one machine: plain Axon in process (the baseline) and the ledger over HTTP with pre-signed
 * envelopes (views and transparency log running), each on a fresh store, on H2 and on PostgreSQL.
 * Prints a table and writes it as JSON.
 */
public final class Benchmark {
    /** What to run: warm-up and measured commands per path, concurrent clients, which stores. */
    public record Settings(int warmup, int commands, int clients, List<String> stores, int consignment, int history,
                           int witnesses, String nodeGc) {
        /**
         * 70,000 commands a path: the cold-start curve must reach its 60-s window, which 20,000 + 30,000 no longer
         * did at ~1,100 commands/s once the pause between the two loads was gone.
         */
        public static Settings full() {
            return new Settings(40_000, 30_000, 16, List.of("h2", "postgres"), 10_000, 2_000, 0,
                    LedgerNode.GARBAGE_COLLECTOR);
        }

        /**
         * The full run, each figure overridable for a shorter or profiled run: {@code -Dbench.warmup},
         * {@code -Dbench.commands}, {@code -Dbench.clients}, {@code -Dbench.stores=h2,postgres},
         * {@code -Dbench.consignment} (items in the one dispatch, at most those manufactured),
         * {@code -Dbench.history} (records added to one item, one at a time), {@code -Dbench.witnesses} (witnesses
         * the node's checkpoints must be cosigned by, a majority of them; {@link BenchWitnesses}),
         * {@code -Dbench.node-gc} (the node's collector option; empty: the JVM's default).
         */
        public static Settings fromSystemProperties() {
            Settings full = full();
            return new Settings(Integer.getInteger("bench.warmup", full.warmup()),
                    Integer.getInteger("bench.commands", full.commands()),
                    Integer.getInteger("bench.clients", full.clients()),
                    List.of(System.getProperty("bench.stores", String.join(",", full.stores())).split(",")),
                    Integer.getInteger("bench.consignment", full.consignment()),
                    Integer.getInteger("bench.history", full.history()),
                    Integer.getInteger("bench.witnesses", full.witnesses()),
                    System.getProperty("bench.node-gc", full.nodeGc()).trim());
        }
    }

    /**
     * One measured path. {@code cpuMillisPerCommand} is the service process's CPU (the ledger only: the
     * baseline shares its JVM with the load); {@code logLagP99Seconds} the age of the oldest acknowledged
     * record no signed checkpoint covered yet, sampled every 200 ms under load; {@code logCatchUpSeconds}
     * from the last acknowledgement to a checkpoint covering every record.
     */
    public record Row(String store, String path, int commands, double perSecond, double p50Millis, double p99Millis,
                      Double cpuMillisPerCommand, double bytesPerRecord, double bytesPerRecordAtRest,
                      Double logLagP99Seconds, Double logCatchUpSeconds, List<Double> warmUpCurve) {
        /** Commands/s in [50 s, 60 s) after the cold start as a share of the measured rate (issue 14: ≥ 0.8). */
        public Double atOneMinute() {
            return warmUpCurve == null ? null : WarmUpCurve.atOneMinute(warmUpCurve, perSecond);
        }
    }

    /**
     * The ledger's other shapes of work, after the measured run on the same node: one consignment of
     * {@code consignmentItems} dispatched and received (each one signed command), and one item's history
     * grown by {@code historyRecords} REMARKs sent one at a time, latency of the first and last tenth; then
     * the node restarted to rebuild its views from every record the run left ({@code replayRecords} in
     * {@code replaySeconds}, as the node measured it: from the reset to the last record projected).
     */
    public record Shapes(String store, int consignmentItems, double dispatchSeconds, double receiptSeconds,
                         double settledDispatchSeconds, double settledReceiptSeconds, int historyRecords,
                         double historyFirstTenthP50Millis, double historyLastTenthP50Millis,
                         double historyLastTenthP99Millis, long replayRecords, double replaySeconds) {
        public double replayPerSecond() {
            return replaySeconds > 0 ? replayRecords / replaySeconds : 0;
        }

        Shapes withReplay(long records, double seconds) {
            return new Shapes(store, consignmentItems, dispatchSeconds, receiptSeconds, settledDispatchSeconds,
                    settledReceiptSeconds, historyRecords, historyFirstTenthP50Millis, historyLastTenthP50Millis,
                    historyLastTenthP99Millis, records, seconds);
        }
    }

    /** A run's figures. */
    public record Result(List<Row> rows, List<Shapes> shapes) {}

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Path work = Files.createTempDirectory("ledger-bench");
        Result result = run(settings, work);
        print(result, settings);
        write(result, settings, Path.of(args.length > 0 ? args[0] : "bench-result.json"));
    }

    public static Result run(Settings settings, Path work) throws Exception {
        List<Row> rows = new ArrayList<>();
        List<Shapes> shapes = new ArrayList<>();
        for (String kind : settings.stores()) {
            rows.add(plainAxon(settings, store(kind, work.resolve(kind + "-axon"))));
            ledger(settings, store(kind, work.resolve(kind + "-ledger")), work.resolve(kind + "-ledger.log"), rows, shapes);
        }
        return new Result(rows, shapes);
    }

    private static Store store(String kind, Path dir) throws Exception {
        return switch (kind) {
            case "h2" -> new Store.H2(Files.createDirectories(dir));
            case "postgres" -> Store.Postgres.fresh();
            default -> throw new IllegalArgumentException("no store named " + kind);
        };
    }

    private static Row plainAxon(Settings settings, Store store) throws Exception {
        Load.Result measured;
        long bytes;
        int records = settings.warmup() + settings.commands();
        List<Double> curve;
        try (PlainAxon axon = new PlainAxon(store)) {
            Load load = new Load();
            long start = System.nanoTime();
            Load.Result warm = load.run(settings.warmup(), settings.clients(), axon::create);
            measured = load.run(settings.commands(), settings.clients(), axon::create);
            curve = WarmUpCurve.of(start, warm.acknowledgedAt(), measured.acknowledgedAt());
            bytes = store.bytesOnDisk();
        }
        return new Row(store.name(), "plain Axon, in process, unsigned", settings.commands(), measured.perSecond(),
                measured.percentileMillis(0.50), measured.percentileMillis(0.99), null, (double) bytes / records,
                (double) store.bytesAtRest() / records, null, null, curve);
    }

    private static void ledger(Settings settings, Store store, Path log, List<Row> rows, List<Shapes> shapes)
            throws Exception {
        SigningKey admin = SigningKey.generate();
        Path dataDir = store instanceof Store.H2 h2 ? h2.dir() : Files.createTempDirectory("ledger-bench-node");
        Measured run;
        try (BenchWitnesses witnesses = new BenchWitnesses(settings.witnesses(), Files.createTempDirectory("bench-witnesses"))) {
            Map<String, String> environment = witnesses.environment(store.ledgerEnvironment());
            try (LedgerNode node = LedgerNode.start(settings.nodeGc(), dataDir, admin, environment, log)) {
                run = measure(settings, store, node, admin,
                        witnesses.describe("ledger over HTTP, signed, views and log running"), shapes);
            }
            shapes.set(shapes.size() - 1, replay(settings, shapes.get(shapes.size() - 1), dataDir, admin, environment, log));
        }
        Row running = run.row();
        long stored = run.stored();
        rows.add(new Row(running.store(), running.path(), running.commands(), running.perSecond(), running.p50Millis(),
                running.p99Millis(), running.cpuMillisPerCommand(), running.bytesPerRecord(),
                (double) store.bytesAtRest() / stored, running.logLagP99Seconds(), running.logCatchUpSeconds(),
                running.warmUpCurve()));
    }

    /** The measured run's row, and how many records the log holds once the work shapes ran too. */
    private record Measured(Row row, long stored) {}

    private static Measured measure(Settings settings, Store store, LedgerNode node, SigningKey admin, String path,
                                    List<Shapes> shapes) throws Exception {
        LedgerClient client = new LedgerClient("http://localhost:" + node.port);
        SigningKey makerKey = SigningKey.generate();
        LedgerClient.Answer registered = client.post("/api/v1/actors", new CommandSigner(admin, "admin").signToJson(
                CanonicalJson.mapper().createObjectNode().put("type", "RegisterActor").put("actorId", "BENCH-MAKER")
                        .put("name", "Benchmark manufacturer").put("role", "MANUFACTURER").put("country", "BE")
                        .put("publicKey", makerKey.publicKeyBase64())));
        require(registered);
        CommandSigner maker = new CommandSigner(makerKey, "BENCH-MAKER");
        Load load = new Load();
        // Nothing between the two loads but the log's catch-up, so that the cold-start curve measures the service:
        // both are signed before its clock, and the log's size before the measured load (the lag sampler's
        // offset) is counted, one record per ManufactureItem, not found by watching it stop growing (polls 1.5 s
        // apart, which left 1.5-4.5 s without load, often in the curve's 60-s window).
        List<String> warmup = signed(maker, settings.warmup(), 0);
        List<String> envelopes = signed(maker, settings.commands(), settings.warmup());
        long initial = LogCheckpoints.awaitCovers(client, -1, Duration.ofMinutes(5));
        long start = System.nanoTime();
        Load.Result warm = load.run(settings.warmup(), settings.clients(),
                i -> require(client.post("/api/v1/items", warmup.get(i))));
        long before = LogCheckpoints.awaitCovers(client, initial + settings.warmup(), Duration.ofMinutes(5));

        LogLagSampler lag = new LogLagSampler(client, load, before);
        Duration cpuBefore = node.cpu();
        lag.start();
        Load.Result measured = load.run(settings.commands(), settings.clients(),
                i -> require(client.post("/api/v1/items", envelopes.get(i))));
        long lastAck = System.nanoTime();
        Duration cpu = node.cpu().minus(cpuBefore);
        long records = LogCheckpoints.awaitCovers(client, before + settings.commands(), Duration.ofMinutes(5));
        double catchUp = (System.nanoTime() - lastAck) / 1e9;
        lag.stop();
        Row running = new Row(store.name(), path,
                settings.commands(),
                measured.perSecond(), measured.percentileMillis(0.50), measured.percentileMillis(0.99),
                cpu.toNanos() / 1e6 / settings.commands(), (double) store.bytesOnDisk() / records, 0,
                lag.p99Seconds(), catchUp, WarmUpCurve.of(start, warm.acknowledgedAt(), measured.acknowledgedAt()));
        List<String> made = new ArrayList<>(warmup);
        made.addAll(envelopes);
        shapes.add(WorkShapes.measure(settings, store, client, admin, maker, made));
        return new Measured(running, LogCheckpoints.awaitCovers(client, -1, Duration.ofMinutes(5)));
    }

    /** Restarts the node on the run's store with {@code ledger.views.rebuild}; it is ready once the views caught up. */
    private static Shapes replay(Settings settings, Shapes shapes, Path dataDir, SigningKey admin,
                                 Map<String, String> environment, Path log) throws Exception {
        try (LedgerNode node = LedgerNode.start(settings.nodeGc(), dataDir, admin, environment, log,
                "--ledger.views.rebuild=true")) {
            com.fasterxml.jackson.databind.JsonNode rebuilt = CanonicalJson.mapper().readTree(new LedgerClient(
                    "http://localhost:" + node.port).get("/actuator/health", null).body()).at("/components/viewsRebuild/details");
            return shapes.withReplay(rebuilt.get("records").asLong(), Double.parseDouble(rebuilt.get("seconds").asText()));
        }
    }

    /** Envelopes signed before the clock starts; issuedAt stays within the ledger's clock skew for the run. */
    private static List<String> signed(CommandSigner maker, int count, int offset) {
        List<String> envelopes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ObjectNode command = CanonicalJson.mapper().createObjectNode().put("type", "ManufactureItem")
                    .put("kind", "WEAPON").put("category", "REVOLVER_OR_SELF_LOADING_PISTOL").put("make", "Bench")
                    .put("model", "B-" + (offset + i)).put("calibre", "9x19mm").put("material", "POLYMER")
                    .put("production", "INDUSTRIAL");
            envelopes.add(maker.signToJson(command));
        }
        return envelopes;
    }

    static void require(LedgerClient.Answer answer) {
        if (answer.status() != 201) {
            throw new IllegalStateException("refused: " + answer.status() + " " + answer.body());
        }
    }

    public static void print(Result result, Settings settings) {
        List<Row> rows = result.rows();
        System.out.printf(Locale.ROOT, "%d warm-up + %d measured commands per path, %d clients, %d cores, Java %s, %s%n",
                settings.warmup(), settings.commands(), settings.clients(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), PerformanceSection.collector(settings));
        System.out.printf(Locale.ROOT, "%-11s %-66s %9s %8s %8s %11s %10s %10s %9s %9s %9s%n", "store", "path", "cmd/s",
                "p50 ms", "p99 ms", "CPU ms/cmd", "bytes/rec", "at rest", "lag p99", "catch-up", "at 60 s");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-11s %-66s %9.0f %8.1f %8.1f %11s %10.0f %10.0f %9s %9s %9s%n", r.store(),
                    r.path(), r.perSecond(), r.p50Millis(), r.p99Millis(), format(r.cpuMillisPerCommand(), "%.2f"),
                    r.bytesPerRecord(), r.bytesPerRecordAtRest(), format(r.logLagP99Seconds(), "%.2f s"),
                    format(r.logCatchUpSeconds(), "%.2f s"), format(r.atOneMinute() == null ? null : 100 * r.atOneMinute(), "%.0f %%"));
        }
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%s, %s: commands/s per 10 s from a cold start: %s%n", r.store(), r.path(),
                    r.warmUpCurve() == null ? "-" : r.warmUpCurve().stream().map(v -> String.format(Locale.ROOT, "%.0f", v))
                            .collect(java.util.stream.Collectors.joining(" ")));
        }
        for (int i = 0; i + 1 < rows.size(); i += 2) {
            System.out.printf(Locale.ROOT, "%s: the ledger does %.2f× plain Axon's commands/s%n", rows.get(i).store(),
                    rows.get(i + 1).perSecond() / rows.get(i).perSecond());
        }
        for (Shapes s : result.shapes()) {
            System.out.printf(Locale.ROOT, "%s: a %,d-item consignment dispatched in %.2f s, received in %.2f s (another on "
                            + "the settled node: %.2f s, %.2f s); one item's "
                            + "history grown by %,d records one at a time: p50 %.1f ms in the first tenth, %.1f ms "
                            + "(p99 %.1f ms) in the last; views rebuilt from %,d records in %.2f s (%,.0f records/s)%n",
                    s.store(), s.consignmentItems(), s.dispatchSeconds(), s.receiptSeconds(), s.settledDispatchSeconds(),
                    s.settledReceiptSeconds(), s.historyRecords(),
                    s.historyFirstTenthP50Millis(), s.historyLastTenthP50Millis(), s.historyLastTenthP99Millis(),
                    s.replayRecords(), s.replaySeconds(), s.replayPerSecond());
        }
    }

    private static String format(Double value, String pattern) {
        return value == null ? "-" : String.format(Locale.ROOT, pattern, value);
    }

    public static void write(Result result, Settings settings, Path file) throws Exception {
        ObjectNode out = CanonicalJson.mapper().createObjectNode();
        out.putPOJO("settings", settings);
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("java", System.getProperty("java.version"));
        out.putPOJO("rows", result.rows());
        out.putPOJO("shapes", result.shapes());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, CanonicalJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    }
}
