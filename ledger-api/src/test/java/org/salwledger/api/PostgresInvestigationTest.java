package org.salwledger.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(AdjustableAlertClock.Setup.class)
@ActiveProfiles("postgres")
class PostgresInvestigationTest extends InvestigationContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        investigationProperties(registry);
        EmbeddedPostgresServer.registerNewDatabase(registry);
    }
}
