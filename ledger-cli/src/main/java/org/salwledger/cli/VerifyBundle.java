package org.salwledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.salwledger.core.audit.EvidenceVerifier;
import org.salwledger.core.audit.VerificationFailure;
import org.salwledger.core.log.NoteVerifierKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "verify-bundle", description = {
        "Verify an evidence bundle (GET /api/v1/items/{id}/evidence) offline, with no network: the checkpoint",
        "under the log key and the witness policy, every record's inclusion proof, every stream's chain, every",
        "envelope's signature against the signer's key as the bundle's actor records registered it, and every",
        "record's facts against its signed command. Prints the custody chain as a person reads it.",
        "Exit 0 when it holds, 1 naming what is broken, 2 when the file cannot be read."})
final class VerifyBundle implements Callable<Integer> {
    /** Facts that identify rather than describe: a reader of the chain does not need them. */
    private static final Set<String> NOT_SHOWN = Set.of("itemId", "publicKey", "keyId", "licenceCommitment",
            "retiredKeyIds", "revokedKeyIds");
    private static final int WIDEST_VALUE = 60;

    @Parameters(index = "0", description = "the bundle file")
    Path bundle;
    @Option(names = "--log-key", description = "the log's verifier key you trust (vkey text or file); default: the bundle's own")
    String logKey;
    @Option(names = "--witness-policy", description = "a witness policy file: the checkpoint must be cosigned by its quorum")
    Path witnessPolicy;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        byte[] bytes = Files.readAllBytes(bundle);
        NoteVerifierKey trusted = logKey == null ? null : NoteVerifierKey.parse(Verify.textOrFile(logKey));
        EvidenceVerifier.Summary summary;
        try {
            summary = EvidenceVerifier.verify(bytes, trusted, Verify.witnessPolicy(witnessPolicy));
        } catch (VerificationFailure failure) {
            out.println("BROKEN " + failure.describe());
            return 1;
        }
        print(summary, out);
        return 0;
    }

    private static void print(EvidenceVerifier.Summary s, PrintWriter out) {
        out.println("OK evidence for " + s.subject() + ": " + s.records().size() + " records under checkpoint "
                + s.checkpoint().origin() + " size " + s.checkpoint().size());
        out.println("  checkpoint signed by " + s.logKey() + (s.logKeyPinned() ? " (pinned)"
                : " (taken from the bundle: pass --log-key to pin it)"));
        if (!s.witnesses().isEmpty()) {
            out.println("  cosigned by the witness quorum: " + String.join(", ", s.witnesses()));
        }
        out.println("  every record proven in the log, every stream's chain intact from its first record, "
                + s.envelopes() + " envelopes' signatures verified, facts as signed");
        Map<String, String> actors = new HashMap<>();
        for (EvidenceVerifier.Verified v : s.records()) {
            JsonNode facts = v.record().path("facts");
            if ("ActorRegistered".equals(v.record().path("type").asText())) {
                actors.put(facts.path("actorId").asText(), facts.path("name").asText() + " (" + facts.path("actorId").asText()
                        + ", " + facts.path("role").asText() + ", " + facts.path("country").asText() + ")");
            }
        }
        out.println();
        out.println("Custody chain (in the order recorded):");
        for (EvidenceVerifier.Verified v : s.records()) {
            String stream = v.record().path("stream").asText();
            if (stream.startsWith("actor:")) {
                continue;
            }
            String by = v.command() == null ? "the ledger" : actors.getOrDefault(v.command().path("actor").asText(),
                    v.command().path("actor").asText());
            out.println("  " + v.record().path("occurredAt").asText() + "  " + v.record().path("type").asText()
                    + (stream.equals(s.subject()) ? "" : " [" + stream + "]") + "  by " + by);
            String facts = facts(v.record().path("facts"));
            if (!facts.isEmpty()) {
                out.println("      " + facts);
            }
        }
    }

    private static String facts(JsonNode facts) {
        StringBuilder line = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = facts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> fact = it.next();
            if (NOT_SHOWN.contains(fact.getKey()) || fact.getValue().isNull()) {
                continue;
            }
            String value = fact.getValue().isValueNode() ? fact.getValue().asText() : fact.getValue().toString();
            if (value.length() > WIDEST_VALUE) {
                value = value.substring(0, WIDEST_VALUE - 1) + "…";
            }
            line.append(line.isEmpty() ? "" : "; ").append(fact.getKey()).append(' ').append(value);
        }
        return line.toString();
    }
}
