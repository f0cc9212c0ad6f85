package org.salwledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.cli.CommandRoutes;
import org.salwledger.cli.CommandSigner;
import org.salwledger.cli.ProtectedFields;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.SigningKey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Talks to a running ledger over real HTTP, signing with the CLI's signing code. */
public final class LedgerTestClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final SigningKey adminKey;

    public record Answer(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return LedgerTestClient.json(body);
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String problemType() {
            return json().path("type").asText();
        }
    }

    public LedgerTestClient(int port, SigningKey adminKey) {
        this.baseUrl = "http://localhost:" + port;
        this.adminKey = adminKey;
    }

    public static ObjectNode command(String type) {
        return CanonicalJson.mapper().createObjectNode().put("type", type);
    }

    public static JsonNode json(String body) {
        try {
            return CanonicalJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** Signs and posts as the CLI does: a licence reference leaves only as a commitment and its opening. */
    public Answer submit(SigningKey key, String actor, ObjectNode command) {
        ProtectedFields.Prepared prepared = ProtectedFields.prepare(command);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + CommandRoutes.pathFor(command)))
                .header("Content-Type", "application/json");
        prepared.headers().forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(
                new CommandSigner(key, actor).signToJson(prepared.command()))));
    }

    /**
     * Submits {@code count} commands on 8 connections and answers the id each created, in order: a
     * consignment's items are made faster than one by one.
     */
    public List<String> submitAll(SigningKey key, String actor, int count, IntFunction<ObjectNode> command,
                                  String idField) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ObjectNode next = command.apply(i);
                made.add(pool.submit(() -> {
                    Answer answer = submit(key, actor, next);
                    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
                    return answer.json().get(idField).asText();
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : made) {
                ids.add(f.get());
            }
            return ids;
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    public Answer submitAsAdmin(ObjectNode command) {
        return submit(adminKey, "admin", command);
    }

    public void register(String actorId, String role, String country, SigningKey key) {
        Answer answer = submitAsAdmin(command("RegisterActor").put("actorId", actorId).put("name", actorId + " Ltd")
                .put("role", role).put("country", country).put("publicKey", key.publicKeyBase64()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    public String session(SigningKey key, String actor) {
        Answer answer = submit(key, actor, command("OpenSession"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("token").asText();
    }

    public Answer post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer post(String path, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer post(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Answer get(String path, String token) {
        return get(path, token, (String) null);
    }

    /** A GET with extra headers (e.g. Ledger-After). */
    public Answer get(String path, String token, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    public Answer get(String path, String token, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
