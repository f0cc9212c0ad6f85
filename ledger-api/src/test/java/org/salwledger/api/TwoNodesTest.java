package org.salwledger.api;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salwledger.cli.CommandSigner;
import org.salwledger.cli.LedgerCli;
import org.salwledger.core.crypto.SigningKey;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;
import static org.salwledger.api.SampleCommands.exportTo;
import static org.salwledger.api.SampleCommands.manufactureMark;
import static org.salwledger.api.SampleCommands.pistol;

/**
 * Two ledger processes on one PostgreSQL database, as a State runs them behind a load balancer:
 * both take commands, a stale aggregate cache on one cannot accept what the other's records forbid,
 * a retry is answered by whichever node gets it, the transparency log has one writer that the other
 * node replaces when it dies, and the whole ledger verifies.
 */
@Tag("crash")
class TwoNodesTest {
    private static final SigningKey ADMIN = SigningKey.generate();
    private final SigningKey fnhKey = SigningKey.generate();
    private final SigningKey cdKey = SigningKey.generate();
    private final String fnh = "BE-FNH";
    private final String cd = "CD-MOD";

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    /** Kept after the run, for a failure's post-mortem. */
    private final Path logs = Path.of("target", "two-nodes-" + System.currentTimeMillis());

    @Test
    void twoNodesServeOneLedger() throws Exception {
        java.nio.file.Files.createDirectories(logs);
        EmbeddedPostgresServer.Database database = EmbeddedPostgresServer.newDatabase();
        byte[] protection = new byte[32];
        new SecureRandom().nextBytes(protection);
        Map<String, String> environment = Map.of("SPRING_PROFILES_ACTIVE", "postgres",
                "LEDGER_DB_URL", database.url(), "LEDGER_DB_USER", database.user(),
                "LEDGER_DB_PASSWORD", database.password(), "LEDGER_LOG_PRIVATE_KEY", SigningKey.generate().seedBase64(),
                "LEDGER_PROTECTION_KEY", Base64.getEncoder().encodeToString(protection));
        ChildLedger a = ChildLedger.start(dirA, ADMIN, environment, logs.resolve("a.log"));
        ChildLedger b = ChildLedger.start(dirB, ADMIN, environment, logs.resolve("b.log"));
        try {
            LedgerTestClient nodeA = new LedgerTestClient(a.port, ADMIN);
            LedgerTestClient nodeB = new LedgerTestClient(b.port, ADMIN);
            nodeA.register(fnh, "MANUFACTURER", "BE", fnhKey);
            nodeB.register(cd, "AUTHORITY", "CD", cdKey);

            // both nodes take commands at once; every acknowledged record is there once
            List<String> items = manufactureThroughBoth(nodeA, nodeB, 40);
            assertThat(items).hasSize(40).doesNotHaveDuplicates();

            // B has loaded the item; A changes it; B cannot accept a dispatch the theft forbids
            String item = items.get(0);
            assertThat(nodeB.submit(fnhKey, fnh, manufactureMark(item, "TN")).status()).isEqualTo(201);
            LedgerTestClient.Answer theft = retryOnConflict(() -> nodeA.submit(fnhKey, fnh,
                    command("ReportStolen").put("itemId", item).put("place", "Herstal")));
            assertThat(theft.status()).as(theft.body()).isEqualTo(201);
            LedgerTestClient.Answer dispatch = retryOnConflict(() -> nodeB.submit(fnhKey, fnh, exportTo(cd, item)));
            assertThat(dispatch.problemType()).as(dispatch.body()).isEqualTo("urn:salw-ledger:problem:dispatch-refused");

            // the same transfer received through both nodes at once: one receipt, the other refused cleanly
            String transferId = nodeA.submit(fnhKey, fnh, exportTo(cd, items.get(1))).json().get("transferId").asText();
            List<LedgerTestClient.Answer> receipts = concurrently(
                    () -> nodeA.submit(cdKey, cd, command("ReceiveTransfer").put("transferId", transferId)),
                    () -> nodeB.submit(cdKey, cd, command("ReceiveTransfer").put("transferId", transferId)));
            assertThat(receipts).extracting(LedgerTestClient.Answer::status).containsOnlyOnce(201);
            // which rule refuses the loser depends on what its node had cached: each is a clean 409, nothing appended
            receipts.stream().filter(r -> r.status() != 201).forEach(r -> {
                assertThat(r.status()).as(r.body()).isEqualTo(409);
                assertThat(r.problemType()).isIn("urn:salw-ledger:problem:transfer-closed",
                        "urn:salw-ledger:problem:concurrent-modification",
                        "urn:salw-ledger:problem:item-not-in-this-transfer");
            });

            // nor refuse what A's records allow: the item received through A is in CD's custody on B too
            String received = items.get(3);
            assertThat(nodeB.submit(fnhKey, fnh, manufactureMark(received, "TN")).status()).isEqualTo(201);
            String handedOver = nodeA.submit(fnhKey, fnh, exportTo(cd, received)).json().get("transferId").asText();
            assertThat(nodeA.submit(cdKey, cd, command("ReceiveTransfer").put("transferId", handedOver)).status())
                    .isEqualTo(201);
            LedgerTestClient.Answer lost = nodeB.submit(cdKey, cd,
                    command("ReportLost").put("itemId", received).put("place", "Kinshasa armoury"));
            assertThat(lost.status()).as("a node must not judge on another node's outdated state: " + lost.body())
                    .isEqualTo(201);

            // a retry is answered with the stored answer by whichever node gets it
            String envelope = new CommandSigner(fnhKey, fnh).signToJson(manufactureMark(items.get(2), "TN"));
            LedgerTestClient.Answer first = nodeA.post("/api/v1/items/" + items.get(2) + "/marks", envelope);
            LedgerTestClient.Answer retried = nodeB.post("/api/v1/items/" + items.get(2) + "/marks", envelope);
            assertThat(first.status()).isEqualTo(201);
            assertThat(retried.body()).isEqualTo(first.body());
            assertThat(retried.header(org.salwledger.api.intake.CommandSubmitter.REPLAYED_HEADER)).contains("true");

            // both nodes serve complete reads, whichever processed the views
            String tokenB = nodeB.session(fnhKey, fnh);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(
                    nodeB.get("/api/v1/items/" + item + "/history", tokenB).json().get("events")
                            .findValuesAsText("type")).containsExactly("ItemManufactured", "ItemMarked", "ItemStolen"));

            // one log writer; kill it, and the other node takes the log over
            Connection db = DriverManager.getConnection(database.url(), database.user(), database.password());
            awaitLogCaughtUp(db);
            String writer = owner(db);
            ChildLedger writing = writer.startsWith(a.pid() + "@") ? a : b;
            ChildLedger surviving = writing == a ? b : a;
            LedgerTestClient survivor = new LedgerTestClient(surviving.port, ADMIN);
            writing.kill();
            long killed = System.nanoTime();
            assertThat(survivor.submit(fnhKey, fnh, pistol()).status()).isEqualTo(201);
            awaitLogCaughtUp(db);
            long failover = Duration.ofNanos(System.nanoTime() - killed).toMillis();
            System.out.printf("log writer failover: %d ms after SIGKILL%n", failover);
            assertThat(owner(db)).startsWith(surviving.pid() + "@");

            // the log never repeats or skips a record, and the whole ledger verifies
            assertThat(count(db, "SELECT COUNT(*) FROM log_leaf")).isEqualTo(count(db, "SELECT COUNT(*) FROM domainevententry"));
            assertThat(count(db, "SELECT COALESCE(MAX(leaf_index), -1) + 1 FROM log_leaf"))
                    .as("leaf indexes without a gap").isEqualTo(count(db, "SELECT COUNT(*) FROM log_leaf"));
            SigningKey auditorKey = SigningKey.generate();
            survivor.register("AUDITOR-1", "AUDITOR", "BE", auditorKey);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(db, "SELECT COALESCE(MAX(tree_size), 0) FROM "
                    + "log_checkpoint") >= count(db, "SELECT COUNT(*) FROM domainevententry"));
            StringWriter out = new StringWriter();
            int exit = LedgerCli.run(new PrintWriter(out, true), "verify", "--url", "http://localhost:" + surviving.port,
                    "--token", survivor.session(auditorKey, "AUDITOR-1"));
            assertThat(exit).as(out.toString()).isZero();
            db.close();
            for (String log : List.of("a.log", "b.log")) {
                assertThat(java.nio.file.Files.readAllLines(logs.resolve(log))).as("errors logged by node " + log)
                        .noneMatch(line -> line.contains(" ERROR "));
            }
        } finally {
            a.close();
            b.close();
        }
    }

    private List<String> manufactureThroughBoth(LedgerTestClient nodeA, LedgerTestClient nodeB, int count)
            throws Exception {
        List<Callable<LedgerTestClient.Answer>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LedgerTestClient node = i % 2 == 0 ? nodeA : nodeB;
            calls.add(() -> node.submit(fnhKey, fnh, pistol()));
        }
        List<String> items = new ArrayList<>();
        for (LedgerTestClient.Answer answer : concurrently(calls)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            items.add(answer.json().get("itemId").asText());
        }
        return items;
    }

    @SafeVarargs
    private static List<LedgerTestClient.Answer> concurrently(Callable<LedgerTestClient.Answer>... calls)
            throws Exception {
        return concurrently(List.of(calls));
    }

    private static List<LedgerTestClient.Answer> concurrently(List<Callable<LedgerTestClient.Answer>> calls)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<LedgerTestClient.Answer> answers = new ArrayList<>();
            for (Future<LedgerTestClient.Answer> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A node whose cached aggregate is stale answers 409 once (and forgets its cache); the client signs again. */
    private static LedgerTestClient.Answer retryOnConflict(Callable<LedgerTestClient.Answer> send) throws Exception {
        LedgerTestClient.Answer answer = send.call();
        return answer.status() == 409 && "urn:salw-ledger:problem:concurrent-modification".equals(answer.problemType())
                ? send.call() : answer;
    }

    private static void awaitLogCaughtUp(Connection db) {
        await().atMost(Duration.ofSeconds(60)).until(() -> count(db, "SELECT COUNT(*) FROM log_leaf")
                == count(db, "SELECT COUNT(*) FROM domainevententry"));
    }

    private static String owner(Connection db) throws Exception {
        try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT owner FROM tokenentry WHERE processorname = 'transparency-log'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
