package org.salwledger.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tampering with a real PostgreSQL server's tables. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PostgresLogTamperTest extends LogTamperContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        tamperProperties(registry);
        EmbeddedPostgresServer.registerNewDatabase(registry);
    }

    @Override
    void dropAppendOnlyGuards() {
        for (String table : H2LogTamperTest.GUARDED) {
            jdbc.execute("DROP TRIGGER " + table + "_append_only ON " + table);
        }
    }
}
