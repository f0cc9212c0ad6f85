package org.salwledger.api;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same flow on a real PostgreSQL server through the 'postgres' profile. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PostgresLedgerFlowTest extends LedgerFlowContract {
    private static final EmbeddedPostgres POSTGRES = EmbeddedPostgresServer.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        ledgerProperties(registry);
        registry.add("LEDGER_DB_URL", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("LEDGER_DB_USER", () -> "postgres");
        registry.add("LEDGER_DB_PASSWORD", () -> "postgres");
    }
}
