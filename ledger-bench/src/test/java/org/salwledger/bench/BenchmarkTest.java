package org.salwledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.salwledger.core.crypto.CanonicalJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness itself, small (every {@code mvn test}): both paths run and report real figures. The full
 * run is {@code mvn -pl ledger-bench -am test -Dbench=full -Dtest=BenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}
 * and writes {@code ledger-bench/target/bench-result.json} (README "Performance").
 */
class BenchmarkTest {
    /** Kept when a run fails: the node's log ({store}-ledger.log) says why it refused. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void bothPathsRunAndReportFigures() throws Exception {
        Benchmark.Settings settings = new Benchmark.Settings(50, 200, 4, List.of("h2"), 100, 30, 3,
                LedgerNode.GARBAGE_COLLECTOR);
        Benchmark.Result result = Benchmark.run(settings, work);
        Benchmark.print(result, settings);
        Path json = work.resolve("result.json");
        Benchmark.write(result, settings, json);
        List<Benchmark.Row> rows = result.rows();

        assertThat(rows).extracting(Benchmark.Row::path).containsExactly("plain Axon, in process, unsigned",
                "ledger over HTTP, signed, views and log running, 3 witnesses (quorum 2)");
        for (Benchmark.Row row : rows) {
            assertThat(row.perSecond()).isPositive();
            assertThat(row.p99Millis()).isGreaterThanOrEqualTo(row.p50Millis()).isPositive();
            assertThat(row.bytesPerRecord()).isPositive();
            assertThat(row.bytesPerRecordAtRest()).isPositive();
        }
        Benchmark.Row ledger = rows.get(1);
        assertThat(ledger.cpuMillisPerCommand()).isPositive();
        assertThat(ledger.warmUpCurve()).isNotNull().allSatisfy(rate -> assertThat(rate).isNotNegative());
        assertThat(ledger.logCatchUpSeconds()).isNotNegative();
        JsonNode written = CanonicalJson.mapper().readTree(Files.readString(json));
        assertThat(written.at("/rows/1/perSecond").asDouble()).isEqualTo(ledger.perSecond());
        Benchmark.Shapes shapes = result.shapes().get(0);
        assertThat(shapes.consignmentItems()).isEqualTo(100);
        assertThat(shapes.dispatchSeconds()).isPositive();
        assertThat(shapes.receiptSeconds()).isPositive();
        assertThat(shapes.settledDispatchSeconds()).isPositive();
        assertThat(shapes.settledReceiptSeconds()).isPositive();
        assertThat(shapes.historyLastTenthP99Millis()).isGreaterThanOrEqualTo(shapes.historyLastTenthP50Millis()).isPositive();
        assertThat(written.at("/shapes/0/consignmentItems").asInt()).isEqualTo(100);
        // every record of the run: the items made, each one's dispatch and receipt (two consignments), the history grown
        assertThat(shapes.replayRecords()).isGreaterThanOrEqualTo(50 + 200 + 2 * 2 * 100 + 30);
        assertThat(shapes.replaySeconds()).isPositive();
    }

    @Test
    @EnabledIfSystemProperty(named = "bench", matches = "full")
    void fullRun() throws Exception {
        Benchmark.Settings settings = Benchmark.Settings.fromSystemProperties();
        Benchmark.Result result = Benchmark.run(settings, work);
        Benchmark.print(result, settings);
        Benchmark.write(result, settings, Path.of("target", "bench-result.json"));
        String readme = System.getProperty("bench.readme");
        if (readme != null) {
            PerformanceSection.main(new String[] {"target/bench-result.json", readme});
        }
    }

    /** README's figures again from the last full run's JSON: {@code -Dbench=readme -Dtest='BenchmarkTest#readme'}. */
    @Test
    @EnabledIfSystemProperty(named = "bench", matches = "readme")
    void readme() throws Exception {
        PerformanceSection.main(new String[] {"target/bench-result.json", System.getProperty("bench.readme", "../README.md")});
    }
}
