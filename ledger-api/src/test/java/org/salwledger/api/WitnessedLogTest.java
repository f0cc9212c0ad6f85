package org.salwledger.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salwledger.cli.LedgerCli;
import org.salwledger.core.crypto.SigningKey;
import org.salwledger.core.log.Checkpoint;
import org.salwledger.core.log.MerkleTree;
import org.salwledger.core.log.SignedNote;
import org.salwledger.core.witness.AddCheckpoint;
import org.salwledger.core.witness.WitnessPolicy;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;

/**
 * The ledger with three witnesses (C2SP tlog-witness over HTTP, `ledger witness`'s server) and a policy of
 * two of three: checkpoints are published once cosigned by the quorum; one witness down blocks neither
 * writes nor publication and shows as lag; a fork signed with the log key is refused by every witness;
 * a restarted witness keeps its state and cosigns again; verifiers enforce the policy.
 */
class WitnessedLogTest {
    private static final SigningKey ADMIN = SigningKey.generate();
    private static final SigningKey LOG_KEY = SigningKey.generate();
    private static final String ORIGIN = TestWitnesses.ORIGIN;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private TestWitnesses witnesses;

    @AfterEach
    void stopWitnesses() {
        if (witnesses != null) {
            witnesses.close();
        }
    }

    private static String name(int i) {
        return TestWitnesses.name(i);
    }

    @Test
    void aQuorumOfWitnessesPublishesCheckpointsAndEveryWitnessRefusesAFork() throws Exception {
        witnesses = new TestWitnesses(3, LOG_KEY, dir);
        Path policyFile = Files.writeString(dir.resolve("witnesses.policy"), witnesses.policy(2));
        WitnessPolicy policy = WitnessPolicy.parse(witnesses.policy(2));
        try (ConfigurableApplicationContext ledger = LedgerProcess.start(dir.resolve("data"), ADMIN,
                "--ledger.log.private-key=" + LOG_KEY.seedBase64(), "--ledger.log.witness-policy=" + policyFile)) {
            int port = LedgerProcess.port(ledger);
            LedgerTestClient client = new LedgerTestClient(port, ADMIN);
            JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
            SigningKey fnh = SigningKey.generate();
            client.register("BE-FNH", "MANUFACTURER", "BE", fnh);

            // 1. all three up: every acknowledged record is soon under a checkpoint the three cosigned
            List<Long> latencies = new ArrayList<>();
            String item = null;
            for (int i = 0; i < 8; i++) {
                item = manufacture(client, fnh);
                long acknowledged = System.nanoTime();
                String made = item;
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                        .until(() -> published(client).map(n -> covers(jdbc, n, made)).orElse(false));
                latencies.add((System.nanoTime() - acknowledged) / 1_000_000);
            }
            latencies.sort(null);
            System.out.println("acknowledgement to a checkpoint cosigned by the quorum, 8 sequential writes, ms: p50 "
                    + latencies.get(3) + ", max " + latencies.get(7) + " " + latencies);
            String item1 = item;
            await().atMost(Duration.ofSeconds(20)).until(() -> policy.cosigners(published(client).orElseThrow()).size() == 3);

            // verifiers enforce the policy
            Path record = Files.write(dir.resolve("record.json"), jdbc.queryForObject(
                    "SELECT record FROM log_leaf WHERE stream = ? AND sequence = 0", byte[].class, item1));
            String url = "http://localhost:" + port;
            assertThat(cli(0, "verify-inclusion", "--record", record.toString(), "--url", url, "--witness-policy",
                    policyFile.toString())).contains("cosigned by witness.example/w1, witness.example/w2, witness.example/w3");
            Path strangers = Files.writeString(dir.resolve("strangers.policy"), "witness "
                    + org.salwledger.core.witness.Cosignature.verifierKey("witness.example/other", SigningKey.generate()).encode() + "\nquorum 1\n");
            assertThat(cli(1, "verify-inclusion", "--record", record.toString(), "--url", url, "--witness-policy",
                    strangers.toString())).startsWith("NOT VERIFIED: the checkpoint does not meet the witness policy: "
                    + "the checkpoint is cosigned by 0 of the 1 witnesses the policy requires");

            // 2. one witness down: writes go on, checkpoints are still published by the other two, its lag grows
            witnesses.stop(2);
            String item2 = manufacture(client, fnh);
            await().atMost(Duration.ofSeconds(20)).until(() -> published(client).map(n -> covers(jdbc, n, item2)).orElse(false));
            assertThat(policy.cosigners(published(client).orElseThrow()))
                    .containsExactly("witness.example/w1", "witness.example/w2");
            await().atMost(Duration.ofSeconds(10)).until(() -> lag(client, 2) > 0);
            assertThat(lag(client, 0)).isZero();

            // 3. a fork signed with the log key (history rewritten under leaf 0) is refused by every witness
            long size = Checkpoint.parse(SignedNote.split(published(client).orElseThrow()).text()).size();
            List<byte[]> leaves = new ArrayList<>(jdbc.queryForList(
                    "SELECT leaf_hash FROM log_leaf WHERE leaf_index < ? ORDER BY leaf_index", byte[].class, size));
            leaves.set(0, new byte[32]);
            MerkleTree sameSize = new MerkleTree(leaves);
            String sameSizeFork = SignedNote.sign(new Checkpoint(ORIGIN, size, sameSize.root(size)).text(), ORIGIN, LOG_KEY);
            leaves.add(new byte[32]);
            MerkleTree fork = new MerkleTree(leaves);
            String forged = SignedNote.sign(new Checkpoint(ORIGIN, size + 1, fork.root(size + 1)).text(), ORIGIN, LOG_KEY);
            witnesses.start(2);
            for (int i = 0; i < 3; i++) {
                // w3 was down: it is behind, so the fork of its size is an extension it cannot prove (422)
                assertThat(refusal(i, sameSize, sameSizeFork)).as(name(i)).isEqualTo(i < 2 ? 409 : 422);
                assertThat(refusal(i, fork, forged)).as(name(i)).isEqualTo(422);
            }

            // 4. the restarted witness kept its state: the ledger brings it up to date, all three cosign again
            String item3 = manufacture(client, fnh);
            await().atMost(Duration.ofSeconds(20)).until(() -> published(client)
                    .map(n -> covers(jdbc, n, item3) && policy.cosigners(n).size() == 3).orElse(false));
            await().atMost(Duration.ofSeconds(10)).until(() -> lag(client, 2) == 0);
        }
    }

