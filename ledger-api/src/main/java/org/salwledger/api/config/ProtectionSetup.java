package org.salwledger.api.config;

import org.salwledger.core.crypto.SealedBox;
import org.salwledger.core.crypto.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that seals personal data at rest ({@code protected_fact}): {@code ledger.protection.key}
 * (base64, 32 bytes; every node of one ledger needs the same), else {@code protection.key} in the data
 * directory, generated on first start. Losing it loses the sealed references, never a record.
 */
@Configuration
public class ProtectionSetup {
    private static final Logger log = LoggerFactory.getLogger(ProtectionSetup.class);

    @Bean
    public SealedBox protectionBox(LedgerProperties properties) {
        String configured = properties.protection().key();
        if (configured != null && !configured.isBlank()) {
            return new SealedBox(Base64.getDecoder().decode(configured.trim()));
        }
        Path file = properties.dataDir().resolve("protection.key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                SecretFiles.write(file, Base64.getEncoder().encodeToString(key) + "\n");
                log.warn("No ledger.protection.key configured: generated one in {}; nodes sharing a database need "
                        + "the same key", file.toAbsolutePath());
            }
            return new SealedBox(Base64.getDecoder().decode(Files.readString(file).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the protection key " + file, e);
        }
    }
}
