package org.salwledger.bench;

import org.salwledger.api.LedgerApplication;
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
 * The ledger service as its own process (its own JVM, as deployed), so that its CPU time is its own
 * and the load generator's is not counted.
 */
final class LedgerNode implements AutoCloseable {
    /**
     * The collector the Docker image runs the service with ({@code docker/Dockerfile}): on two cores it gave H2
     * 15-23 % more commands/s than G1, the JVM's default (README "Performance"). {@code -Dbench.node-gc=} (empty)
     * runs the node on the JVM's default instead.
     */
    static final String GARBAGE_COLLECTOR = "-XX:+UseParallelGC";

    private final Process process;
    final int port;

    private LedgerNode(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param gc      the collector option ({@link #GARBAGE_COLLECTOR}), or empty for the JVM's default
     * @param options further service options, e.g. {@code --ledger.views.rebuild=true}
     */
    static LedgerNode start(String gc, Path dataDir, SigningKey admin, Map<String, String> environment, Path log,
                            String... options) {
        int port = freePort();
        // -Dbench.node-java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java runs the node on another JDK (warm-up studies)
        String java = System.getProperty("bench.node-java",
                Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx2g"));
        if (!gc.isEmpty()) {
            command.add(gc);
        }
        // e.g. -Dbench.node-jvm-args=-agentpath:/path/libasyncProfiler.so=start,event=cpu,file=cpu.html
        String extra = System.getProperty("bench.node-jvm-args", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", nodeClassPath(), LedgerApplication.class.getName(),
                "--server.port=" + port, "--ledger.data-dir=" + dataDir.toAbsolutePath(),
                "--ledger.admin.public-key=" + admin.publicKeyBase64()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            LedgerNode node = new LedgerNode(builder.start(), port);
            // healthy: started, and (a rebuild) its views caught up
            node.awaitUp(Duration.ofMinutes(10), log);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU time the service process has used so far (all its threads: requests, JIT, GC, views, log). */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElseThrow(
                () -> new IllegalStateException("this platform does not report a process's CPU time"));
    }

    private void awaitUp(Duration limit, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + limit.toNanos();
        String health = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the ledger exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
                health = answer.body();
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the ledger did not come up within " + limit + " (health: " + health + "); see "
                + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        // a JDK writing its AOT cache at exit (-XX:AOTCacheOutput) takes a while after the service stopped
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * The harness's class path without the harness's own classes, which the node never loads: a JDK's AOT cache
     * (JDK 24+, {@code -XX:AOTCache}) takes only JARs on the class path.
     */
    static String nodeClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').matches(".*/ledger-bench/target/(test-)?classes/?"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
