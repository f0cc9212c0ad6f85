package org.salwledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * README's "Performance" figures, generated from one run: the command that produced them, the table, the
 * ratios and the work shapes, written between {@code <!-- bench:begin -->} and {@code <!-- bench:end -->} so
 * the prose around them never carries a figure that the run did not.
 */
public final class PerformanceSection {
    static final String BEGIN = "<!-- bench:begin -->";
    static final String END = "<!-- bench:end -->";

    private PerformanceSection() {}

    /** The Markdown of a run, naming the command (with every setting that differs from the full run's). */
    public static String render(Benchmark.Result result, Benchmark.Settings settings, String java, int cores,
                                LocalDate date) {
        StringBuilder md = new StringBuilder();
        md.append("Latest output (").append(cores).append(" cores, Java ").append(java).append(", ")
                .append(settings.nodeGc() == null ? "" : collector(settings) + ", ")
                .append(String.format(Locale.ROOT, "%,d", settings.warmup())).append(" warm-up + ")
                .append(String.format(Locale.ROOT, "%,d", settings.commands()))
                .append(" measured `ManufactureItem` per path, ").append(settings.clients()).append(" clients")
                .append(settings.witnesses() > 0 ? ", " + settings.witnesses() + " witnesses" : "")
                .append("; ").append(date).append("):\n\n```sh\n").append(command(settings)).append("\n```\n\n");
        md.append("| store | path | commands/s | p50 ms | p99 ms | service CPU ms/command | bytes on disk/record, running "
                + "| at rest | log lag p99 | log catch-up | at 60 s from cold |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Benchmark.Row r : result.rows()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %.1f | %.1f | %s | %,.0f | %,.0f | %s | %s | %s |%n",
                    r.store(), r.path(), r.perSecond(), r.p50Millis(), r.p99Millis(),
                    orDash(r.cpuMillisPerCommand(), "%.2f"), r.bytesPerRecord(), r.bytesPerRecordAtRest(),
                    orDash(r.logLagP99Seconds(), "%.2f s"), orDash(r.logCatchUpSeconds(), "%.2f s"),
                    orDash(r.atOneMinute() == null ? null : 100 * r.atOneMinute(), "%.0f %%")));
        }
        md.append('\n');
        for (Benchmark.Row r : result.rows()) {
            if (r.warmUpCurve() != null && r.cpuMillisPerCommand() != null) {
                md.append(String.format(Locale.ROOT, "%s, the ledger from a cold start, commands/s per 10 s: %s.%n",
                        r.store(), r.warmUpCurve().stream().map(v -> String.format(Locale.ROOT, "%,.0f", v))
                                .collect(Collectors.joining(", "))));
            }
        }
        md.append('\n');
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i + 1 < result.rows().size(); i += 2) {
            ratios.add(String.format(Locale.ROOT, "%.2f× on %s", result.rows().get(i + 1).perSecond()
                    / result.rows().get(i).perSecond(), result.rows().get(i).store()));
        }
        md.append("The ledger does ").append(String.join(" and ", ratios)).append(" of plain Axon's commands/s.");
        for (Benchmark.Shapes s : result.shapes()) {
            md.append(String.format(Locale.ROOT, " %s: a %,d-item consignment dispatched in %.2f s and received in %.2f s "
                            + "right after (the views and the log still projecting the dispatch), another on the settled "
                            + "node in %.2f s and %.2f s; "
                            + "one item's history grown by %,d records one at a time, p50 %.1f ms in the first tenth and "
                            + "%.1f ms (p99 %.1f ms) in the last; its views rebuilt from all %,d records in %.2f s "
                            + "(%,.0f records/s).", s.store(), s.consignmentItems(),
                    s.dispatchSeconds(), s.receiptSeconds(), s.settledDispatchSeconds(), s.settledReceiptSeconds(),
                    s.historyRecords(), s.historyFirstTenthP50Millis(),
                    s.historyLastTenthP50Millis(), s.historyLastTenthP99Millis(), s.replayRecords(), s.replaySeconds(),
                    s.replayPerSecond()));
        }
        return md.append('\n').toString();
    }

    static String command(Benchmark.Settings settings) {
        Benchmark.Settings full = Benchmark.Settings.full();
        StringBuilder command = new StringBuilder("mvn -B -pl ledger-bench test -Dbench=full -Dtest='BenchmarkTest#fullRun' "
                + "-Dsurefire.failIfNoSpecifiedTests=false");
        if (settings.warmup() != full.warmup()) {
            command.append(" -Dbench.warmup=").append(settings.warmup());
        }
        if (settings.commands() != full.commands()) {
            command.append(" -Dbench.commands=").append(settings.commands());
        }
        if (settings.clients() != full.clients()) {
            command.append(" -Dbench.clients=").append(settings.clients());
        }
        if (!settings.stores().equals(full.stores())) {
            command.append(" -Dbench.stores=").append(String.join(",", settings.stores()));
        }
        if (settings.consignment() != full.consignment()) {
            command.append(" -Dbench.consignment=").append(settings.consignment());
        }
        if (settings.history() != full.history()) {
            command.append(" -Dbench.history=").append(settings.history());
        }
        if (settings.witnesses() != full.witnesses()) {
            command.append(" -Dbench.witnesses=").append(settings.witnesses());
        }
        if (settings.nodeGc() != null && !settings.nodeGc().equals(full.nodeGc())) {
            command.append(" '-Dbench.node-gc=").append(settings.nodeGc()).append('\'');
        }
        return command.toString();
    }

    /** The file with the text between the markers replaced by {@code section}. */
    public static String replace(String readme, String section) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("README has no '" + BEGIN + "' … '" + END + "' section to write the figures in");
        }
        return readme.substring(0, begin + BEGIN.length()) + "\n" + section + readme.substring(end);
    }

    /**
     * Writes a run's figures into README: {@code PerformanceSection ledger-bench/target/bench-result.json README.md}
     * (the date is the result file's).
     */
    public static void main(String[] args) throws Exception {
        Path json = Path.of(args.length > 0 ? args[0] : "ledger-bench/target/bench-result.json");
        Path readme = Path.of(args.length > 1 ? args[1] : "README.md");
        com.fasterxml.jackson.databind.JsonNode run = org.salwledger.core.crypto.CanonicalJson.mapper().readTree(json.toFile());
        var mapper = org.salwledger.core.crypto.CanonicalJson.mapper();
        Benchmark.Settings settings = mapper.treeToValue(run.get("settings"), Benchmark.Settings.class);
        Benchmark.Result result = new Benchmark.Result(
                List.of(mapper.treeToValue(run.get("rows"), Benchmark.Row[].class)),
                List.of(mapper.treeToValue(run.get("shapes"), Benchmark.Shapes[].class)));
        LocalDate date = java.time.LocalDate.ofInstant(Files.getLastModifiedTime(json).toInstant(), java.time.ZoneOffset.UTC);
        String section = render(result, settings, run.get("java").asText(), run.get("cores").asInt(), date);
        Files.writeString(readme, replace(Files.readString(readme), section));
        System.out.print(section);
    }

    /** The node's collector, as the run's header names it (a result saved before the setting existed has none). */
    static String collector(Benchmark.Settings settings) {
        return settings.nodeGc().isEmpty() ? "the node on the JVM's default collector"
                : "the node on `" + settings.nodeGc() + "`";
    }

    private static String orDash(Double value, String pattern) {
        return value == null ? "–" : String.format(Locale.ROOT, pattern, value);
    }
}
