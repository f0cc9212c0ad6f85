package org.salwledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salwledger.cli.CommandSigner;
import org.salwledger.core.crypto.SigningKey;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;

/** Stop and start on the same H2 file: nothing acknowledged is lost, retries stay safe. */
class RestartTest {
    private static final SigningKey ADMIN = SigningKey.generate();

    @TempDir
    Path dataDir;


    private static int eventCount(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM domainevententry", Integer.class);
    }

    @Test
    void aDataDirectoryRelativeToTheWorkingDirectoryIsAccepted() throws Exception {
        String relative = "target/relative-data-" + java.util.UUID.randomUUID();
        try (ConfigurableApplicationContext ledger = LedgerProcess.start(Path.of(relative), ADMIN)) {
            Path absolute = Path.of(relative).toAbsolutePath().normalize();
            assertThat(ledger.getEnvironment().getProperty("ledger.data-dir")).isEqualTo(absolute.toString());
            assertThat(absolute.resolve("ledger.mv.db")).exists();
            assertThat(eventCount(ledger)).isPositive();
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(Path.of(relative));
        }
    }

    /** A 9x19mm part made by BE-FNH; answers its item id. */
    private static String part(LedgerTestClient ledger, SigningKey fnhKey, String partType, String make, String model,
                               String material) {
        return ledger.submit(fnhKey, "BE-FNH", command("ManufactureItem").put("kind", "PART").put("partType", partType)
                .put("make", make).put("model", model).put("calibre", "9x19mm").put("material", material)
                .put("production", "INDUSTRIAL")).json().get("itemId").asText();
    }

