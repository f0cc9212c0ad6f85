package org.salwledger.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tampering with the embedded default's tables (H2 in file mode). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class H2LogTamperTest extends LogTamperContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        tamperProperties(registry);
    }

    @Override
    void dropAppendOnlyGuards() {
        for (String table : GUARDED) {
            jdbc.execute("DROP TRIGGER " + table + "_append_only");
        }
    }

    static final java.util.List<String> GUARDED = java.util.List.of("domainevententry", "ledger_envelope", "used_nonce",
            "log_leaf", "log_node", "log_checkpoint");
}
