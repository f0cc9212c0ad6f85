package org.salwledger.cli;

import org.salwledger.core.audit.LedgerVerifier;
import org.salwledger.core.audit.VerificationFailure;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.log.Checkpoint;
import org.salwledger.core.log.ConsistencyProof;
import org.salwledger.core.log.ProofFailure;
import org.salwledger.core.log.NoteVerifierKey;
import org.salwledger.core.log.SignedNote;
import org.salwledger.core.witness.WitnessPolicy;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "verify", description = {
        "Verify the whole log without trusting the ledger: record hashes, every stream's chain, every envelope's",
        "signature against the signer's key as recorded and valid at the command's time, the Merkle root against",
        "the signed checkpoint, and consistency with a checkpoint you trust. Exit 0 when intact, 1 naming the first",
        "broken record, 2 when the export cannot be read."})
final class Verify implements Callable<Integer> {

    static final class Source {
        @Option(names = "--export", description = "a JSON Lines export file (GET /api/v1/log/export)")
        Path export;
        @Option(names = "--url", description = "ledger base URL: the export is streamed from it")
        String url;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;
    @Option(names = "--token", description = "bearer token of an AUDITOR or INVESTIGATOR session (with --url)")
    String token;
    @Option(names = "--key", description = "private key file of an AUDITOR or INVESTIGATOR, to open a session (with --url)")
    Path key;
    @Option(names = "--actor", description = "the actor id of --key")
    String actor;
    @Option(names = "--log-key", description = "the log's verifier key you trust (C2SP vkey text, or a file holding it)")
    String logKey;
    @Option(names = "--witness-policy", description = "a witness policy file (witness <vkey> lines, quorum <n>): "
            + "the checkpoint must be cosigned by that quorum")
    Path witnessPolicy;
    @Option(names = "--trusted-checkpoint", description = "a signed checkpoint you kept: the log must extend it")
    Path trustedCheckpoint;
    @Option(names = "--earlier-export", description = "an export you kept: every leaf in it must be unchanged")
    Path earlierExport;
    @Option(names = "--save", description = "with --url: also write the export to this file, to keep for next time")
    Path save;

    @Spec
    CommandSpec spec;
    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        NoteVerifierKey trustedKey = logKey == null ? null : NoteVerifierKey.parse(textOrFile(logKey));
        String trusted = trustedCheckpoint == null ? null : Files.readString(trustedCheckpoint);
        List<byte[]> earlier = List.of();
        long started = System.nanoTime();
        try {
            if (earlierExport != null) {
                LedgerVerifier first = new LedgerVerifier(trustedKey, null, null);
                try (InputStream in = Files.newInputStream(earlierExport)) {
                    feed(first, in, null);
                }
                earlier = first.leafHashes();
                out.println("earlier export " + earlierExport + ": intact, " + earlier.size() + " records");
            }
            LedgerVerifier verifier = new LedgerVerifier(trustedKey, trusted, earlier, witnessPolicy(witnessPolicy));
            LedgerVerifier.Summary summary;
            if (source.export != null) {
                try (InputStream in = Files.newInputStream(source.export)) {
                    feed(verifier, in, null);
                }
                summary = verifier.finish();
            } else {
                summary = verifyOnline(verifier, trusted);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            report(summary, seconds);
            return 0;
        } catch (VerificationFailure failure) {
            out.println("BROKEN " + failure.describe());
            return 1;
        }
    }

    private LedgerVerifier.Summary verifyOnline(LedgerVerifier verifier, String trusted) throws Exception {
        LedgerClient client = new LedgerClient(source.url);
        String bearer = token != null ? token : openSession(client);
        HttpResponse<InputStream> response = client.stream("/api/v1/log/export", bearer);
        if (response.statusCode() != 200) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new IOException("GET /api/v1/log/export answered " + response.statusCode() + ": " + body);
        }
        try (InputStream in = response.body(); OutputStream copy = save == null ? null : Files.newOutputStream(save)) {
            feed(verifier, in, copy);
        }
        LedgerVerifier.Summary summary = verifier.finish();
        if (trusted != null) {
            checkServedConsistencyProof(client, summary, trusted);
        }
        return summary;
    }

