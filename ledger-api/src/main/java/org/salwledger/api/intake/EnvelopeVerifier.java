package org.salwledger.api.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.api.config.LedgerProperties;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.actor.ActorDirectory;
import org.salwledger.core.actor.ActorEntry;
import org.salwledger.core.actor.ActorKey;
import org.salwledger.core.crypto.Dsse;
import org.salwledger.core.crypto.DsseEnvelope;
import org.salwledger.core.crypto.Ed25519;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns a request body into a {@link SignedCommand}, or refuses it: envelope shape, base64, payload
 * JSON, command type, issuedAt within the allowed clock skew (checked first: it is cheap and
 * stops old captured envelopes), signer's key (known, the signer's own, not revoked, valid at
 * issuedAt), signature over DSSE's PAE. Nonce reuse is checked where
 * nonces are stored ({@link EnvelopeStore}).
 */
@Component
public class EnvelopeVerifier {
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    private static final Pattern UTC_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private final ActorDirectory directory;
    private final Clock clock;
    private final Duration maxSkew;

    private final CommandMetrics metrics;

    public EnvelopeVerifier(ActorDirectory directory, Clock clock, LedgerProperties properties, CommandMetrics metrics) {
        this.metrics = metrics;
        this.directory = directory;
        this.clock = clock;
        this.maxSkew = properties.commands().maxClockSkew();
    }

    public <T> SignedCommand<T> verify(byte[] body, String expectedType, Class<T> bodyType) {
        @SuppressWarnings("unchecked")
        SignedCommand<T> signed = (SignedCommand<T>) verifyOneOf(body, Map.of(expectedType, bodyType));
        return signed;
    }

