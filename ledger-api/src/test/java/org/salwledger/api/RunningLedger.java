package org.salwledger.api;

import org.junit.jupiter.api.BeforeEach;
import org.salwledger.cli.CommandSigner;
import org.salwledger.core.crypto.SigningKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What every end-to-end test of a running ledger shares: the admin key it was started with, a client
 * on its random port, and a suffix that keeps each test's actors and serials apart.
 */
abstract class RunningLedger {
    static final SigningKey ADMIN = SigningKey.generate();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    LedgerTestClient ledger;
    final String suffix = CommandSigner.newNonce().substring(0, 6).toUpperCase(Locale.ROOT);

    /** A fresh data directory and the shared admin key; call from each test class's @DynamicPropertySource. */
    static void ledgerProperties(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("ledger-test");
        registry.add("ledger.data-dir", dataDir::toString);
        registry.add("ledger.admin.public-key", ADMIN::publicKeyBase64);
    }

    @BeforeEach
    final void openClient() {
        ledger = new LedgerTestClient(port, ADMIN);
    }

    int eventCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Integer.class);
    }
}
