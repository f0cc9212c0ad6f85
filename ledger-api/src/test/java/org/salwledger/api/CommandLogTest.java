package org.salwledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salwledger.core.crypto.SigningKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.salwledger.api.LedgerTestClient.command;

/**
 * Operators asked for JSON logs ({@code logging.structured.format.console=ecs}): every command leaves
 * one line naming its outcome, type, signer and envelope hash as fields, and no line carries a key
 * or a session token. Start-up says nothing a newcomer cannot act on.
 */
class CommandLogTest {
    private static final SigningKey ADMIN = SigningKey.generate();
    private final SigningKey fnhKey = SigningKey.generate();

    @TempDir
    Path dataDir;
    @TempDir
    Path logs;

    /** A process of its own: logging is set up once per JVM, and other tests' contexts keep theirs. */
    @Test
    void commandLinesAreStructuredAndCarryNoSecret() throws Exception {
        Path log = logs.resolve("ledger.log");
        try (ChildLedger service = ChildLedger.start(dataDir, ADMIN, Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"),
                log)) {
            LedgerTestClient ledger = new LedgerTestClient(service.port, ADMIN);
            ledger.register("BE-FNH", "MANUFACTURER", "BE", fnhKey);
            LedgerTestClient.Answer made = ledger.submit(fnhKey, "BE-FNH", command("ManufactureItem")
                    .put("kind", "WEAPON").put("category", "RIFLE_OR_CARBINE").put("make", "FN Herstal")
                    .put("model", "SCAR-L").put("calibre", "5.56x45mm").put("material", "METAL")
                    .put("production", "INDUSTRIAL"));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            String item = made.json().get("itemId").asText();
            LedgerTestClient.Answer refused = ledger.submit(fnhKey, "BE-FNH", command("MarkItem").put("itemId", item)
                    .put("markType", "MANUFACTURE").put("serial", " ").put("component", "RECEIVER").put("method", "LASER"));
            assertThat(refused.status()).isEqualTo(422);
            String token = ledger.session(fnhKey, "BE-FNH");
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> ledger.get("/api/v1/items/" + item, token).status() == 200);

            String output = Files.readString(log);
            List<JsonNode> commandLines = output.lines().filter(line -> line.startsWith("{"))
                    .map(LedgerTestClient::json)
                    .filter(line -> "org.salwledger.commands".equals(line.path("log").path("logger").asText()))
                    .toList();
            JsonNode accepted = commandLines.stream()
                    .filter(line -> made.json().get("envelopeHash").asText().equals(line.path("envelopeHash").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no line for the accepted command in "
                            + commandLines));
            assertThat(accepted.path("actor").asText()).isEqualTo("BE-FNH");
            assertThat(accepted.path("commandType").asText()).isEqualTo("ManufactureItem");
            assertThat(accepted.path("message").asText()).startsWith("accepted ManufactureItem from BE-FNH: 1 record(s)");
            assertThat(commandLines).anySatisfy(line -> {
                assertThat(line.path("commandType").asText()).isEqualTo("MarkItem");
                assertThat(line.path("message").asText()).startsWith("refused MarkItem from BE-FNH: missing-field");
            });
            assertThat(output).doesNotContain(token).doesNotContain(fnhKey.seedBase64())
                    .doesNotContain(ADMIN.seedBase64());
            // start-up noise a newcomer cannot act on is gone (README "Watching it")
            assertThat(output).doesNotContain("AxonIQ Console")
                    .doesNotContain("convention-based annotation attribute overrides")
                    .doesNotContain("endpoint is enabled by default");
        }
    }
}
