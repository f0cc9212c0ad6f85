package org.salwledger.core.log;

import org.salwledger.core.crypto.CanonicalBase64;
import org.salwledger.core.crypto.Ed25519;
import org.salwledger.core.crypto.SigningKey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * C2SP signed-note: the text (ending in a newline), a blank line, and signature lines
 * {@code — <name> <base64(keyID[4] || signature)>}. Signatures cover the text including its final newline.
 */
public final class SignedNote {
    private static final String DASH = "\u2014 ";

    private SignedNote() {}

    public static String sign(String text, String keyName, SigningKey key) {
        requireText(text);
        NoteVerifierKey vkey = NoteVerifierKey.of(keyName, key.publicKey());
        return text + "\n" + line(keyName, vkey.keyId(), key.sign(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** One signature line: the key name, the 4-byte key ID and what follows it (signature, or timestamp and signature). */
    public record Signature(String name, int keyId, byte[] bytes) {}

    /** A note split at its last blank line: the signed text and its signature lines, none verified yet. */
    public record Parts(String text, List<Signature> signatures) {}

    public static Parts split(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("malformed note");
        }
        String text = note.substring(0, split + 1);
        requireText(text);
        List<Signature> signatures = new ArrayList<>();
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("malformed signature line");
            }
            String[] parts = line.substring(DASH.length()).split(" ");
            if (parts.length != 2) {
                throw new IllegalArgumentException("malformed signature line");
            }
            byte[] blob;
            try {
                blob = CanonicalBase64.decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("malformed signature", e);
            }
            if (blob.length < 5) {
                throw new IllegalArgumentException("malformed signature");
            }
            signatures.add(new Signature(parts[0], ByteBuffer.wrap(blob, 0, 4).getInt(),
                    Arrays.copyOfRange(blob, 4, blob.length)));
        }
        return new Parts(text, List.copyOf(signatures));
    }

    /** A signature line for {@code note}: {@code — <name> <base64(keyID || bytes)>} and its newline. */
    public static String line(String name, int keyId, byte[] bytes) {
        byte[] blob = ByteBuffer.allocate(4 + bytes.length).putInt(keyId).put(bytes).array();
        return DASH + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /**
     * The note's text if a signature by one of the known keys verifies. Signatures by unknown keys are
     * ignored; a known key whose signature fails rejects the note (C2SP verifier rules).
     */
    public static String open(String note, List<NoteVerifierKey> known) {
        Parts parts = split(note);
        byte[] text = parts.text().getBytes(StandardCharsets.UTF_8);
        boolean verified = false;
        for (Signature signature : parts.signatures()) {
            for (NoteVerifierKey key : known) {
                if (key.type() == NoteVerifierKey.ED25519 && key.name().equals(signature.name())
                        && key.keyId() == signature.keyId()) {
                    if (!Ed25519.verify(key.publicKey(), text, signature.bytes())) {
                        throw new IllegalArgumentException("invalid signature by " + key.name());
                    }
                    verified = true;
                }
            }
        }
        if (!verified) {
            throw new IllegalArgumentException("no signature by a known key");
        }
        return parts.text();
    }

    private static void requireText(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("a note's text ends with a newline and has no other control characters");
        }
    }
}
