package org.salwledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.SigningKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

// Help and version options, and defaults in help, reach every subcommand (scope INHERIT): `ledger verify --help`.
@Command(name = "ledger", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        showDefaultValues = true, version = "ledger 0.1.0",
        description = "Keys, signed commands and reads for the SALW custody ledger.",
        subcommands = {LedgerCli.Keygen.class, LedgerCli.Sign.class, LedgerCli.Submit.class, LedgerCli.Session.class,
                LedgerCli.Get.class, Bench.class, Generate.class, SearchBench.class, Verify.class, VerifyInclusion.class,
                VerifyBundle.class, WitnessCommand.class})
public final class LedgerCli {
    /** The ledger's base URL: {@code --url}, else the environment's {@code LEDGER_URL}, else the local default. */
    static final String URL = "${LEDGER_URL:-http://localhost:8080}";
    static final String URL_HELP = "ledger base URL (environment: LEDGER_URL)";

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Runs a command with its output to {@code out}; the exit code is returned, not exited with. */
    public static int run(java.io.PrintWriter out, String... args) {
        return commandLine().setOut(out).setErr(out).execute(args);
    }

    static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    static CommandLine commandLine(java.util.Map<String, String> environment) {
        // A token or key may begin with "-h" or "-V" (base64url): an option's value is never read as an option.
        return new CommandLine(new LedgerCli()).setAllowOptionsAsOptionParameters(true)
                .setDefaultValueProvider(new Profile(environment))
                .setExecutionExceptionHandler(LedgerCli::failed);
    }

    /** A failure the user can act on: one line on stderr, no stack trace, exit 2 (usage or I/O error). */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        command.getErr().println("ledger " + command.getCommandName() + ": " + describe(e));
        return 2;
    }

    static String describe(Throwable e) {
        if (e instanceof java.net.ConnectException) {
            return "cannot connect to the ledger (is it running? check --url or LEDGER_URL)";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "the ledger did not answer in time";
        }
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return "cannot read " + denied.getFile();
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            return "not valid JSON: " + json.getOriginalMessage();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    static ObjectNode readCommand(String source) throws IOException {
        byte[] bytes = "-".equals(source) ? System.in.readAllBytes() : Files.readAllBytes(Path.of(source));
        JsonNode node = CanonicalJson.mapper().readTree(bytes);
        if (!(node instanceof ObjectNode command)) {
            throw new CommandLine.ParameterException(new CommandLine(new LedgerCli()), "the command must be a JSON object");
        }
        return command;
    }

    static final class Signer {
        @Option(names = "--key", description = "private key file written by keygen (environment: LEDGER_KEY, or key= in the LEDGER_PROFILE file)")
        Path key;
        @Option(names = "--actor", description = "the actor id the key belongs to (environment: LEDGER_ACTOR, or actor= in the LEDGER_PROFILE file)")
        String actor;

        CommandSigner signer() throws IOException {
            if (key == null || actor == null) {
                throw new IllegalArgumentException("say who signs: --key and --actor, or LEDGER_KEY and LEDGER_ACTOR,"
                        + " or key= and actor= in the LEDGER_PROFILE file");
            }
            return new CommandSigner(KeyFiles.read(key), actor);
        }
    }

    @Command(name = "keygen", description = "Write a new Ed25519 key pair: FILE (private seed) and FILE.pub.")
    static final class Keygen implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "private key file, e.g. fnh.key")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (Files.exists(out)) {
                System.err.println(out + " exists; refusing to overwrite a key");
                return 2;
            }
            SigningKey key = SigningKey.generate();
            KeyFiles.write(key, out);
            System.out.println("{\"keyid\":\"" + key.keyId() + "\",\"publicKey\":\"" + key.publicKeyBase64()
                    + "\",\"privateKeyFile\":\"" + out + "\",\"publicKeyFile\":\"" + KeyFiles.publicFileOf(out) + "\"}");
            return 0;
        }
    }

    @Command(name = "sign", description = "Sign a command JSON (file or -) into a DSSE envelope, adding nonce and issuedAt.")
    static final class Sign implements Callable<Integer> {
        @CommandLine.Mixin
        Signer signer;
        @Parameters(index = "0", description = "command JSON file, or - for standard input")
        String command;

        @Override
        public Integer call() throws IOException {
            System.out.println(signer.signer().signToJson(readCommand(command)));
            return 0;
        }
    }

    @Command(name = "submit", description = "Sign a command and POST it to the endpoint its type names; print the answer.")
    static final class Submit implements Callable<Integer> {
        @CommandLine.Mixin
        Signer signer;
        @Option(names = "--url", defaultValue = LedgerCli.URL, description = LedgerCli.URL_HELP)
        String url;
        @Parameters(index = "0", description = "command JSON file, or - for standard input")
        String command;
        @Option(names = "--no-wait", description = "answer as soon as the write is acknowledged, before the views"
                + " and the log have it (by default the next read sees it)")
        boolean noWait;
        @CommandLine.Mixin
        Output output;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ProtectedFields.Prepared prepared = ProtectedFields.prepare(readCommand(command));
            ObjectNode cmd = prepared.command();
            LedgerClient client = new LedgerClient(url);
            LedgerClient.Answer answer = client.post(CommandRoutes.pathFor(cmd), signer.signer().signToJson(cmd),
                    prepared.headers());
            if (!noWait && answer.position().isPresent()) {
                client.awaitViews(answer.position().getAsLong());
            }
            return output.print(answer, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "session", description = "Open a read session; prints {token, expiresAt}.")
    static final class Session implements Callable<Integer> {
        @CommandLine.Mixin
        Signer signer;
        @Option(names = "--url", defaultValue = LedgerCli.URL, description = LedgerCli.URL_HELP)
        String url;

        @CommandLine.Mixin
        Output output;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ObjectNode open = CanonicalJson.mapper().createObjectNode().put("type", "OpenSession");
            LedgerClient.Answer answer = new LedgerClient(url).post("/api/v1/sessions", signer.signer().signToJson(open));
            return output.print(answer, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "get", description = "GET a path, with a bearer token where it needs one, e.g. /api/v1/items/ID/history.")
    static final class Get implements Callable<Integer> {
        @Option(names = "--url", defaultValue = LedgerCli.URL, description = LedgerCli.URL_HELP)
        String url;
        @Option(names = "--token", description = "bearer token from 'session' (environment: LEDGER_TOKEN)")
        String token;
        @Parameters(index = "0", description = "path, e.g. /api/v1/items/ID/history")
        String path;
        @CommandLine.Mixin
        Output output;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            LedgerClient.Answer answer = new LedgerClient(url).get(path, token == null || token.isBlank() ? null : token);
            if (answer.status() == 401 && token == null) {
                spec.commandLine().getErr().println("this read needs a session: --token, or LEDGER_TOKEN"
                        + " (from: ledger session --field token)");
            }
            return output.print(answer, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
