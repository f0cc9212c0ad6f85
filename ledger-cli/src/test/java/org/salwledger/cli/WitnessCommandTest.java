package org.salwledger.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salwledger.core.crypto.SigningKey;
import org.salwledger.core.log.Checkpoint;
import org.salwledger.core.log.NoteVerifierKey;
import org.salwledger.core.log.SignedNote;
import org.salwledger.core.witness.AddCheckpoint;
import org.salwledger.core.witness.WitnessPolicy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `ledger witness` as README shows it: prints its policy line, then cosigns over HTTP what the log key signed. */
class WitnessCommandTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void printsItsPolicyLineAndCosignsOverHttp() throws Exception {
        SigningKey log = SigningKey.generate();
        String origin = "ledger.example/log";
        Path vkey = Files.writeString(dir.resolve("log.vkey"), NoteVerifierKey.of(origin, log.publicKey()).encode() + "\n");
        StringWriter out = new StringWriter();
        Thread witness = new Thread(() -> LedgerCli.run(new PrintWriter(out, true), "witness", "--name", "witness.example/w1",
                "--key", dir.resolve("w1.key").toString(), "--log", vkey.toString(), "--state", dir.resolve("state").toString(),
                "--listen", "127.0.0.1:0"));
        witness.setDaemon(true);
        witness.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!out.toString().contains("\n") && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        String[] line = out.toString().strip().split(" ");
        assertThat(line).hasSize(3);
        assertThat(line[0]).isEqualTo("witness");
        assertThat(Files.exists(dir.resolve("w1.key"))).as("the key is created on first start").isTrue();
        WitnessPolicy policy = WitnessPolicy.parse(String.join(" ", line) + "\n");
        URI url = policy.witnesses().get(0).url().orElseThrow();

        String note = SignedNote.sign(new Checkpoint(origin, 0, new byte[32]).text(), origin, log);
        HttpResponse<String> cosigned = post(url, "/add-checkpoint", new AddCheckpoint(0, List.of(), note).encode());
        assertThat(cosigned.statusCode()).as(cosigned.body()).isEqualTo(200);
        assertThat(policy.requireQuorum(note + cosigned.body())).containsExactly("witness.example/w1");

        String later = SignedNote.sign(new Checkpoint(origin, 5, new byte[32]).text(), origin, log);
        HttpResponse<String> stale = post(url, "/add-checkpoint", "old 1\n\n" + later);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).isEqualTo("0\n");
        assertThat(post(url, "/add-checkpoint", "x".repeat(WitnessServer.MAX_BODY_BYTES + 1)).statusCode()).isEqualTo(413);
        assertThat(post(url, "/other", "").statusCode()).isEqualTo(404);
        assertThat(HTTP.send(HttpRequest.newBuilder(url.resolve("/add-checkpoint")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }

    private static HttpResponse<String> post(URI url, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
