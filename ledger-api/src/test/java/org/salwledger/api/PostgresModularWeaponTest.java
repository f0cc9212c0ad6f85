package org.salwledger.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(AdjustableAlertClock.Setup.class)
@org.springframework.test.context.ActiveProfiles("postgres")
class PostgresModularWeaponTest extends ModularWeaponContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        modularProperties(registry);
        EmbeddedPostgresServer.registerNewDatabase(registry);
    }
}
