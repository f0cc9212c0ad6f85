package org.salwledger.api.config;

import org.salwledger.core.crypto.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * The administrator's public key: from {@code ledger.admin.public-key}, or else a key pair
 * generated once into the data dir ({@code admin.key} holds the base64 seed, readable by the owner only).
 */
final class AdminKeys {
    private static final Logger log = LoggerFactory.getLogger(AdminKeys.class);

    private AdminKeys() {}

    static byte[] publicKey(LedgerProperties properties) {
        String configured = properties.admin().publicKey();
        if (configured != null && !configured.isBlank()) {
            return Base64.getDecoder().decode(configured.trim());
        }
        Path dir = properties.dataDir();
        Path seedFile = dir.resolve("admin.key");
        try {
            if (!Files.exists(seedFile)) {
                Files.createDirectories(dir);
                SigningKey generated = SigningKey.generate();
                Files.writeString(seedFile, generated.seedBase64() + "\n");
                restrict(seedFile);
                Files.writeString(dir.resolve("admin.pub"), generated.publicKeyBase64() + "\n");
                log.warn("No ledger.admin.public-key configured: generated the admin key pair; private seed in {}",
                        seedFile.toAbsolutePath());
            }
            SigningKey key = SigningKey.fromBase64Seed(Files.readString(seedFile));
            log.info("Admin key {} (private seed in {})", key.keyId(), seedFile.toAbsolutePath());
            return key.publicKey();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin key in " + dir, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("cannot restrict permissions of {} on this file system", file);
        }
    }
}
