package org.salwledger.api.config;

import org.salwledger.core.crypto.SeedFiles;
import org.salwledger.core.crypto.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path seedFile = properties.dataDir().resolve("admin.key");
        try {
            boolean generated = !Files.exists(seedFile);
            SigningKey key = SeedFiles.readOrCreate(seedFile);
            if (generated) {
                Files.writeString(seedFile.resolveSibling("admin.pub"), key.publicKeyBase64() + "\n");
                log.warn("No ledger.admin.public-key configured: generated the admin key pair; private seed in {}",
                        seedFile.toAbsolutePath());
            }
            log.info("Admin key {} (private seed in {})", key.keyId(), seedFile.toAbsolutePath());
            return key.publicKey();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin key " + seedFile, e);
        }
    }
}
