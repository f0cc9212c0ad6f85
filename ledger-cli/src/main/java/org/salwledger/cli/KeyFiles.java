package org.salwledger.cli;

import org.salwledger.core.crypto.SigningKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Key files: {@code NAME.key} holds the base64 32-byte seed (owner-only), {@code NAME.pub} the base64 public key. */
public final class KeyFiles {
    private KeyFiles() {}

    public static SigningKey read(Path keyFile) throws IOException {
        return SigningKey.fromBase64Seed(Files.readString(keyFile));
    }

    public static void write(SigningKey key, Path keyFile) throws IOException {
        Path parent = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(keyFile, key.seedBase64() + "\n");
        try {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows file systems: permissions are the user's to set.
        }
        Files.writeString(publicFileOf(keyFile), key.publicKeyBase64() + "\n");
    }

    public static Path publicFileOf(Path keyFile) {
        String name = keyFile.getFileName().toString();
        String base = name.endsWith(".key") ? name.substring(0, name.length() - 4) : name;
        return keyFile.resolveSibling(base + ".pub");
    }
}
