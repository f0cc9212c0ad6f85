package org.salwledger.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.salwledger.core.witness.Witness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A {@link Witness} over HTTP: {@code POST <prefix>/add-checkpoint} (C2SP tlog-witness), nothing else.
 * The JDK's HTTP server, so a State or NGO runs a witness with the CLI jar alone.
 */
public final class WitnessServer implements AutoCloseable {
    /** A request body is an old size, at most 63 hashes and a checkpoint note with a few signatures. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Witness witness;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    public WitnessServer(Witness witness, InetSocketAddress address) throws IOException {
        this.witness = witness;
        this.server = HttpServer.create(address, 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
    }

    public WitnessServer start() {
        server.start();
        return this;
    }

    /** Where a log submits: {@code http://host:port} (the submission prefix). */
    public URI url() {
        InetSocketAddress bound = server.getAddress();
        return URI.create("http://" + bound.getHostString() + ":" + bound.getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"/add-checkpoint".equals(exchange.getRequestURI().getPath())) {
                send(exchange, new Witness.Answer(404, "text/plain; charset=utf-8", "not found\n"));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                send(exchange, new Witness.Answer(405, "text/plain; charset=utf-8", "POST only\n"));
                return;
            }
            byte[] body = readAtMost(exchange.getRequestBody());
            send(exchange, body == null ? new Witness.Answer(413, "text/plain; charset=utf-8", "request too large\n")
                    : witness.addCheckpoint(body));
        }
    }

    private static byte[] readAtMost(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void send(HttpExchange exchange, Witness.Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
