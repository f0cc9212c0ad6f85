package org.salwledger.api;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.salwledger.cli.LedgerCli;
import org.salwledger.cli.CommandSigner;
import org.salwledger.core.crypto.SigningKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
    @Autowired
    EventProcessingConfiguration processing;

    LedgerTestClient ledger;
    final String suffix = CommandSigner.newNonce().substring(0, 6).toUpperCase(Locale.ROOT);

    /** A fresh data directory and the shared admin key; call from each test class's @DynamicPropertySource. */
    static void ledgerProperties(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("ledger-test");
        registry.add("ledger.data-dir", dataDir::toString);
        registry.add("ledger.admin.public-key", ADMIN::publicKeyBase64);
        // each test ends by verifying the whole log, which waits for a checkpoint covering every record
        registry.add("ledger.log.checkpoint-interval", () -> "PT0.1S");
    }

    @BeforeEach
    final void openClient() {
        ledger = new LedgerTestClient(port, ADMIN);
    }

    /**
     * Whatever a test did, the ledger it leaves verifies as a whole with {@code ledger verify}: every
     * record, chain and signature, and every record's facts against the signed command that caused it.
     */
    @AfterEach
    final void theWholeLedgerStillVerifies() {
        if (!verifiesAfterEachTest()) {
            return;
        }
        SigningKey auditorKey = SigningKey.generate();
        String auditor = "AUDIT-" + CommandSigner.newNonce().substring(0, 10).toUpperCase(Locale.ROOT);
        ledger.register(auditor, "AUDITOR", "BE", auditorKey);
        int records = eventCount();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COALESCE(MAX(tree_size), 0) FROM log_checkpoint", Integer.class) >= records);
        StringWriter out = new StringWriter();
        int exit = LedgerCli.run(new PrintWriter(out, true), "verify", "--url", "http://localhost:" + port,
                "--token", ledger.session(auditorKey, auditor));
        assertThat(exit).as(out.toString()).isZero();
    }

    /** A test that leaves a deliberately broken ledger behind says so. */
    boolean verifiesAfterEachTest() {
        return true;
    }

    int eventCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Integer.class);
    }
}