    /** The ledger's own consistency proof from the trusted checkpoint must verify too, not only our rebuilt one. */
    private void checkServedConsistencyProof(LedgerClient client, LedgerVerifier.Summary summary, String trusted)
            throws Exception {
        Checkpoint old = Checkpoint.parse(SignedNote.open(trusted, List.of(NoteVerifierKey.parse(summary.logKey()))));
        long to = summary.checkpoint().size();
        if (old.size() == 0 || old.size() == to) {
            return;
        }
        LedgerClient.Answer answer = client.get("/api/v1/log/proof/consistency?from=" + old.size() + "&to=" + to, null);
        if (answer.status() != 200) {
            throw VerificationFailure.ofLog("the ledger answered " + answer.status() + " for its consistency proof from "
                    + old.size() + " to " + to);
        }
        ConsistencyProof proof = CanonicalJson.mapper().readValue(answer.body(), ConsistencyProof.class);
        if (proof.from() != old.size() || proof.to() != to) {
            throw VerificationFailure.ofLog("the ledger's consistency proof is from " + proof.from() + " to " + proof.to()
                    + ", asked from " + old.size() + " to " + to);
        }
        Optional<ProofFailure> failure = proof.failureFor(old.rootHash(), summary.checkpoint().rootHash());
        if (failure.isPresent()) {
            throw VerificationFailure.ofLog("the ledger's consistency proof from " + old.size() + " to " + to
                    + " does not verify: " + failure.get().describe());
        }
    }

    private String openSession(LedgerClient client) throws Exception {
        if (key == null || actor == null) {
            throw new IllegalArgumentException("--url needs --token, or --key and --actor to open a session");
        }
        String open = new CommandSigner(KeyFiles.read(key), actor)
                .signToJson(CanonicalJson.mapper().createObjectNode().put("type", "OpenSession"));
        LedgerClient.Answer answer = client.post("/api/v1/sessions", open);
        if (answer.status() != 201 && answer.status() != 200) {
            throw new IOException("opening a session answered " + answer.status() + ": " + answer.body());
        }
        return CanonicalJson.mapper().readTree(answer.body()).path("token").asText();
    }

    private void feed(LedgerVerifier verifier, InputStream in, OutputStream copy) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        Progress progress = new Progress(spec.commandLine().getErr());
        String line;
        while ((line = reader.readLine()) != null) {
            if (copy != null) {
                copy.write(line.getBytes(StandardCharsets.UTF_8));
                copy.write('\n');
            }
            if (!line.isBlank()) {
                verifier.accept(line);
                progress.report(verifier.recordsSoFar(), verifier.recordsExpected());
            }
        }
    }

    /** On a large export, a line on stderr every few seconds: how far, how fast, how long still. */
    private static final class Progress {
        private static final long EVERY_NANOS = 5_000_000_000L;
        private final PrintWriter err;
        private final long started = System.nanoTime();
        private long lastReport = started;

        Progress(PrintWriter err) {
            this.err = err;
        }

        void report(long done, long expected) {
            long now = System.nanoTime();
            if (now - lastReport < EVERY_NANOS || expected == 0) {
                return;
            }
            lastReport = now;
            double seconds = (now - started) / 1e9;
            double rate = done / seconds;
            long left = rate > 0 ? Math.round((expected - done) / rate) : -1;
            err.printf("verified %,d of %,d records (%.1f%%), %,.0f records/s, about %s left%n", done, expected,
                    100.0 * done / expected, rate, left < 0 ? "?" : left >= 120 ? (left / 60) + " min" : left + " s");
            err.flush();
        }
    }

    private void report(LedgerVerifier.Summary s, double seconds) {
        out.println("OK log " + s.checkpoint().origin() + " size " + s.records() + " root "
                + Base64.getEncoder().encodeToString(s.checkpoint().rootHash()));
        out.println("  records " + s.records() + " in " + s.streams() + " streams: hashes and chains intact");
        if (s.sealedRecords() > 0) {
            out.println("  sealed " + s.sealedRecords() + " confidential trace records: in the tree, content not shown to you");
        }
        out.println("  envelopes " + s.envelopes() + ": hashes match, " + s.signaturesChecked()
                + " signatures verified against the signers' recorded keys");
        out.println("  every open record's facts follow from its signed command (docs/ledger-format.md §3.1)");
        out.println("  checkpoint signed by " + s.logKey() + (s.logKeyPinned() ? " (pinned)"
                : " (taken from the export: pass --log-key to pin it)"));
        if (!s.witnesses().isEmpty()) {
            out.println("  checkpoint cosigned by the witness quorum: " + String.join(", ", s.witnesses()));
        }
        if (s.trustedSize() != null) {
            out.println("  consistent with the trusted checkpoint of size " + s.trustedSize());
        }
        if (s.earlierExportMatched()) {
            out.println("  every leaf of the earlier export unchanged");
        }
        out.printf("  %.1f s, %.0f records/s%n", seconds, s.records() / Math.max(seconds, 1e-9));
    }

    /** The policy in {@code file}, or none (no witnesses required) when no file is given. */
    static WitnessPolicy witnessPolicy(Path file) throws IOException {
        return file == null ? WitnessPolicy.none() : WitnessPolicy.parse(Files.readString(file));
    }

    static String textOrFile(String value) throws IOException {
        Path path = Path.of(value);
        return (Files.isRegularFile(path) ? Files.readString(path) : value).trim();
    }
}
