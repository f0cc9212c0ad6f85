package org.salwledger.api.witness;

import org.salwledger.core.witness.AddCheckpoint;
import org.salwledger.core.witness.WitnessPolicy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One witness's {@code add-checkpoint} endpoint (C2SP tlog-witness), over HTTP with a bounded wait. */
final class WitnessClient {
    /** The witness's answer: its status and body. */
    record Reply(int status, String body) {}

    private final WitnessPolicy.Member witness;
    private final URI endpoint;
    private final HttpClient http;
    private final Duration timeout;

    WitnessClient(WitnessPolicy.Member witness, HttpClient http, Duration timeout) {
        this.witness = witness;
        String base = witness.url().orElseThrow().toString();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/add-checkpoint");
        this.http = http;
        this.timeout = timeout;
    }

    WitnessPolicy.Member witness() {
        return witness;
    }

    Reply add(AddCheckpoint request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(timeout)
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(request.encode(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body());
    }
}
