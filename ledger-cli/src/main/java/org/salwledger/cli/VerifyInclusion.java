package org.salwledger.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.log.Checkpoint;
import org.salwledger.core.log.MerkleHashes;
import org.salwledger.core.log.InclusionProof;
import org.salwledger.core.log.ProofFailure;
import org.salwledger.core.log.NoteVerifierKey;
import org.salwledger.core.log.SignedNote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "verify-inclusion", description = {
        "Prove one record is in the log: its leaf hash, an RFC 9162 inclusion proof and a signed checkpoint.",
        "Give the proof and checkpoint as files, or --url to fetch what is missing from the ledger (the ledger",
        "is not trusted: the checkpoint must verify under the log key). Exit 0 when included, 1 when not."})
final class VerifyInclusion implements Callable<Integer> {
    @Option(names = "--record", required = true,
            description = "the record JSON (from /items/{id}/chain, a trace report or an export line's 'record')")
    Path record;
    @Option(names = "--log-key", description = "the log's verifier key you trust (vkey text or file); default: fetched from --url")
    String logKey;
    @Option(names = "--checkpoint", description = "signed checkpoint file; default: the latest from --url")
    Path checkpoint;
    @Option(names = "--proof", description = "inclusion proof JSON {index, size, proof}; default: fetched from --url")
    Path proof;
    @Option(names = "--witness-policy", description = "a witness policy file: the checkpoint must be cosigned by its quorum")
    Path witnessPolicy;
    @Option(names = "--url", description = "ledger base URL to fetch the leaf index, proof and checkpoint from")
    String url;

    @Spec
    CommandSpec spec;
    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        JsonNode node = CanonicalJson.mapper().readTree(Files.readAllBytes(record));
        if (node.has("record") && node.get("record").isObject()) {
            node = node.get("record");
        }
        if (!(node instanceof ObjectNode recordNode)) {
            out.println("NOT VERIFIED: --record is not a record object");
            return 2;
        }
        LedgerClient client = url == null ? null : new LedgerClient(url);
        if ((logKey == null || checkpoint == null || proof == null) && client == null) {
            out.println("NOT VERIFIED: without --url, give --log-key, --checkpoint and --proof");
            return 2;
        }
        NoteVerifierKey key = NoteVerifierKey.parse(logKey != null ? Verify.textOrFile(logKey)
                : fetch(client, "/api/v1/log/key").trim());
        String note = checkpoint != null ? Files.readString(checkpoint) : fetch(client, "/api/v1/log/checkpoint");
        Checkpoint signed;
        try {
            signed = Checkpoint.parse(SignedNote.open(note, List.of(key)));
        } catch (IllegalArgumentException e) {
            out.println("NOT VERIFIED: the checkpoint is not signed by " + key.encode() + ": " + e.getMessage());
            return 1;
        }
        List<String> witnesses;
        try {
            witnesses = Verify.witnessPolicy(witnessPolicy).requireQuorum(note);
        } catch (IllegalArgumentException e) {
            out.println("NOT VERIFIED: the checkpoint does not meet the witness policy: " + e.getMessage());
            return 1;
        }
        JsonNode proofJson = proof != null ? CanonicalJson.mapper().readTree(Files.readAllBytes(proof))
                : fetchProof(client, recordNode, signed.size());
        InclusionProof inclusion;
        try {
            inclusion = CanonicalJson.mapper().treeToValue(proofJson, InclusionProof.class);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            out.println("NOT VERIFIED: --proof is not an inclusion proof {index, size, proof}: " + e.getMessage());
            return 2;
        }
        long index = inclusion.index();
        long size = inclusion.size();
        byte[] leafHash = MerkleHashes.leaf(CanonicalJson.canonicalize(recordNode));
        String name = recordNode.path("stream").asText() + "/" + recordNode.path("sequence").asText();
        if (size != signed.size()) {
            out.println("NOT VERIFIED: the proof is for a tree of size " + size + ", the checkpoint's is " + signed.size());
            return 1;
        }
        Optional<ProofFailure> failure = inclusion.failureFor(leafHash, signed.rootHash());
        if (failure.isPresent()) {
            out.println("NOT VERIFIED: record " + name + " is not leaf " + index + " of the log of size " + size
                    + " with root " + Base64.getEncoder().encodeToString(signed.rootHash()) + ": " + failure.get().describe());
            return 1;
        }
        out.println("OK record " + name + " is leaf " + index + " of " + signed.origin() + " at size " + size
                + ", root " + Base64.getEncoder().encodeToString(signed.rootHash())
                + (witnesses.isEmpty() ? "" : ", cosigned by " + String.join(", ", witnesses)));
        return 0;
    }

    private JsonNode fetchProof(LedgerClient client, ObjectNode record, long size) throws Exception {
        JsonNode leaf = CanonicalJson.mapper().readTree(fetch(client, "/api/v1/log/leaf?stream="
                + java.net.URLEncoder.encode(record.path("stream").asText(), java.nio.charset.StandardCharsets.UTF_8)
                + "&sequence=" + record.path("sequence").asLong()));
        return CanonicalJson.mapper().readTree(fetch(client, "/api/v1/log/proof/inclusion?index="
                + leaf.path("index").asLong() + "&size=" + size));
    }

    private static String fetch(LedgerClient client, String path) throws Exception {
        LedgerClient.Answer answer = client.get(path, null);
        if (answer.status() != 200) {
            throw new java.io.IOException("GET " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }
}
