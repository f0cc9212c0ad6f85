package org.salwledger.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PerformanceSectionTest {
    private static final Benchmark.Settings SMALL = new Benchmark.Settings(3000, 6000, 16, List.of("h2"), 100, 30, 3, "");
    private static final Benchmark.Result RESULT = new Benchmark.Result(List.of(
            new Benchmark.Row("H2", "plain Axon, in process, unsigned", 6000, 1794.4, 8.31, 21.84, null, 26003, 259, null, null,
                    List.of(900.0, 1500.0)),
            new Benchmark.Row("H2", "ledger over HTTP, signed, views and log running", 6000, 181.2, 78.8, 246.9, 9.53,
                    97132, 1865, 1.77, 0.53, List.of(60.0, 110.0, 140.0, 150.0, 160.0, 172.0, 180.0))),
            List.of(new Benchmark.Shapes("H2", 100, 0.12, 0.2, 0.08, 0.15, 30, 19.1, 7.1, 22.1, 9330, 1.5)));

    @Test
    void theSectionNamesTheCommandAndCarriesEveryFigureOfTheRun() {
        String section = PerformanceSection.render(RESULT, SMALL, "17.0.15", 2, LocalDate.parse("2026-11-29"));

        assertThat(section).contains("-Dbench.warmup=3000 -Dbench.commands=6000 -Dbench.stores=h2 "
                + "-Dbench.consignment=100 -Dbench.history=30 -Dbench.witnesses=3");
        assertThat(section).contains("| H2 | plain Axon, in process, unsigned | 1,794 | 8.3 | 21.8 | – | 26,003 | 259 | – | – | – |");
        assertThat(section).contains("| H2 | ledger over HTTP, signed, views and log running | 181 | 78.8 | 246.9 | 9.53 "
                + "| 97,132 | 1,865 | 1.77 s | 0.53 s | 95 % |");
        assertThat(section).contains("H2, the ledger from a cold start, commands/s per 10 s: 60, 110, 140, 150, 160, 172, 180.");
        assertThat(section).contains("0.10× on H2").contains("a 100-item consignment dispatched in 0.12 s")
                .contains("another on the settled node in 0.08 s and 0.15 s");
        assertThat(section).contains("its views rebuilt from all 9,330 records in 1.50 s (6,220 records/s)");
        assertThat(section).contains("2 cores, Java 17.0.15, the node on the JVM's default collector, 3,000 warm-up + "
                + "6,000 measured");
        assertThat(section).contains("-Dbench.witnesses=3 '-Dbench.node-gc='");
    }

    @Test
    void theFullRunsCommandNamesNoOverride() {
        assertThat(PerformanceSection.command(Benchmark.Settings.full()))
                .doesNotContain("-Dbench.warmup", "-Dbench.stores", "-Dbench.node-gc");
        assertThat(PerformanceSection.render(RESULT, Benchmark.Settings.full(), "17.0.15", 2, LocalDate.parse("2026-12-06")))
                .contains("Java 17.0.15, the node on `-XX:+UseParallelGC`, 40,000 warm-up");
    }

    @Test
    void readmeGetsTheSectionBetweenItsMarkersAndNothingElseChanges(@TempDir Path dir) throws Exception {
        String readme = "# x\nprose\n" + PerformanceSection.BEGIN + "\nold figures\n" + PerformanceSection.END + "\nmore prose\n";
        String once = PerformanceSection.replace(readme, "new figures\n");
        assertThat(once).isEqualTo("# x\nprose\n" + PerformanceSection.BEGIN + "\nnew figures\n" + PerformanceSection.END
                + "\nmore prose\n");
        assertThat(PerformanceSection.replace(once, "new figures\n")).isEqualTo(once);
        assertThatThrownBy(() -> PerformanceSection.replace("# no markers\n", "x")).hasMessageContaining("bench:begin");

        Path json = dir.resolve("bench-result.json");
        Benchmark.write(RESULT, SMALL, json);
        Path file = dir.resolve("README.md");
        Files.writeString(file, readme);
        PerformanceSection.main(new String[] {json.toString(), file.toString()});
        assertThat(Files.readString(file)).contains("| 181 | 78.8 |").contains("more prose").doesNotContain("old figures");
    }
}
