package org.salwledger.core.log;

import org.salwledger.core.crypto.Ed25519;
import org.salwledger.core.crypto.SigningKey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
        byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
        byte[] line = ByteBuffer.allocate(4 + signature.length).putInt(vkey.keyId()).put(signature).array();
        return text + "\n" + DASH + keyName + " " + Base64.getEncoder().encodeToString(line) + "\n";
    }

    /**
     * The note's text if a signature by one of the known keys verifies. Signatures by unknown keys are
     * ignored; a known key whose signature fails rejects the note (C2SP verifier rules).
     */
    public static String open(String note, List<NoteVerifierKey> known) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("malformed note");
        }
        String text = note.substring(0, split + 1);
        requireText(text);
        boolean verified = false;
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("malformed signature line");
            }
            String[] parts = line.substring(DASH.length()).split(" ");
            if (parts.length != 2) {
                throw new IllegalArgumentException("malformed signature line");
            }
            byte[] blob = Base64.getDecoder().decode(parts[1]);
            if (blob.length < 5) {
                throw new IllegalArgumentException("malformed signature");
            }
            int id = ByteBuffer.wrap(blob, 0, 4).getInt();
            for (NoteVerifierKey key : known) {
                if (key.name().equals(parts[0]) && key.keyId() == id) {
                    byte[] signature = java.util.Arrays.copyOfRange(blob, 4, blob.length);
                    if (!Ed25519.verify(key.publicKey(), text.getBytes(StandardCharsets.UTF_8), signature)) {
                        throw new IllegalArgumentException("invalid signature by " + key.name());
                    }
                    verified = true;
                }
            }
        }
        if (!verified) {
            throw new IllegalArgumentException("no signature by a known key");
        }
        return text;
    }

    private static void requireText(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("a note's text ends with a newline and has no other control characters");
        }
    }
}
