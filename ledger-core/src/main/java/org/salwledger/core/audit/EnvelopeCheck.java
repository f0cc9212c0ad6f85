package org.salwledger.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.Dsse;
import org.salwledger.core.crypto.DsseEnvelope;
import org.salwledger.core.crypto.Ed25519;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One envelope as a verifier checks it (docs/ledger-format.md §2): its canonical hash is the one the record
 * names, its payload is a command, and the first signature by a key of the command's actor is by a key the
 * earlier records registered, valid at the command's issuedAt, unrevoked, and verifies.
 */
final class EnvelopeCheck {
    /** The signed command, or why the envelope does not hold. */
    record Outcome(JsonNode command, String problem) {
        static Outcome refused(String problem) {
            return new Outcome(null, problem);
        }
    }

    private EnvelopeCheck() {}

    static Outcome check(JsonNode json, String envelopeHash, KeyHistory keys) {
        if (json == null || json.isNull()) {
            return Outcome.refused("its envelope " + envelopeHash + " is missing");
        }
        DsseEnvelope envelope;
        try {
            envelope = CanonicalJson.mapper().treeToValue(json, DsseEnvelope.class);
        } catch (IOException | IllegalArgumentException e) {
            return Outcome.refused("its envelope is malformed: " + e.getMessage());
        }
        String actual = envelope.hash();
        if (!actual.equals(envelopeHash)) {
            return Outcome.refused("its envelope was replaced: the record names " + envelopeHash
                    + ", the envelope served hashes to " + actual);
        }
        JsonNode command;
        try {
            command = CanonicalJson.mapper().readTree(Base64.getDecoder().decode(envelope.payload()));
        } catch (IOException | IllegalArgumentException e) {
            return Outcome.refused("its envelope's payload is not a signed command: " + e.getMessage());
        }
        String problem = signatureProblem(envelope, command, keys);
        return problem == null ? new Outcome(command, null) : Outcome.refused(problem);
    }

    private static String signatureProblem(DsseEnvelope envelope, JsonNode command, KeyHistory keys) {
        String actor = command.path("actor").asText();
        Instant issuedAt;
        try {
            issuedAt = Instant.parse(command.path("issuedAt").asText());
        } catch (DateTimeParseException e) {
            return "its envelope's payload is not a signed command: " + e.getMessage();
        }
        byte[] signed = Dsse.pae(envelope.payloadType(), Base64.getDecoder().decode(envelope.payload()));
        String first = null;
        for (DsseEnvelope.DsseSignature signature : envelope.signatures() == null
                ? List.<DsseEnvelope.DsseSignature>of() : envelope.signatures()) {
            Optional<KeyHistory.Key> key = keys.key(signature.keyid());
            if (key.isEmpty() || !key.get().actorId().equals(actor)) {
                if (first == null) {
                    first = key.isEmpty()
                            ? "its envelope is signed with key " + signature.keyid() + ", which no earlier record registers"
                            : "its envelope is signed with a key of " + key.get().actorId() + ", not of " + actor
                                    + " who issued the command";
                }
                continue;
            }
            if (key.get().revoked()) {
                return "its envelope is signed with key " + signature.keyid() + ", revoked before this record";
            }
            if (!key.get().validAt(issuedAt)) {
                return "its envelope is signed with key " + signature.keyid() + ", not valid at issuedAt " + issuedAt;
            }
            return Ed25519.verify(key.get().publicKey(), signed, decode(signature.sig())) ? null
                    : "its envelope's signature by " + actor + " does not verify";
        }
        return first == null ? "its envelope has no signature" : first;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
