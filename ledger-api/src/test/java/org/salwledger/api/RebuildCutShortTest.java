package org.salwledger.api;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salwledger.core.crypto.SigningKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild cut short while its replay is part way through the records, by SIGTERM and then by SIGKILL: each time the
 * note stays, the next start rebuilds again, and the views end whole. On PostgreSQL, a server of its own, so the test
 * watches the views fill while the node runs.
 */
@Tag("crash")
class RebuildCutShortTest {
    private static final SigningKey ADMIN = SigningKey.generate();
    /** Three of the replay's batches and more. */
    private static final int ITEMS = 3_000;

    private final EmbeddedPostgresServer.Database database = EmbeddedPostgresServer.newDatabase();

    @TempDir
    Path dataDir;

    @Test
    void aRebuildStoppedOrKilledPartWayIsDoneAgainAtTheNextStart() throws Exception {
        Path log = dataDir.resolve("service.log");
        try (ChildLedger first = ChildLedger.start(dataDir, ADMIN, environment(false), log)) {
            LedgerTestClient ledger = new LedgerTestClient(first.port, ADMIN);
            SigningKey maker = SigningKey.generate();
            ledger.register("BE-FNH", "MANUFACTURER", "BE", maker);
            ledger.submitAll(maker, "BE-FNH", ITEMS, i -> SampleCommands.pistol(), "itemId");
            await().atMost(Duration.ofSeconds(60)).until(() -> count("item_view") == ITEMS);
        }

        ChildLedger stopped = ChildLedger.launch(dataDir, ADMIN, environment(true), log);
        awaitReplayPartWay(log, 1);
        stopped.close();
        assertThat(stopped.exitCode()).as("stopped by its SIGTERM, not killed after waiting (service log %s)", log)
                .isEqualTo(143);
        assertThat(count("view_rebuild")).as("the note of a rebuild stopped part way").isEqualTo(1);

        // no flag: the note alone makes this start rebuild
        ChildLedger killed = ChildLedger.launch(dataDir, ADMIN, environment(false), log);
        awaitReplayPartWay(log, 2);
        killed.kill();
        assertThat(count("view_rebuild")).as("the note of a rebuild killed part way").isEqualTo(1);

        try (ChildLedger again = ChildLedger.start(dataDir, ADMIN, environment(false), log)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> count("view_rebuild") == 0);
            assertThat(count("item_view")).isEqualTo(ITEMS);
        }
        String service = Files.readString(log);
        assertThat(service.split("did not finish", -1)).as("rebuilt again at the second and third start").hasSize(3);
        assertThat(service).contains("Views rebuilt: ");
    }

    /**
     * The {@code rebuild}th rebuild began, emptied the views and committed some of its batches but not all: the views
     * hold some items and not every one.
     */
    private void awaitReplayPartWay(Path log, int rebuild) {
        Duration limit = Duration.ofSeconds(120);
        Duration often = Duration.ofMillis(5);
        await().atMost(limit).pollInterval(often).until(() -> Files.readString(log)
                .split("Rebuilding the views from the event store", -1).length > rebuild);
        await().atMost(limit).pollInterval(often).until(() -> count("item_view") == 0);
        await().atMost(limit).pollInterval(often).until(() -> {
            long items = count("item_view");
            return items > 0 && items < ITEMS;
        });
    }

    private Map<String, String> environment(boolean rebuild) {
        Map<String, String> environment = new HashMap<>(Map.of("SPRING_PROFILES_ACTIVE", "postgres",
                "LEDGER_DB_URL", database.url(), "LEDGER_DB_USER", database.user(),
                "LEDGER_DB_PASSWORD", database.password()));
        if (rebuild) {
            environment.put("LEDGER_VIEWS_REBUILD", "true");
        }
        return environment;
    }

    private long count(String table) throws SQLException {
        try (Connection db = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
