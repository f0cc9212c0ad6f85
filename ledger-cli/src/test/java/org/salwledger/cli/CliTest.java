package org.salwledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.Dsse;
import org.salwledger.core.crypto.DsseEnvelope;
import org.salwledger.core.crypto.Ed25519;
import org.salwledger.core.crypto.SigningKey;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliTest {

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new LedgerCli()).execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everySubcommandAnswersHelpAndTheProgramCallsItselfLedger() {
        CommandLine cli = new CommandLine(new LedgerCli());
        assertThat(run("--help")).startsWith("Usage: ledger ");
        for (String sub : cli.getSubcommands().keySet()) {
            assertThat(run(sub, "--help")).as(sub).startsWith("Usage: ledger " + sub + " ");
        }
        assertThat(cli.getSubcommands()).containsKeys("witness", "verify-bundle", "verify", "verify-inclusion").hasSize(12);
        assertThat(run("bench", "--help")).as("defaults shown").contains("Default: 8");
    }

    @Test
    void theLedgersUrlComesFromLedgerUrlWhenNotGiven() {
        // picocli reads ${LEDGER_URL} from a system property before the environment: the same lookup a shell's export feeds
        System.setProperty("LEDGER_URL", "https://ledger.example.org");
        try {
            CommandLine cli = new CommandLine(new LedgerCli());
            for (String sub : new String[]{"submit", "session", "get", "bench", "generate", "search-bench"}) {
                assertThat(cli.getSubcommands().get(sub).getCommandSpec().findOption("--url").defaultValue())
                        .as(sub).isEqualTo("https://ledger.example.org");
            }
        } finally {
            System.clearProperty("LEDGER_URL");
        }
        assertThat(new CommandLine(new LedgerCli()).getSubcommands().get("submit").getCommandSpec()
                .findOption("--url").defaultValue()).isEqualTo("http://localhost:8080");
    }

    @Test
    void failuresAreOneLineOnStderrWithExitTwo(@TempDir Path dir) {
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = LedgerCli.run(new java.io.PrintWriter(out, true), "get", "--url", "http://localhost:1", "--token", "t",
                "/api/v1/items/x");
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString().strip()).isEqualTo(
                "ledger get: cannot connect to the ledger (is it running? check --url or LEDGER_URL)");

        out.getBuffer().setLength(0);
        exit = LedgerCli.run(new java.io.PrintWriter(out, true), "get", "--url", "http://localhost:1", "--token",
                "-hSI8vlOM8X6Tq", "/api/v1/items/x");
        assertThat(out.toString()).as("a token that looks like -h is the token").startsWith("ledger get: cannot connect");

        out.getBuffer().setLength(0);
        exit = LedgerCli.run(new java.io.PrintWriter(out, true), "sign", "--key", dir.resolve("none.key").toString(),
                "--actor", "A", dir.resolve("cmd.json").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).startsWith("ledger sign: no such file: ").doesNotContain("\tat ");
    }

    @Test
    void keygenThenSignGivesAnEnvelopeThatVerifiesWithTheWrittenPublicKey(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("fnh.key");
        JsonNode generated = CanonicalJson.mapper().readTree(run("keygen", "--out", keyFile.toString()));
        byte[] publicKey = Base64.getDecoder().decode(Files.readString(dir.resolve("fnh.pub")).trim());
        assertThat(generated.get("publicKey").asText()).isEqualTo(Base64.getEncoder().encodeToString(publicKey));
        assertThat(new CommandLine(new LedgerCli()).execute("keygen", "--out", keyFile.toString()))
                .as("an existing key is never overwritten").isEqualTo(2);

        Path command = dir.resolve("cmd.json");
        Files.writeString(command, "{\"type\":\"ManufactureItem\",\"kind\":\"WEAPON\"}");
        DsseEnvelope envelope = CanonicalJson.mapper().readValue(
                run("sign", "--key", keyFile.toString(), "--actor", "BE-FNH", command.toString()), DsseEnvelope.class);

        byte[] payload = Base64.getDecoder().decode(envelope.payload());
        JsonNode signed = CanonicalJson.mapper().readTree(payload);
        assertThat(signed.get("actor").asText()).isEqualTo("BE-FNH");
        assertThat(signed.get("nonce").asText()).hasSize(32);
        assertThat(Instant.parse(signed.get("issuedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(envelope.signatures().get(0).keyid()).isEqualTo(generated.get("keyid").asText());
        assertThat(Ed25519.verify(publicKey, Dsse.pae(envelope.payloadType(), payload),
                Base64.getDecoder().decode(envelope.signatures().get(0).sig()))).isTrue();
    }

    @Test
    void theSignerKeepsWhatTheCommandAlreadySays() {
        SigningKey key = SigningKey.generate();
        Instant at = Instant.parse("2026-11-24T10:00:00Z");
        DsseEnvelope envelope = new CommandSigner(key, "BE-FNH", Clock.fixed(at, ZoneOffset.UTC))
                .sign(CanonicalJson.mapper().createObjectNode().put("type", "OpenSession").put("nonce", "n".repeat(20)));
        String payload = new String(Base64.getDecoder().decode(envelope.payload()), StandardCharsets.UTF_8);
        assertThat(payload).isEqualTo("{\"actor\":\"BE-FNH\",\"issuedAt\":\"2026-11-24T10:00:00Z\",\"nonce\":\"nnnnnnnnnnnnnnnnnnnn\",\"type\":\"OpenSession\"}");
    }

    @Test
    void routesFollowTheCommandType() {
        var mapper = CanonicalJson.mapper();
        assertThat(CommandRoutes.pathFor(mapper.createObjectNode().put("type", "ManufactureItem"))).isEqualTo("/api/v1/items");
        assertThat(CommandRoutes.pathFor(mapper.createObjectNode().put("type", "MarkItem").put("itemId", "abc")))
                .isEqualTo("/api/v1/items/abc/marks");
        assertThat(CommandRoutes.pathFor(mapper.createObjectNode().put("type", "RevokeActorKey").put("actorId", "A")
                .put("keyId", "k"))).isEqualTo("/api/v1/actors/A/keys/k/revocation");
        assertThatThrownBy(() -> CommandRoutes.pathFor(mapper.createObjectNode().put("type", "LaunchMissile")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandRoutes.pathFor(mapper.createObjectNode().put("type", "MarkItem")))
                .hasMessageContaining("itemId");
    }
}