    /** For endpoints that take several command types: the payload's {@code type} picks the body. */
    public SignedCommand<?> verifyOneOf(byte[] body, Map<String, Class<?>> bodyTypes) {
        long started = System.nanoTime();
        try {
            return verified(body, bodyTypes);
        } finally {
            metrics.verified(java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private SignedCommand<?> verified(byte[] body, Map<String, Class<?>> bodyTypes) {
        DsseEnvelope envelope = envelope(body);
        byte[] payload = base64(envelope.payload(), "payload");
        ObjectNode fields = CommandJson.object(payload, "the command payload", "invalid-field");
        refuseControlCharacters(fields, "");
        CommandHeader header = header(fields);
        Class<?> bodyType = bodyTypes.get(header.type());
        if (bodyType == null) {
            throw Refusal.invalid("wrong-command-type",
                    "this endpoint takes " + String.join(" or ", new TreeSet<>(bodyTypes.keySet()))
                            + ", the payload says " + header.type());
        }
        checkFreshness(header.issuedAt());
        ActorDirectory.KeyAndActor signedBy = checkSignature(envelope, payload, header);
        ActorKey key = signedBy.key();
        ActorEntry signer = Optional.ofNullable(signedBy.actor()).orElseThrow(() -> Refusal.unauthenticated(
                "unknown-actor", "no actor " + key.actorId()));
        Object parsed = CommandJson.convert(fields, bodyType, "the " + header.type() + " command");
        return new SignedCommand<>(envelope, envelope.hash(), header, parsed, signer, key.keyId());
    }

    private DsseEnvelope envelope(byte[] body) {
        DsseEnvelope envelope = CommandJson.convert(CommandJson.object(body, "the envelope", "invalid-envelope"),
                DsseEnvelope.class, "the envelope");
        if (envelope.payloadType() == null || envelope.payload() == null || envelope.signatures() == null
                || envelope.signatures().isEmpty()
                || envelope.signatures().stream().anyMatch(s -> s == null || s.keyid() == null || s.sig() == null)) {
            throw Refusal.invalid("invalid-envelope",
                    "a DSSE envelope needs payloadType, payload and at least one signature with keyid and sig");
        }
        if (!Dsse.COMMAND_PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw Refusal.invalid("unsupported-payload-type",
                    "payloadType must be " + Dsse.COMMAND_PAYLOAD_TYPE + ", got " + envelope.payloadType());
        }
        return envelope;
    }

    /** RFC 4648 standard base64 with padding, in its one canonical form: a payload has one encoding. */
    private static byte[] base64(String value, String field) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("bad-base64", "'" + field + "' is not standard base64: " + e.getMessage());
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(value)) {
            throw Refusal.invalid("bad-base64", "'" + field + "' is not canonical padded standard base64");
        }
        return decoded;
    }

    /**
     * No text of a command may carry control characters (a serial with NUL, an escape sequence in a
     * place): they print as nothing and make two different texts look alike. Line breaks and tabs are
     * allowed in free text.
     */
    private static void refuseControlCharacters(JsonNode node, String path) {
        if (node.isTextual()) {
            if (node.asText().chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f
                    || (c >= 0x80 && c < 0xa0))) {
                throw Refusal.invalid("invalid-field", "field '" + path + "' contains a control character");
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> refuseControlCharacters(field.getValue(),
                    path.isEmpty() ? field.getKey() : path + "." + field.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseControlCharacters(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static CommandHeader header(ObjectNode fields) {
        String type = headerText(fields, "type");
        String actor = headerText(fields, "actor");
        String nonce = headerText(fields, "nonce");
        String issuedAtText = headerText(fields, "issuedAt");
        if (!NONCE.matcher(nonce).matches()) {
            throw Refusal.invalid("invalid-field", "'nonce' must be 16-128 characters of [A-Za-z0-9_-]");
        }
        Instant issuedAt = time(issuedAtText, "issuedAt");
        JsonNode occurred = fields.remove("occurredAt");
        Instant occurredAt = null;
        if (occurred != null && !occurred.isNull()) {
            occurredAt = time(occurred.isTextual() ? occurred.asText() : occurred.toString(), "occurredAt");
            if (occurredAt.isAfter(issuedAt)) {
                throw Refusal.unprocessable("occurred-in-future",
                        "occurredAt " + occurredAt + " is after the command was signed (" + issuedAt + ")");
            }
        }
        return new CommandHeader(type, actor, nonce, issuedAt, occurredAt);
    }

    /** RFC 3339 in UTC with a literal 'Z' (docs §2); an offset such as +05:00 is refused, not converted. */
    private static Instant time(String text, String field) {
        if (!UTC_TIME.matcher(text).matches()) {
            throw Refusal.invalid("invalid-field", "'" + field + "' must be an RFC 3339 UTC time ending in Z, got "
                    + text);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid-field", "'" + field + "' must be an RFC 3339 UTC time, got " + text);
        }
    }

    private static String headerText(ObjectNode fields, String name) {
        JsonNode value = fields.remove(name);
        if (value == null || value.isNull()) {
            throw Refusal.invalid("missing-field", "the command payload needs '" + name + "'");
        }
        if (!value.isTextual()) {
            throw Refusal.invalid("invalid-field", "'" + name + "' must be a string");
        }
        return value.asText();
    }

    /**
     * The first signature whose key belongs to the stated actor decides (docs §2): if it fails, the
     * command is refused even when a later signature would verify. Signatures by other keys (co-signers,
     * unknown keys) are ignored; with none by the actor's keys, the first one's problem is answered.
     */
    private ActorDirectory.KeyAndActor checkSignature(DsseEnvelope envelope, byte[] payload, CommandHeader header) {
        byte[] signed = Dsse.pae(envelope.payloadType(), payload);
        Refusal firstProblem = null;
        for (DsseEnvelope.DsseSignature signature : envelope.signatures()) {
            byte[] sig = base64(signature.sig(), "signatures[].sig");
            ActorDirectory.KeyAndActor found = directory.keyWithActor(signature.keyid()).orElse(null);
            ActorKey key = found == null ? null : found.key();
            if (key == null || !key.actorId().equals(header.actor())) {
                if (firstProblem == null) {
                    firstProblem = problemWith(key, header, signature.keyid());
                }
                continue;
            }
            Refusal problem = problemWith(key, header, signature.keyid());
            if (problem == null && !Ed25519.verify(key.publicKey(), signed, sig)) {
                problem = Refusal.unauthenticated("bad-signature",
                        "the signature by key " + signature.keyid() + " does not verify over the envelope");
            }
            if (problem != null) {
                throw problem;
            }
            return found;
        }
        throw firstProblem;
    }

    private static Refusal problemWith(ActorKey key, CommandHeader header, String keyId) {
        if (key == null) {
            return Refusal.unauthenticated("unknown-key", "no registered key has keyid " + keyId);
        }
        if (!key.actorId().equals(header.actor())) {
            return Refusal.unauthenticated("key-not-for-actor",
                    "key " + keyId + " belongs to " + key.actorId() + ", not to " + header.actor());
        }
        if (key.revoked()) {
            return Refusal.unauthenticated("revoked-key", "key " + keyId + " was revoked at " + key.revokedAt());
        }
        if (!key.validAt(header.issuedAt())) {
            return Refusal.unauthenticated("key-not-valid",
                    "key " + keyId + " is not valid at issuedAt " + header.issuedAt() + " (valid from " + key.validFrom()
                            + (key.validUntil() == null ? "" : " until " + key.validUntil()) + ")");
        }
        return null;
    }

    private void checkFreshness(Instant issuedAt) {
        Instant now = clock.instant();
        if (issuedAt.isBefore(now.minus(maxSkew)) || issuedAt.isAfter(now.plus(maxSkew))) {
            throw Refusal.invalid("stale-timestamp", "issuedAt " + issuedAt + " is more than " + maxSkew
                    + " away from the ledger's time " + now);
        }
    }
}
