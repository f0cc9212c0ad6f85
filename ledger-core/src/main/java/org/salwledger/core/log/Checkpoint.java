package org.salwledger.core.log;

import org.salwledger.core.crypto.CanonicalBase64;

import java.util.Base64;

/** C2SP tlog-checkpoint body: origin, tree size, base64 root hash, each on its own line. */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || lines[0].isEmpty() || !lines[1].matches("0|[1-9][0-9]*")) {
            throw new IllegalArgumentException("malformed checkpoint");
        }
        byte[] root = CanonicalBase64.decode(lines[2]);
        if (root.length != 32) {
            throw new IllegalArgumentException("a checkpoint root is 32 bytes");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
    }
}
