package org.salwledger.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.salwledger.cli.CommandSigner;
import org.salwledger.core.crypto.SeedFiles;
import org.salwledger.core.crypto.SigningKey;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;
import static org.salwledger.api.SampleCommands.exportTo;
import static org.salwledger.api.SampleCommands.manufactureMark;
import static org.salwledger.api.SampleCommands.pistol;

/**
 * {@code docker/} as an operator uses it: init-env.sh, compose up (PostgreSQL, two nodes, nginx),
 * actors and commands through the balancer, reads from either node, one node killed and the ledger
 * still taking commands, and {@code ledger verify} from the image's CLI. Needs a Docker engine and the
 * base images: {@code docker/test/prepare.sh}, then
 * {@code mvn -pl ledger-api -am test -Dtest=ComposeStackTest -Dledger.test.docker=true -Dsurefire.failIfNoSpecifiedTests=false}
 * (after {@code mvn -DskipTests package}, which builds the jars the image holds).
 */
@EnabledIfSystemProperty(named = "ledger.test.docker", matches = "true")
class ComposeStackTest {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final String PROJECT = "salwtest";
    private static final Path EVIDENCE = Path.of("target", "compose-stack");
    private static final int LOAD = Integer.getInteger("ledger.test.docker.load", 600);

    private static Path envDir;
    private static Map<String, String> environment;
    private static int balancerPort;
    private static int node1Port;
    private static int node2Port;
    private static SigningKey admin;

    private final SigningKey fnhKey = SigningKey.generate();
    private final SigningKey cdKey = SigningKey.generate();
    private final SigningKey auditKey = SigningKey.generate();

    @BeforeAll
    static void composeUp() throws Exception {
        Files.createDirectories(EVIDENCE);
        envDir = Files.createTempDirectory("salw-compose");
        run(Duration.ofSeconds(30), List.of(REPO.resolve("docker/init-env.sh").toString(), envDir.toString()));
        admin = SeedFiles.read(envDir.resolve("keys/admin.key"));
        balancerPort = freePort();
        node1Port = freePort();
        node2Port = freePort();
        environment = Map.of("LEDGER_PORT", String.valueOf(balancerPort), "LEDGER_NODE1_PORT", String.valueOf(node1Port),
                "LEDGER_NODE2_PORT", String.valueOf(node2Port), "LEDGER_IMAGE_TAG", "compose-test");
        compose(Duration.ofMinutes(2), "down", "-v", "--remove-orphans");
        long start = System.nanoTime();
        compose(Duration.ofMinutes(5), "build");
        long built = System.nanoTime();
        // returns once both nodes are healthy (ready) and the balancer started: depends_on conditions
        compose(Duration.ofMinutes(5), "up", "-d");
        System.out.printf("compose: image build %.1f s, up to healthy %.1f s%n", (built - start) / 1e9,
                (System.nanoTime() - built) / 1e9);
    }

    @AfterAll
    static void composeDown() throws Exception {
        if (envDir == null) {
            return;
        }
        Files.writeString(EVIDENCE.resolve("compose.log"), compose(Duration.ofMinutes(1), "logs", "--no-color"));
        compose(Duration.ofMinutes(2), "down", "-v", "--remove-orphans");
    }

    @Test
    void theImageRunsTheServiceOnJava25() throws Exception {
        String version = run(Duration.ofMinutes(1), List.of("docker", "run", "--rm", "--entrypoint", "java",
                "salw-ledger:compose-test", "-version"));
        assertThat(version).as("README \"Performance\": the JDK the image carries").contains("version \"25");
    }

    /**
     * The entrypoint, with the image's own options, starts from the cache (AOTMode=on fails the start if it
     * cannot) and refreshes the context; exit 0 is the run's own check.
     */
    @Test
    void theImageStartsFromItsAheadOfTimeCache() throws Exception {
        String started = run(Duration.ofMinutes(2), List.of("docker", "run", "--rm", "--entrypoint", "bash",
                "salw-ledger:compose-test", "-c", "LEDGER_DATA_DIR=/tmp/start JAVA_OPTS=\"$JAVA_OPTS -XX:AOTMode=on "
                        + "-Dspring.context.exit=onRefresh\" exec ledger-entrypoint serve"));
        assertThat(started).contains("Root WebApplicationContext: initialization completed").doesNotContain("[aot]");
        System.out.println("from the image's AOT cache: " + started.lines()
                .filter(line -> line.contains("initialization completed")).findFirst().orElseThrow().strip());
    }

    /**
     * The compose nodes run with the image's options, an operator's LEDGER_JAVA_OPTS after them: compose used to
     * replace JAVA_OPTS, and its nodes started without the AOT cache and on the JVM's default collector.
     */
    @Test
    void theComposeNodesRunWithTheImagesJvmOptions() throws Exception {
        for (String node : List.of("node1", "node2")) {
            String commandLine = compose(Duration.ofSeconds(30), "exec", "-T", node, "cat", "/proc/1/cmdline")
                    .replace('\0', ' ');
            assertThat(commandLine).as(node).contains("-XX:+UseParallelGC", "-XX:AOTCache=/app/ledger.aot",
                    "-jar /app/app.jar");
        }
    }

