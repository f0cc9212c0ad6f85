package org.salwledger.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A thin HTTP client for the ledger's REST API. */
public final class LedgerClient {
    private final HttpClient http;
    private final String baseUrl;

    /** {@code position}: the event store position a write reached ({@code Ledger-Position}), if it says. */
    public record Answer(int status, String body, java.util.OptionalLong position) {
        public Answer(int status, String body) {
            this(status, body, java.util.OptionalLong.empty());
        }
    }

    public LedgerClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public Answer post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, java.util.Map.of());
    }

    public Answer post(String path, String json, java.util.Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60));
        headers.forEach(builder::header);
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Ledger-Position")
                .map(p -> java.util.OptionalLong.of(Long.parseLong(p))).orElse(java.util.OptionalLong.empty()));
    }

    /**
     * Waits (as long as the ledger allows, 5 s by default) until the views and the log hold the write
     * at {@code position}, so the next read sees it: a read of the public log key sent with
     * {@code Ledger-After}. Answers whether they do ({@code Ledger-Views-Caught-Up}).
     */
    public boolean awaitViews(long position) throws IOException, InterruptedException {
        HttpRequest read = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/log/key")).timeout(Duration.ofSeconds(60))
                .header("Ledger-After", Long.toString(position)).GET().build();
        return http.send(read, HttpResponse.BodyHandlers.discarding()).headers().firstValue("Ledger-Views-Caught-Up")
                .map(Boolean::parseBoolean).orElse(false);
    }

    /** A streamed GET for long bodies such as the log export; the caller closes the stream. */
    public HttpResponse<java.io.InputStream> stream(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    public Answer get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
