package org.salwledger.api.log;

import org.salwledger.api.config.LedgerProperties;
import org.salwledger.core.crypto.SeedFiles;
import org.salwledger.core.crypto.SigningKey;
import org.salwledger.core.log.NoteVerifierKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The ledger's own Ed25519 key that signs checkpoints: from configuration, or generated once into the data dir. */
@Component
public class LogKey {
    private static final Logger log = LoggerFactory.getLogger(LogKey.class);

    private final SigningKey key;
    private final String origin;

    public LogKey(LedgerProperties properties) {
        this.origin = properties.log().origin();
        String configured = properties.log().privateKey();
        this.key = configured != null && !configured.isBlank() ? SigningKey.fromBase64Seed(configured)
                : fromDataDir(properties.dataDir().resolve("log.key"));
        log.info("Transparency log '{}' signs with {}", origin, verifierKey().encode());
    }

    private static SigningKey fromDataDir(Path file) {
        try {
            return SeedFiles.readOrCreate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the log key " + file, e);
        }
    }

    public SigningKey signingKey() {
        return key;
    }

    public String origin() {
        return origin;
    }

    public NoteVerifierKey verifierKey() {
        return NoteVerifierKey.of(origin, key.publicKey());
    }
}
