package org.salwledger.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salwledger.core.crypto.SigningKey;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;

/**
 * Someone with the data dir stops the service, drops the guards and changes the store; at the next start
 * the service notices: it never rebuilds or re-signs a log it signed before (DESIGN §7.2), it refuses
 * to write behind a record the log committed to, and it reports DOWN naming what broke.
 */
abstract class IntegrityRestartContract {
    static final SigningKey ADMIN = SigningKey.generate();

    @TempDir
    Path dataDir;

    final SigningKey fnhKey = SigningKey.generate();

    /** Arguments that point the service at this test's database. */
    abstract String[] databaseArguments();

    /** A connection to the database while no service runs on it. */
    abstract Connection openDatabase() throws SQLException;

    /** What an intruder does first: the append-only guards go. */
    abstract void dropGuards(Statement sql) throws SQLException;

    @Test
    void anEmptiedLogIsNeitherRebuiltNorSignedAgain() throws Exception {
        String anchorBefore;
        try (ConfigurableApplicationContext first = start()) {
            LedgerTestClient ledger = client(first);
            ledger.register("BE-FNH", "MANUFACTURER", "BE", fnhKey);
            for (int i = 0; i < 3; i++) {
                manufacture(ledger);
            }
            awaitSigned(first);
            anchorBefore = Files.readString(dataDir.resolve("log.checkpoint"));
        }
        try (Connection db = openDatabase(); Statement sql = db.createStatement()) {
            dropGuards(sql);
            for (String table : List.of("log_leaf", "log_node", "log_checkpoint")) {
                sql.execute("TRUNCATE TABLE " + table);
            }
            sql.execute("DELETE FROM tokenentry WHERE processorname = 'transparency-log'");
        }
        try (ConfigurableApplicationContext second = start()) {
            LedgerTestClient ledger = client(second);
            LedgerTestClient.Answer health = ledger.get("/actuator/health", null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("\"DOWN\"").contains("leaves were removed");
            assertThat(ledger.get("/actuator/health/readiness", null).status()).as("not ready").isEqualTo(503);
            assertThat(ledger.get("/actuator/health/liveness", null).status()).as("alive: a restart mends nothing")
                    .isEqualTo(200);
            int events = count(second, "domainevententry");
            LedgerTestClient.Answer refused = manufactureAnswer(ledger);
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.problemType()).isEqualTo("urn:salw-ledger:problem:integrity-failure");
            Thread.sleep(3000);
            assertThat(count(second, "domainevententry")).as("nothing appended").isEqualTo(events);
            assertThat(count(second, "log_leaf")).as("the log is not rebuilt from a replay").isZero();
            assertThat(count(second, "log_checkpoint")).as("nothing signed").isZero();
            assertThat(Files.readString(dataDir.resolve("log.checkpoint"))).isEqualTo(anchorBefore);
        }
    }

    @Test
    void aStreamCutBackBehindTheLogIsNotWrittenOn() throws Exception {
        String pistol;
        try (ConfigurableApplicationContext first = start()) {
            LedgerTestClient ledger = client(first);
            ledger.register("BE-FNH", "MANUFACTURER", "BE", fnhKey);
            pistol = manufacture(ledger);
            LedgerTestClient.Answer marked = mark(ledger, pistol, "MANUFACTURE", "CUT-0001");
            assertThat(marked.status()).as(marked.body()).isEqualTo(201);
            for (int i = 0; i < 3; i++) {
                manufacture(ledger);
            }
            awaitSigned(first);
        }
        try (Connection db = openDatabase(); Statement sql = db.createStatement()) {
            dropGuards(sql);
            sql.execute("DELETE FROM domainevententry WHERE aggregateidentifier = '" + pistol + "' AND sequencenumber = 1");
        }
        // a startup check that looks only at the last two records does not reach the pistol's ...
        try (ConfigurableApplicationContext second = start("--ledger.integrity.tail-records=2")) {
            LedgerTestClient ledger = client(second);
            assertThat(ledger.get("/actuator/health", null).status()).isEqualTo(200);
            int events = count(second, "domainevententry");
            // ... but the next write on that stream would take the position the log committed to
            LedgerTestClient.Answer refused = mark(ledger, pistol, "REMARK", "AGAIN-0001");
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().path("where").asText()).isEqualTo("record " + pistol + "/1");
            assertThat(count(second, "domainevententry")).isEqualTo(events);
            assertThat(ledger.get("/actuator/health", null).body()).contains("\"DOWN\"").contains(pistol + "/1");
        }
        // the default check recomputes the log's tail and finds it at once
        try (ConfigurableApplicationContext third = start()) {
            LedgerTestClient.Answer health = client(third).get("/actuator/health", null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("(" + pistol + "/1)")
                    .contains("the log has this record but the event store does not");
        }
    }

    private ConfigurableApplicationContext start(String... more) {
        List<String> args = new ArrayList<>(List.of(databaseArguments()));
        args.addAll(List.of(more));
        return LedgerProcess.start(dataDir, ADMIN, args.toArray(String[]::new));
    }

    private static LedgerTestClient client(ConfigurableApplicationContext context) {
        return new LedgerTestClient(LedgerProcess.port(context), ADMIN);
    }

    private String manufacture(LedgerTestClient ledger) {
        LedgerTestClient.Answer made = manufactureAnswer(ledger);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("itemId").asText();
    }

    private LedgerTestClient.Answer manufactureAnswer(LedgerTestClient ledger) {
        return ledger.submit(fnhKey, "BE-FNH", command("ManufactureItem").put("kind", "WEAPON")
                .put("category", "REVOLVER_OR_SELF_LOADING_PISTOL").put("identityComponent", "FRAME")
                .put("make", "FN Herstal").put("model", "FN 509").put("calibre", "9x19mm").put("material", "POLYMER")
                .put("production", "INDUSTRIAL"));
    }

    private LedgerTestClient.Answer mark(LedgerTestClient ledger, String item, String markType, String text) {
        return ledger.submit(fnhKey, "BE-FNH", command("MarkItem").put("itemId", item).put("markType", markType)
                .put("serial", text).put("text", "FN " + text).put("component", "FRAME").put("method", "LASER"));
    }

    private static void awaitSigned(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COALESCE(MAX(tree_size), 0) FROM log_checkpoint", Integer.class) == count(context, "domainevententry"));
    }

    static int count(ConfigurableApplicationContext context, String table) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }
}
