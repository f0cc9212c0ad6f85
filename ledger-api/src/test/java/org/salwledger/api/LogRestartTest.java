package org.salwledger.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salwledger.cli.LedgerCli;
import org.salwledger.core.crypto.SigningKey;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;

/**
 * The ledger stops while clients are appending as fast as they can and the log's writer is behind;
 * after the restart the log catches up: every record is a leaf exactly once, leaves are contiguous,
 * every acknowledged item is there, and the whole log verifies.
 */
class LogRestartTest {
    private static final SigningKey ADMIN = SigningKey.generate();

    @TempDir
    Path dataDir;


    @Test
    void theLogCatchesUpAfterARestartUnderLoadWithNoLeafMissingOrTwice() throws Exception {
        SigningKey fnhKey = SigningKey.generate();
        SigningKey auditorKey = SigningKey.generate();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        long logBehindAtStop;
        try (ConfigurableApplicationContext first = LedgerProcess.start(dataDir, ADMIN)) {
            LedgerTestClient ledger = new LedgerTestClient(LedgerProcess.port(first), ADMIN);
            ledger.register("BE-FNH", "MANUFACTURER", "BE", fnhKey);
            ledger.register("BE-AUDIT", "AUDITOR", "BE", auditorKey);
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(6);
            for (int c = 0; c < 6; c++) {
                clients.submit(() -> {
                    while (running.get()) {
                        try {
                            LedgerTestClient.Answer made = ledger.submit(fnhKey, "BE-FNH", command("ManufactureItem")
                                    .put("kind", "WEAPON").put("category", "RIFLE_OR_CARBINE").put("make", "FN Herstal")
                                    .put("model", "FNAR").put("calibre", "7.62x51mm").put("material", "METAL")
                                    .put("production", "INDUSTRIAL"));
                            if (made.status() == 201) {
                                acknowledged.add(made.json().get("itemId").asText());
                            }
                        } catch (RuntimeException stoppedUnderneath) {
                            // the server goes away mid-request: unacknowledged, so the client may not count it
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 150);
            // The log's writer stops as a crashed one would (its token where it was); appends go on.
            first.getBean(org.axonframework.config.EventProcessingConfiguration.class)
                    .eventProcessor(org.salwledger.projections.log.LogAppender.PROCESSING_GROUP)
                    .orElseThrow().shutDown();
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 300);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            logBehindAtStop = count(jdbc, "domainevententry") - count(jdbc, "log_leaf");
            assertThat(logBehindAtStop).isGreaterThanOrEqualTo(100);
            first.close();
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        try (ConfigurableApplicationContext second = LedgerProcess.start(dataDir, ADMIN)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> count(jdbc, "log_leaf") == count(jdbc, "domainevententry"));
            assertThat(jdbc.queryForObject("SELECT MAX(leaf_index) + 1 FROM log_leaf", Long.class))
                    .as("leaf indexes are contiguous").isEqualTo(count(jdbc, "log_leaf"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry e LEFT JOIN log_leaf l "
                    + "ON l.stream = e.aggregateidentifier AND l.sequence = e.sequencenumber WHERE l.leaf_index IS NULL",
                    Long.class)).as("records missing from the log").isZero();
            List<String> logged = jdbc.queryForList("SELECT stream FROM log_leaf WHERE sequence = 0", String.class);
            assertThat(logged).containsAll(acknowledged);

            LedgerTestClient ledger = new LedgerTestClient(LedgerProcess.port(second), ADMIN);
            long size = count(jdbc, "log_leaf");
            await().atMost(Duration.ofSeconds(10)).until(() -> ledger.get("/api/v1/log/checkpoint", null).body()
                    .contains("\n" + size + "\n"));
            StringWriter out = new StringWriter();
            int exit = LedgerCli.run(new PrintWriter(out, true), "verify", "--url", "http://localhost:" + LedgerProcess.port(second),
                    "--token", ledger.session(auditorKey, "BE-AUDIT"));
            assertThat(exit).as(out.toString()).isZero();
            assertThat(out.toString()).startsWith("OK log").contains("size " + size);
            System.out.printf("log restart: %d acknowledged items, log %d behind at stop, %d leaves after catch-up%n",
                    acknowledged.size(), logBehindAtStop, size);
        }
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