    @Test
    void theComposeStackServesOneLedgerThroughTheBalancer() throws Exception {
        LedgerTestClient balancer = new LedgerTestClient(balancerPort, admin);
        LedgerTestClient node1 = new LedgerTestClient(node1Port, admin);
        LedgerTestClient node2 = new LedgerTestClient(node2Port, admin);
        assertThat(balancer.get("/actuator/health/readiness", null).status()).isEqualTo(200);

        // the administrator from init-env.sh registers actors through the balancer
        balancer.register("BE-FNH", "MANUFACTURER", "BE", fnhKey);
        balancer.register("CD-MOD", "AUTHORITY", "CD", cdKey);
        balancer.register("BE-AUDIT", "AUDITOR", "BE", auditKey);

        // commands through the balancer reach both nodes; history reads complete on each node directly
        String item = created(balancer.submit(fnhKey, "BE-FNH", pistol()));
        assertThat(balancer.submit(fnhKey, "BE-FNH", manufactureMark(item, "DK")).status()).isEqualTo(201);
        LedgerTestClient.Answer dispatched = balancer.submit(fnhKey, "BE-FNH", exportTo("CD-MOD", item));
        assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(201);
        String transfer = dispatched.json().get("transferId").asText();
        assertThat(balancer.submit(cdKey, "CD-MOD", command("ReceiveTransfer").put("transferId", transfer)).status())
                .isEqualTo(201);
        for (LedgerTestClient node : List.of(node1, node2)) {
            String token = node.session(cdKey, "CD-MOD");
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> assertThat(
                    node.get("/api/v1/items/" + item + "/history", token).json().get("events")
                            .findValuesAsText("type"))
                    .containsExactly("ItemManufactured", "ItemMarked", "ItemDispatched", "ItemReceived"));
        }
        throughput(balancerPort, LOAD); // warm-up: both JVMs compile the command path before the figures
        double twoNodes = throughput(balancerPort, LOAD);
        assertThat(accepted(node1)).as("commands node 1 took").isGreaterThan(LOAD / 2.0);
        assertThat(accepted(node2)).as("commands node 2 took").isGreaterThan(LOAD / 2.0);

        // one node dies (SIGKILL): the balancer sends everything to the other, nothing is refused
        compose(Duration.ofMinutes(1), "kill", "node1");
        for (int i = 0; i < 20; i++) {
            LedgerTestClient.Answer answer = balancer.submit(fnhKey, "BE-FNH", pistol());
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        }
        double oneNode = throughput(balancerPort, LOAD);
        System.out.printf("signed ManufactureItem through the balancer (%d commands, 16 connections): "
                + "two nodes %.0f/s, one node %.0f/s%n", LOAD, twoNodes, oneNode);

        // an auditor verifies the whole ledger with the CLI in the image, against the log key it pinned
        String vkey = balancer.get("/api/v1/log/key", null).body().trim();
        awaitCheckpointCoversTheLog(balancer);
        Path keys = Files.createTempDirectory(envDir, "auditor");
        Files.writeString(keys.resolve("audit.key"), auditKey.seedBase64() + "\n");
        keys.toFile().setReadable(true, false);
        keys.toFile().setExecutable(true, false);
        keys.resolve("audit.key").toFile().setReadable(true, false);
        String verified = run(Duration.ofMinutes(3), List.of("docker", "run", "--rm", "--network", PROJECT + "_default",
                "-v", keys + ":/keys:ro", "salw-ledger:compose-test", "ledger", "verify", "--url",
                "http://balancer:8080", "--key", "/keys/audit.key", "--actor", "BE-AUDIT", "--log-key", vkey));
        System.out.println("ledger verify (CLI image): " + verified.strip());
        assertThat(verified).contains("OK log ").doesNotContain("BROKEN");
    }

    /** Commands this node accepted itself, by its own metrics. */
    private static double accepted(LedgerTestClient node) {
        return node.get("/actuator/prometheus", null, "text/plain").body().lines()
                .filter(l -> l.startsWith("ledger_commands_total{") && l.contains("outcome=\"accepted\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static void awaitCheckpointCoversTheLog(LedgerTestClient balancer) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String first = balancer.get("/api/v1/log/checkpoint", null).body();
            Thread.sleep(2_000);
            return first.equals(balancer.get("/api/v1/log/checkpoint", null).body());
        });
    }

    /** Pre-signed envelopes (signing is not timed), 16 connections, every answer a 201. */
    private double throughput(int port, int commands) throws Exception {
        List<String> envelopes = new ArrayList<>();
        CommandSigner signer = new CommandSigner(fnhKey, "BE-FNH");
        for (int i = 0; i < commands; i++) {
            envelopes.add(signer.signToJson(pistol()));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long start = System.nanoTime();
        List<Future<List<Integer>>> workers = new ArrayList<>();
        for (int w = 0; w < 16; w++) {
            workers.add(pool.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = next.getAndIncrement(); i < envelopes.size(); i = next.getAndIncrement()) {
                    statuses.add(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/items"))
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(envelopes.get(i))).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode());
                }
                return statuses;
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> worker : workers) {
            statuses.addAll(worker.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        assertThat(statuses).hasSize(commands).containsOnly(201);
        return commands / seconds;
    }

    private static String created(LedgerTestClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("itemId").asText();
    }

    private static String compose(Duration limit, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-p", PROJECT, "--env-file",
                envDir.resolve(".env").toString(), "-f", REPO.resolve("docker/compose.yaml").toString()));
        command.addAll(List.of(arguments));
        return run(limit, command);
    }

    /** Runs a command (with the compose port variables), fails the test with its output if it fails. */
    private static String run(Duration limit, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true);
        if (environment != null) {
            builder.environment().putAll(environment);
        }
        Path output = Files.createTempFile(EVIDENCE.toAbsolutePath(), "command", ".log");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out after " + limit + ": " + command + "\n" + Files.readString(output));
        }
        String text = Files.readString(output);
        Files.delete(output);
        if (process.exitValue() != 0) {
            throw new AssertionError("exit " + process.exitValue() + ": " + command + "\n" + text);
        }
        return text;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
