package org.salwledger.api;

import org.salwledger.core.crypto.SigningKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The ledger service as a separate operating-system process on the test classpath, so a test can kill
 * it with SIGKILL as a crash would, and start it again on the same data.
 */
final class ChildLedger implements AutoCloseable {
    private final Process process;
    final int port;

    private ChildLedger(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the service and waits until it answers health UP; its output goes to {@code log}. */
    static ChildLedger start(Path dataDir, SigningKey admin, Map<String, String> environment, Path log) {
        ChildLedger child = launch(dataDir, admin, environment, log);
        child.awaitUp(Duration.ofSeconds(120), log);
        return child;
    }

    /** Starts the service and returns at once: for a test that stops it before it is up (a rebuild under way). */
    static ChildLedger launch(Path dataDir, SigningKey admin, Map<String, String> environment, Path log) {
        int port = freePort();
        // C1 only, as the test JVMs (ledger-api's pom): a start took 14 CPU-s instead of 22 and the process lives
        // seconds; what these tests check (durability, integrity, the shared store) does not depend on the JIT
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), LedgerApplication.class.getName(),
                "--server.port=" + port, "--ledger.data-dir=" + dataDir, "--ledger.log.checkpoint-interval=PT0.2S",
                "--ledger.admin.public-key=" + admin.publicKeyBase64()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            return new ChildLedger(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitUp(Duration limit, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the ledger process exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
                if (health.body().contains("\"ledgerIntegrity\":{\"status\":\"DOWN\"")) {
                    // it will not come up: the startup integrity check refused what it found in the store
                    process.destroyForcibly();
                    throw new IllegalStateException("the ledger came up with its integrity check failed: "
                            + health.body() + "; see " + log);
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the ledger did not come up within " + limit + "; see " + log);
    }

    /** The operating-system process id: Axon names a node's token claims after it ({@code pid@host}). */
    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no flush, no orderly close of the database. */
    void kill() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-KILL", Long.toString(process.pid())).inheritIO().start().waitFor();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the ledger survived SIGKILL");
        }
    }

    /** How the process ended (143 after SIGTERM, 137 after SIGKILL); only once it has. */
    int exitCode() {
        return process.exitValue();
    }

    /** SIGTERM, the orderly stop an operator would do. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
