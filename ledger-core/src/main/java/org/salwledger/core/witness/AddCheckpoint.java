package org.salwledger.core.witness;

import org.salwledger.core.crypto.CanonicalBase64;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The body of a C2SP tlog-witness {@code add-checkpoint} request: {@code old <size>}, the RFC 6962
 * consistency proof from that size (one base64 hash per line, at most 63), an empty line, then the
 * signed checkpoint note.
 */
public record AddCheckpoint(long oldSize, List<byte[]> proof, String checkpoint) {
    static final int MAX_PROOF_LINES = 63;
    private static final int HASH_BYTES = 32;

    public AddCheckpoint {
        proof = List.copyOf(proof);
        if (oldSize < 0 || proof.size() > MAX_PROOF_LINES) {
            throw new IllegalArgumentException("an old size is not negative and a proof has at most 63 hashes");
        }
    }

    public String encode() {
        StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
        for (byte[] hash : proof) {
            body.append(Base64.getEncoder().encodeToString(hash)).append('\n');
        }
        return body.append('\n').append(checkpoint).toString();
    }

    public static AddCheckpoint parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int end = text.indexOf("\n\n");
        if (end < 0) {
            throw new IllegalArgumentException("no empty line before the checkpoint");
        }
        String[] lines = text.substring(0, end).split("\n", -1);
        if (!lines[0].matches("old (0|[1-9][0-9]{0,18})")) {
            throw new IllegalArgumentException("the first line must be 'old <size>'");
        }
        long old = Long.parseLong(lines[0].substring(4));
        if (lines.length - 1 > MAX_PROOF_LINES) {
            throw new IllegalArgumentException("more than 63 consistency proof lines");
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            byte[] hash;
            try {
                hash = CanonicalBase64.decode(lines[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("proof line " + i + " is not base64");
            }
            if (hash.length != HASH_BYTES) {
                throw new IllegalArgumentException("proof line " + i + " is not a 32-byte hash");
            }
            proof.add(hash);
        }
        return new AddCheckpoint(old, proof, text.substring(end + 2));
    }
}
