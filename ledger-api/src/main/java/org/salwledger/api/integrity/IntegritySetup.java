package org.salwledger.api.integrity;

import org.salwledger.api.config.LedgerProperties;
import org.salwledger.projections.log.LogAnchor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class IntegritySetup {
    @Bean
    public LogAnchor logAnchor(LedgerProperties properties) {
        return new LogAnchor(properties.log().anchor() != null ? properties.log().anchor()
                : properties.dataDir().resolve("log.checkpoint"));
    }
}
