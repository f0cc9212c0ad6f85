package org.salwledger.core.witness;

import org.salwledger.core.crypto.Ed25519;
import org.salwledger.core.crypto.SigningKey;
import org.salwledger.core.log.NoteVerifierKey;
import org.salwledger.core.log.SignedNote;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * C2SP tlog-cosignature/v1 (Ed25519): a witness's signature line over a checkpoint, carrying the time it
 * was made. The signed message is {@code cosignature/v1\ntime <seconds>\n} followed by the checkpoint's
 * whole note text; the line's bytes are the key ID, the 8-byte big-endian time and the signature.
 */
public final class Cosignature {
    private static final int TIMESTAMP_BYTES = 8;

    private Cosignature() {}

    /** The witness key's vkey form (signature type 0x04). */
    public static NoteVerifierKey verifierKey(String name, SigningKey key) {
        return NoteVerifierKey.of(name, NoteVerifierKey.COSIGNATURE_V1, key.publicKey());
    }

    /** One note signature line cosigning {@code checkpointText} at {@code epochSeconds}. */
    public static String sign(String checkpointText, String name, SigningKey key, long epochSeconds) {
        if (epochSeconds < 0) {
            throw new IllegalArgumentException("a cosignature's time is not before 1970");
        }
        byte[] signature = key.sign(message(checkpointText, epochSeconds));
        byte[] bytes = ByteBuffer.allocate(TIMESTAMP_BYTES + signature.length).putLong(epochSeconds).put(signature).array();
        return SignedNote.line(name, verifierKey(name, key).keyId(), bytes);
    }

    /**
     * The cosignature's time when {@code signature} is a valid cosignature by {@code witness} over
     * {@code checkpointText}; empty when the bytes are malformed or the signature does not verify.
     */
    public static OptionalLong verify(NoteVerifierKey witness, String checkpointText, SignedNote.Signature signature) {
        byte[] bytes = signature.bytes();
        if (witness.type() != NoteVerifierKey.COSIGNATURE_V1 || !witness.name().equals(signature.name())
                || witness.keyId() != signature.keyId() || bytes.length != TIMESTAMP_BYTES + Ed25519.SIGNATURE_BYTES) {
            return OptionalLong.empty();
        }
        long time = ByteBuffer.wrap(bytes, 0, TIMESTAMP_BYTES).getLong();
        if (time < 0) {
            return OptionalLong.empty();
        }
        byte[] ed25519 = Arrays.copyOfRange(bytes, TIMESTAMP_BYTES, bytes.length);
        return Ed25519.verify(witness.publicKey(), message(checkpointText, time), ed25519)
                ? OptionalLong.of(time) : OptionalLong.empty();
    }

    static byte[] message(String checkpointText, long epochSeconds) {
        return ("cosignature/v1\ntime " + epochSeconds + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }
}