    /** Submits the fork from the witness's own size (learnt from its 409, as a log would): the final status. */
    private int refusal(int i, MerkleTree fork, String forged) throws Exception {
        HttpResponse<String> first = add(i, new AddCheckpoint(0, List.of(), forged));
        if (first.statusCode() != 409) {
            return first.statusCode();
        }
        assertThat(first.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
        long theirs = Long.parseLong(first.body().strip());
        if (theirs == fork.size()) {
            return add(i, new AddCheckpoint(theirs, List.of(), forged)).statusCode();
        }
        return add(i, new AddCheckpoint(theirs, fork.consistencyProof(theirs, fork.size()), forged)).statusCode();
    }

    private HttpResponse<String> add(int i, AddCheckpoint request) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + witnesses.port(i) + "/add-checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofString(request.encode())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String manufacture(LedgerTestClient client, SigningKey fnh) {
        LedgerTestClient.Answer made = client.submit(fnh, "BE-FNH", command("ManufactureItem").put("kind", "WEAPON")
                .put("category", "REVOLVER_OR_SELF_LOADING_PISTOL").put("make", "FN Herstal").put("model", "Five-seveN").put("calibre", "5.7x28mm")
                .put("material", "POLYMER").put("production", "INDUSTRIAL"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("itemId").asText();
    }

    private static java.util.Optional<String> published(LedgerTestClient client) {
        LedgerTestClient.Answer answer = client.get("/api/v1/log/checkpoint", null);
        return answer.status() == 200 ? java.util.Optional.of(answer.body()) : java.util.Optional.empty();
    }

    private static boolean covers(JdbcTemplate jdbc, String note, String stream) {
        List<Long> leaf = jdbc.queryForList("SELECT leaf_index FROM log_leaf WHERE stream = ? AND sequence = 0", Long.class, stream);
        return !leaf.isEmpty() && Checkpoint.parse(SignedNote.split(note).text()).size() > leaf.get(0);
    }

    private static double lag(LedgerTestClient client, int witness) {
        String metrics = client.get("/actuator/prometheus", null).body();
        String prefix = "ledger_witness_lag{witness=\"" + name(witness) + "\"} ";
        return metrics.lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(l.substring(prefix.length())))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + " in\n" + metrics));
    }

    private static String cli(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        int exit = LedgerCli.run(new PrintWriter(out, true), args);
        assertThat(exit).as(out.toString()).isEqualTo(expectedExit);
        return out.toString();
    }
}
