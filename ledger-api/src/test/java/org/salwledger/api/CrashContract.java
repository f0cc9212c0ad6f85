package org.salwledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salwledger.cli.LedgerCli;
import org.salwledger.core.crypto.SigningKey;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;

/**
 * Nothing acknowledged is lost (DESIGN §7.1): the service runs as its own process under concurrent
 * signed load and is killed with SIGKILL at random moments; after each restart every record that was
 * answered 2xx is still there, and at the end the log holds exactly the records and verifies.
 */
@org.junit.jupiter.api.Tag("crash")
abstract class CrashContract {
    private static final int KILLS = 3;
    private static final int CLIENTS = 6;
    private static final SigningKey ADMIN = SigningKey.generate();

    @TempDir
    Path dataDir;

    /** How the child process reaches its database (empty for the embedded H2 file in the data dir). */
    abstract Map<String, String> environment();

    /** A connection to the same database, opened while no ledger process runs. */
    abstract Connection openDatabase() throws SQLException;

    @Test
    void everyAcknowledgedRecordSurvivesSigkillUnderLoad() throws Exception {
        long seed = System.nanoTime();
        try {
            killRepeatedlyUnderLoad(seed);
        } catch (AssertionError | RuntimeException failure) {
            keepEvidence(seed);
            throw failure;
        }
    }

