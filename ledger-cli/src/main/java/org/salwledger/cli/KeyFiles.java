package org.salwledger.cli;

import org.salwledger.core.crypto.SeedFiles;
import org.salwledger.core.crypto.SigningKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Key files: {@code NAME.key} holds the base64 32-byte seed (owner-only), {@code NAME.pub} the base64 public key. */
public final class KeyFiles {
    private KeyFiles() {}

    public static SigningKey read(Path keyFile) throws IOException {
        return SeedFiles.read(keyFile);
    }

    public static void write(SigningKey key, Path keyFile) throws IOException {
        SeedFiles.write(key, keyFile);
        Files.writeString(publicFileOf(keyFile), key.publicKeyBase64() + "\n");
    }

    public static Path publicFileOf(Path keyFile) {
        String name = keyFile.getFileName().toString();
        String base = name.endsWith(".key") ? name.substring(0, name.length() - 4) : name;
        return keyFile.resolveSibling(base + ".pub");
    }
}
