package org.salwledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.SigningKey;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI as a script uses it: who signs comes from the environment or a profile file, one field of
 * the answer can go into a shell variable, refusals go to stderr with exit 1, usage errors exit 2.
 * Against a stub server that records what it was sent and answers what the test says.
 */
class CliConventionsTest {
    private HttpServer server;
    private final AtomicReference<String> lastBody = new AtomicReference<>();
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private final java.util.List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int status = 201;
    private volatile String answer = "{\"itemId\":\"i-1\",\"records\":[{\"sequence\":0}],\"envelopeHash\":\"ab\"}";
    private String url;

    @BeforeEach
    void stub() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                lastBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " after="
                    + exchange.getRequestHeaders().getFirst("Ledger-After"));
            exchange.getResponseHeaders().add("Ledger-Position", "42");
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    record Run(int exit, String out, String err) {}

    private static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = LedgerCli.commandLine(environment).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private String signer(String envelope) throws Exception {
        JsonNode payload = CanonicalJson.mapper().readTree(Base64.getDecoder().decode(
                CanonicalJson.mapper().readTree(envelope).get("payload").asText()));
        return payload.get("actor").asText();
    }

    @Test
    void whoSignsAndWhereComeFromTheEnvironmentElseTheProfileFile(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("fnh.key");
        KeyFiles.write(SigningKey.generate(), key);
        Path command = dir.resolve("made.json");
        Files.writeString(command, "{\"type\":\"ManufactureItem\",\"kind\":\"WEAPON\"}");
        Path profile = dir.resolve("fnh.properties");
        Files.writeString(profile, "url=" + url + "\nkey=" + key + "\nactor=BE-FNH\n");

        Run fromProfile = run(Map.of("LEDGER_PROFILE", profile.toString()), "submit", command.toString());
        assertThat(fromProfile.exit()).as(fromProfile.err()).isZero();
        assertThat(requests).as("submit waits until the views hold the write, so the next read sees it")
                .containsExactly("POST /api/v1/items after=null", "GET /api/v1/log/key after=42");
        requests.clear();
        assertThat(run(Map.of("LEDGER_PROFILE", profile.toString()), "submit", "--no-wait", command.toString()).exit())
                .isZero();
        assertThat(requests).containsExactly("POST /api/v1/items after=null");
        assertThat(signer(lastBody.get())).isEqualTo("BE-FNH");

        Run environmentFirst = run(Map.of("LEDGER_PROFILE", profile.toString(), "LEDGER_ACTOR", "BE-FNH-2"),
                "submit", command.toString());
        assertThat(environmentFirst.exit()).isZero();
        assertThat(signer(lastBody.get())).as("the environment before the profile").isEqualTo("BE-FNH-2");

        Run optionFirst = run(Map.of("LEDGER_PROFILE", profile.toString()), "submit", "--actor", "BE-X",
                command.toString());
        assertThat(optionFirst.exit()).isZero();
        assertThat(signer(lastBody.get())).as("an option before both").isEqualTo("BE-X");

        Run nobody = run(Map.of("LEDGER_URL", url), "submit", command.toString());
        assertThat(nobody.exit()).isEqualTo(2);
        assertThat(nobody.err().strip()).startsWith("ledger submit: say who signs: --key and --actor");
    }

    @Test
    void oneFieldGoesIntoAShellVariableAndTextIsOneLinePerField() {
        Map<String, String> env = Map.of("LEDGER_URL", url, "LEDGER_TOKEN", "tok-1");
        Run field = run(env, "get", "--field", "itemId", "/api/v1/items/i-1");
        assertThat(field.exit()).isZero();
        assertThat(field.out()).isEqualTo("i-1" + System.lineSeparator());
        assertThat(lastAuthorization.get()).as("LEDGER_TOKEN is the bearer token").isEqualTo("Bearer tok-1");

        Run text = run(env, "get", "--output", "text", "/api/v1/items/i-1");
        assertThat(text.out().lines()).containsExactly("itemId: i-1", "records: [{\"sequence\":0}]", "envelopeHash: ab");

        Run json = run(env, "get", "/api/v1/items/i-1");
        assertThat(json.out().strip()).isEqualTo(answer);

        Run missing = run(env, "get", "--field", "transferId", "/api/v1/items/i-1");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("no field 'transferId'");

        Run badFormat = run(env, "get", "--output", "yaml", "/api/v1/items/i-1");
        assertThat(badFormat.exit()).isEqualTo(2);

        Run pointer = run(env, "get", "--field", "/records/0", "/api/v1/items/i-1");
        assertThat(pointer.out().strip()).isEqualTo("{\"sequence\":0}");

        Run publicRead = run(Map.of("LEDGER_URL", url), "get", "/api/v1/log/key");
        assertThat(publicRead.exit()).isZero();
        assertThat(lastAuthorization.get()).as("no token, no Authorization header").isNull();
        status = 401;
        Run noToken = run(Map.of("LEDGER_URL", url), "get", "/api/v1/items/i-1");
        assertThat(noToken.exit()).isEqualTo(1);
        assertThat(noToken.err()).contains("this read needs a session");
    }

    @Test
    void aRefusalGoesToStderrWithExitOne() {
        status = 403;
        answer = "{\"type\":\"urn:salw-ledger:problem:not-custodian\",\"title\":\"Not the custodian\",\"status\":403}";
        Run refused = run(Map.of("LEDGER_URL", url, "LEDGER_TOKEN", "t"), "get", "--field", "itemId", "/api/v1/items/x");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("not-custodian");
    }
}