    /**
     * An operator's stop (SIGTERM) under load: the requests in flight finish, none answered 500 because the
     * database closed under it (H2 closes its database from a JVM shutdown hook of its own unless told not
     * to), the node releases its claims on the processors' segments on the way out, so a node started next
     * takes them over at once, and every acknowledged record is there.
     */
    @Test
    void aStopUnderLoadFinishesWhatIsInFlightAndReleasesTheSegments() throws Exception {
        Path log = dataDir.resolve("service.log");
        SigningKey fnhKey = SigningKey.generate();
        SigningKey auditorKey = SigningKey.generate();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> refusals = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        // closed twice when all goes well (SIGTERM, then nothing left to stop); once if the load never came
        try (ChildLedger child = ChildLedger.start(dataDir, ADMIN, environment(), log)) {
            LedgerTestClient ledger = new LedgerTestClient(child.port, ADMIN);
            registerMakerAndAuditor(ledger, fnhKey, auditorKey);
            AtomicInteger answered = new AtomicInteger();
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> appendUntilStopped(ledger, fnhKey, running, acknowledged, answered,
                        new AtomicInteger(), refusals));
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> answered.get() >= 40);
            child.close();
        } finally {
            running.set(false);
            clients.shutdown();
        }
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(refusals).as("answers other than 2xx while the node stopped").noneMatch(r -> r.startsWith("500 "));
        assertThat(Files.readString(log)).as("service log %s", log).doesNotContain("Database is already closed");
        try (Connection db = openDatabase(); Statement sql = db.createStatement()) {
            assertThat(count(sql, "SELECT COUNT(*) FROM tokenentry WHERE owner IS NOT NULL"))
                    .as("segments still claimed by the stopped node").isZero();
        }
        try (ChildLedger again = ChildLedger.start(dataDir, ADMIN, environment(), log)) {
            LedgerTestClient restarted = new LedgerTestClient(again.port, ADMIN);
            assertAllPresent(again, restarted, restarted.session(auditorKey, "BE-AUDIT"), acknowledged, log);
        }
        System.out.printf("stop under load (%s): %d acknowledged records all present, refusals %s%n",
                getClass().getSimpleName(), acknowledged.size(), refusals);
    }

    /**
     * A checkpoint is signed only over leaves already in the database's files. H2 keeps commits in memory for up
     * to half a second; the log's leaves are commits nobody is answered for, so they wait, and a node killed the
     * moment a checkpoint covered one would restart with fewer leaves than it signed (and refuse, health DOWN).
     * So the node has them written before it signs: each round kills it as soon as a checkpoint covering a new
     * record is served, and the next start must find its log whole. A session opened just before the kill is
     * the same kind of write (answered, outside the command writer): its token must still open reads after.
     */
    @Test
    void aNodeKilledAsItServesANewCheckpointRestartsWithEveryLeafItSignedAndSessionItOpened() throws Exception {
        Path log = dataDir.resolve("service.log");
        SigningKey fnhKey = SigningKey.generate();
        SigningKey auditorKey = SigningKey.generate();
        long signed = 0;
        String token = null;
        String itemId = null;
        for (int round = 0; round <= KILLS; round++) {
            // starting waits for health UP, which the startup integrity check turns DOWN for a log shorter than signed;
            // closed (SIGTERM) only if an assertion stops the round before its SIGKILL
            try (ChildLedger child = ChildLedger.start(dataDir, ADMIN, environment(), log)) {
                LedgerTestClient ledger = new LedgerTestClient(child.port, ADMIN);
                if (round == 0) {
                    registerMakerAndAuditor(ledger, fnhKey, auditorKey);
                } else {
                    LedgerTestClient.Answer read = ledger.get("/api/v1/items/" + itemId + "/chain", token);
                    assertThat(read.status()).as("a read with the session opened just before the kill: %s", read.body())
                            .isEqualTo(200);
                }
                long before = awaitSteadyCheckpoint(ledger);
                assertThat(before).as("checkpoint after restart %d (service log: %s)", round, log)
                        .isGreaterThanOrEqualTo(signed);
                if (round == KILLS) {
                    break;
                }
                LedgerTestClient.Answer made = ledger.submit(fnhKey, "BE-FNH", command("ManufactureItem")
                        .put("kind", "WEAPON").put("category", "RIFLE_OR_CARBINE").put("make", "FN Herstal")
                        .put("model", "SCAR-L").put("calibre", "5.56x45mm").put("material", "METAL")
                        .put("production", "INDUSTRIAL"));
                assertThat(made.status()).as(made.body()).isEqualTo(201);
                itemId = made.json().get("itemId").asText();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (signed <= before && System.nanoTime() < deadline) {
                    signed = checkpointSize(ledger);
                }
                token = ledger.session(auditorKey, "BE-AUDIT");
                child.kill();
                assertThat(signed).as("a checkpoint covering the new record").isGreaterThan(before);
            }
        }
    }

    /** A failure here is rare and matters: the data dir and service log stay for whoever looks next. */
    private void keepEvidence(long seed) throws java.io.IOException {
        Path evidence = Path.of("target", "crash-evidence", getClass().getSimpleName() + "-" + seed);
        Files.createDirectories(evidence);
        try (var files = Files.walk(dataDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = evidence.resolve(dataDir.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        System.out.println("crash test evidence kept in " + evidence.toAbsolutePath());
    }

    private void killRepeatedlyUnderLoad(long seed) throws Exception {
        Random random = new Random(seed);
        Path log = dataDir.resolve("service.log");
        SigningKey fnhKey = SigningKey.generate();
        SigningKey auditorKey = SigningKey.generate();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        int killedInFlight = 0;

        for (int round = 0; round < KILLS; round++) {
            ChildLedger child = ChildLedger.start(dataDir, ADMIN, environment(), log);
            LedgerTestClient ledger = new LedgerTestClient(child.port, ADMIN);
            if (round == 0) {
                registerMakerAndAuditor(ledger, fnhKey, auditorKey);
            } else {
                assertAllPresent(child, ledger, ledger.session(auditorKey, "BE-AUDIT"), acknowledged, log);
            }
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger thisRound = new AtomicInteger();
            AtomicInteger inFlightLost = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> appendUntilStopped(ledger, fnhKey, running, acknowledged, thisRound, inFlightLost,
                        ConcurrentHashMap.newKeySet()));
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> thisRound.get() >= 40);
            Thread.sleep(random.nextInt(1500));
            child.kill();
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            killedInFlight += inFlightLost.get();
        }

        long size = 0;
        // A record committed but never answered (cut by a kill) must reach the log too, but a steady checkpoint
        // does not prove it did: once on H2 the log writer was held ~10 s by a lock after recovery (issue 10) and
        // appended it only as the service stopped. So: stop, count in the database, and if the log is short,
        // start again (at most twice more) and let it catch up.
        for (int start = 0; start < 3; start++) {
            try (ChildLedger child = ChildLedger.start(dataDir, ADMIN, environment(), log)) {
                LedgerTestClient ledger = new LedgerTestClient(child.port, ADMIN);
                String token = ledger.session(auditorKey, "BE-AUDIT");
                size = assertAllPresent(child, ledger, token, acknowledged, log);
            }
            try (Connection db = openDatabase(); Statement sql = db.createStatement()) {
                long events = count(sql, "SELECT COUNT(*) FROM domainevententry");
                long leaves = count(sql, "SELECT COUNT(*) FROM log_leaf");
                if (leaves == events && size == events) {
                    break;
                }
                System.out.printf("crash test: after start %d the log holds %d leaves, checkpoint %d, of %d records%n",
                        start, leaves, size, events);
            }
        }
        try (Connection db = openDatabase(); Statement sql = db.createStatement()) {
            long events = count(sql, "SELECT COUNT(*) FROM domainevententry");
            assertThat(count(sql, "SELECT COUNT(*) FROM log_leaf")).as("leaves").isEqualTo(events);
            assertThat(count(sql, "SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM log_leaf")).isEqualTo(events);
            assertThat(count(sql, "SELECT COUNT(*) FROM domainevententry e LEFT JOIN log_leaf l ON l.stream = "
                    + "e.aggregateidentifier AND l.sequence = e.sequencenumber WHERE l.leaf_index IS NULL"))
                    .as("records missing from the log").isZero();
            assertThat(size).as("the last checkpoint covers every record").isEqualTo(events);
        }
        System.out.printf("crash test (%s, seed %d): %d kills, %d acknowledged records all present, %d requests cut "
                + "by the kills, log of %d records verifies%n", getClass().getSimpleName(), seed, KILLS,
                acknowledged.size(), killedInFlight, size);
    }

    /** The actors every test's load and reads use: a manufacturer (BE-FNH) and an auditor (BE-AUDIT). */
    private static void registerMakerAndAuditor(LedgerTestClient ledger, SigningKey maker, SigningKey auditor) {
        ledger.register("BE-FNH", "MANUFACTURER", "BE", maker);
        ledger.register("BE-AUDIT", "AUDITOR", "BE", auditor);
    }

    /** Manufactures items and marks them, as fast as the ledger answers; keeps the hash of every 201 record. */
    private static void appendUntilStopped(LedgerTestClient ledger, SigningKey key, AtomicBoolean running,
                                           Set<String> acknowledged, AtomicInteger thisRound, AtomicInteger lost,
                                           Set<String> refusals) {
        while (running.get()) {
            try {
                LedgerTestClient.Answer made = ledger.submit(key, "BE-FNH", command("ManufactureItem")
                        .put("kind", "WEAPON").put("category", "RIFLE_OR_CARBINE").put("make", "FN Herstal")
                        .put("model", "SCAR-L").put("calibre", "5.56x45mm").put("material", "METAL")
                        .put("production", "INDUSTRIAL"));
                if (!acknowledge(made, acknowledged, thisRound, refusals)) {
                    continue;
                }
                String itemId = made.json().get("itemId").asText();
                acknowledge(ledger.submit(key, "BE-FNH", command("MarkItem").put("itemId", itemId)
                        .put("markType", "MANUFACTURE").put("serial", "SCAR-" + itemId.substring(0, 13))
                        .put("component", "RECEIVER").put("method", "LASER")), acknowledged, thisRound, refusals);
            } catch (AssertionError | RuntimeException cutByTheKill) {
                // no answer: unacknowledged, so the client may not count it
                lost.incrementAndGet();
            }
        }
    }

    private static boolean acknowledge(LedgerTestClient.Answer answer, Set<String> acknowledged, AtomicInteger round,
                                       Set<String> refusals) {
        if (answer.status() / 100 != 2) {
            refusals.add(answer.status() + " " + answer.body());
            return false;
        }
        answer.json().get("records").forEach(record -> acknowledged.add(record.get("hash").asText()));
        round.incrementAndGet();
        return true;
    }

    /**
     * Once the restarted log has caught up, every acknowledged record is a verified record of the export
     * (the export serves each leaf's record as the event store holds it). Returns the log size.
     */
    private long assertAllPresent(ChildLedger child, LedgerTestClient ledger, String token, Set<String> acknowledged,
                                  Path log) throws Exception {
        Set<String> missing = new HashSet<>(acknowledged);
        long size = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        // a steady checkpoint is not yet a caught-up log (the log's writer may still be starting): look again
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            size = awaitSteadyCheckpoint(ledger);
            Path export = Files.createTempFile(dataDir, "export", ".jsonl");
            StringWriter out = new StringWriter();
            int exit = LedgerCli.run(new PrintWriter(out, true), "verify", "--url", "http://localhost:" + child.port,
                    "--token", token, "--save", export.toString());
            assertThat(exit).as(out.toString()).isZero();
            missing.removeAll(exportedRecordHashes(export));
            Files.delete(export);
        }
        assertThat(missing).as("acknowledged records lost of %d (service log: %s)", acknowledged.size(), log).isEmpty();
        return size;
    }

    /** Steady: published, and unchanged over five checkpoint intervals (ChildLedger signs every 0.2 s). */
    private static long awaitSteadyCheckpoint(LedgerTestClient ledger) throws InterruptedException {
        long previous = -1;
        while (true) {
            long size = checkpointSize(ledger);
            if (size == previous && size >= 0) {
                return size;
            }
            previous = size;
            Thread.sleep(1000);
        }
    }

    /** The published checkpoint's size; -1 while none is published yet (404 no-checkpoint). */
    private static long checkpointSize(LedgerTestClient ledger) {
        LedgerTestClient.Answer note = ledger.get("/api/v1/log/checkpoint", null);
        if (note.status() == 404) {
            return -1;
        }
        assertThat(note.status()).as(note.body()).isEqualTo(200);
        return Long.parseLong(note.body().split("\n")[1]);
    }

    private static Set<String> exportedRecordHashes(Path export) throws Exception {
        Set<String> hashes = new HashSet<>();
        try (BufferedReader lines = Files.newBufferedReader(export)) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode json = LedgerTestClient.json(line);
                if ("record".equals(json.path("kind").asText())) {
                    hashes.add(json.path("hash").asText());
                }
            }
        }
        return hashes;
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
