package org.salwledger.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.crypto.Dsse;
import org.salwledger.core.crypto.DsseEnvelope;
import org.salwledger.core.crypto.SigningKey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Wraps a command JSON into a signed DSSE envelope, adding {@code actor}, a fresh {@code nonce} and
 * {@code issuedAt} where the command lacks them. The payload is the command's RFC 8785 form.
 */
public final class CommandSigner {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKey key;
    private final String actor;
    private final Clock clock;

    public CommandSigner(SigningKey key, String actor, Clock clock) {
        this.key = key;
        this.actor = actor;
        this.clock = clock;
    }

    public CommandSigner(SigningKey key, String actor) {
        this(key, actor, Clock.systemUTC());
    }

    public DsseEnvelope sign(ObjectNode command) {
        ObjectNode payload = command.deepCopy();
        if (!payload.hasNonNull("actor")) {
            payload.put("actor", actor);
        }
        if (!payload.hasNonNull("nonce")) {
            payload.put("nonce", newNonce());
        }
        if (!payload.hasNonNull("issuedAt")) {
            payload.put("issuedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        }
        return DsseEnvelope.sign(Dsse.COMMAND_PAYLOAD_TYPE, CanonicalJson.canonicalize(payload), key);
    }

    public String signToJson(ObjectNode command) {
        return CanonicalJson.canonicalString(sign(command));
    }

    public static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public String actor() {
        return actor;
    }
}