    @Test
    void historyChainAndRetriesSurviveARestart() {
        SigningKey fnhKey = SigningKey.generate();
        String itemId;
        String markEnvelope;
        String markAnswer;
        int events;
        try (ConfigurableApplicationContext first = LedgerProcess.start(dataDir, ADMIN)) {
            LedgerTestClient ledger = new LedgerTestClient(LedgerProcess.port(first), ADMIN);
            ledger.register("BE-FNH", "MANUFACTURER", "BE", fnhKey);
            itemId = part(ledger, fnhKey, "FIRE_CONTROL_UNIT", "SIG Sauer", "P320 FCU", "METAL");
            markEnvelope = new CommandSigner(fnhKey, "BE-FNH").signToJson(command("MarkItem").put("itemId", itemId)
                    .put("markType", "MANUFACTURE").put("serial", "FCU-0001").put("component", "FIRE_CONTROL_UNIT")
                    .put("method", "LASER"));
            LedgerTestClient.Answer marked = ledger.post("/api/v1/items/" + itemId + "/marks", markEnvelope);
            assertThat(marked.status()).as(marked.body()).isEqualTo(201);
            markAnswer = marked.body();
            events = eventCount(first);
            // stored by domain name, so the record classes may move between packages (LedgerEventSerializer)
            assertThat(first.getBean(JdbcTemplate.class).queryForList(
                    "SELECT DISTINCT payloadType FROM domainevententry ORDER BY payloadType", String.class))
                    .containsExactly("ActorRegistered", "ItemManufactured", "ItemMarked");
        }

        try (ConfigurableApplicationContext second = LedgerProcess.start(dataDir, ADMIN)) {
            LedgerTestClient ledger = new LedgerTestClient(LedgerProcess.port(second), ADMIN);
            assertThat(eventCount(second)).as("the admin is not registered twice").isEqualTo(events);

            LedgerTestClient.Answer retried = ledger.post("/api/v1/items/" + itemId + "/marks", markEnvelope);
            assertThat(retried.status()).isEqualTo(201);
            assertThat(retried.body()).isEqualTo(markAnswer);
            assertThat(retried.header("Ledger-Replayed")).contains("true");
            assertThat(eventCount(second)).isEqualTo(events);

            String token = ledger.session(fnhKey, "BE-FNH");
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(
                    ledger.get("/api/v1/items/" + itemId + "/history", token).json().get("events").findValuesAsText("type"))
                    .containsExactly("ItemManufactured", "ItemMarked"));
            JsonNode chain = ledger.get("/api/v1/items/" + itemId + "/chain", token).json();
            ChainCheck.verify(chain, Map.of(fnhKey.keyId(), fnhKey.publicKey()));

            LedgerTestClient.Answer more = ledger.submit(fnhKey, "BE-FNH", command("MarkItem").put("itemId", itemId)
                    .put("markType", "REMARK").put("text", "SERVICE 2027").put("component", "FIRE_CONTROL_UNIT")
                    .put("method", "DOT_PEEN"));
            assertThat(more.status()).as(more.body()).isEqualTo(201);
            assertThat(more.json().get("records").get(0).get("sequence").asLong()).isEqualTo(2);
        }
    }

    @Test
    void aNodeStartedWithViewsRebuildProjectsEveryRecordAgainAndIsReadyOnceDoneOrAgainIfCutShort() {
        SigningKey fnhKey = SigningKey.generate();
        String itemId;
        java.util.List<Map<String, Object>> views;
        try (ConfigurableApplicationContext first = LedgerProcess.start(dataDir, ADMIN)) {
            LedgerTestClient ledger = new LedgerTestClient(LedgerProcess.port(first), ADMIN);
            ledger.register("BE-FNH", "MANUFACTURER", "BE", fnhKey);
            itemId = part(ledger, fnhKey, "FRAME", "FN Herstal", "509 frame", "POLYMER");
            String id = itemId;
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM item_view WHERE item_id = ?", Integer.class, id) == 1);
            views = jdbc.queryForList("SELECT * FROM item_view");
            assertThat(new LedgerTestClient(LedgerProcess.port(first), ADMIN).get("/actuator/health", null).json()
                    .at("/components/viewsRebuild/details/rebuilt").asBoolean(true)).isFalse();
        }

        try (ConfigurableApplicationContext second = LedgerProcess.start(dataDir, ADMIN, "--ledger.views.rebuild=true")) {
            LedgerTestClient ledger = new LedgerTestClient(LedgerProcess.port(second), ADMIN);
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger.get("/actuator/health/readiness", null).status() == 200);
            JsonNode rebuilt = ledger.get("/actuator/health", null).json().at("/components/viewsRebuild");
            assertThat(rebuilt.get("status").asText()).isEqualTo("UP");
            assertThat(rebuilt.at("/details/records").asInt()).isEqualTo(eventCount(second));
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT * FROM item_view")).isEqualTo(views);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM view_rebuild", Integer.class)).isZero();
            // what a node stopped mid-rebuild leaves on H2: the rebuild noted, the views emptied, their tokens
            // still where they were (H2 committed at the TRUNCATE, the tokens' reset never came)
            jdbc.update("INSERT INTO view_rebuild (id, started_at) VALUES (1, CURRENT_TIMESTAMP)");
            jdbc.update("TRUNCATE TABLE item_view");
        }

        try (ConfigurableApplicationContext third = LedgerProcess.start(dataDir, ADMIN)) {
            LedgerTestClient ledger = new LedgerTestClient(LedgerProcess.port(third), ADMIN);
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger.get("/actuator/health/readiness", null).status() == 200);
            assertThat(ledger.get("/actuator/health", null).json().at("/components/viewsRebuild/details/records").asInt())
                    .as("rebuilt again without being asked").isEqualTo(eventCount(third));
            JdbcTemplate jdbc = third.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT * FROM item_view")).isEqualTo(views);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM view_rebuild", Integer.class)).isZero();
        }

        // another node holds the views' segments: a rebuild asked for fails the start and leaves no note behind,
        // so the nodes started after it do not try to rebuild
        try (ConfigurableApplicationContext fourth = LedgerProcess.start(dataDir, ADMIN)) {
            fourth.getBean(JdbcTemplate.class).update("UPDATE tokenentry SET owner = 'another-node', timestamp = ? "
                    + "WHERE processorname = 'ledger-views'", Instant.now().plus(Duration.ofHours(1)).toString());
        }
        assertThatThrownBy(() -> LedgerProcess.start(dataDir, ADMIN,
                "--ledger.views.rebuild=true")).hasStackTraceContaining("UnableToClaimTokenException");
        try (ConfigurableApplicationContext fifth = LedgerProcess.start(dataDir, ADMIN)) {
            assertThat(fifth.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM view_rebuild",
                    Integer.class)).isZero();
            assertThat(new LedgerTestClient(LedgerProcess.port(fifth), ADMIN).get("/actuator/health", null).json()
                    .at("/components/viewsRebuild/details/rebuilt").asBoolean(true)).isFalse();
        }
    }
}
