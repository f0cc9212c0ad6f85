package org.salwledger.core.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Private Ed25519 keys on disk: the base64 32-byte seed in a file only its owner may read. */
public final class SeedFiles {
    private SeedFiles() {}

    public static SigningKey read(Path file) throws IOException {
        return SigningKey.fromBase64Seed(Files.readString(file));
    }

    public static void write(SigningKey key, Path file) throws IOException {
        SecretFiles.write(file, key.seedBase64() + "\n");
    }

    /** The key in the file, generated and written there first if the file does not exist. */
    public static SigningKey readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            write(SigningKey.generate(), file);
        }
        return read(file);
    }
}
