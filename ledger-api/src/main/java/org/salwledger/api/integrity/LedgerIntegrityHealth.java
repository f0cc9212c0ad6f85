package org.salwledger.api.integrity;

import org.salwledger.projections.log.LogIntegrity;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} is DOWN, with the reason and the record, once the ledger found its past changed. */
@Component("ledgerIntegrity")
public class LedgerIntegrityHealth implements HealthIndicator {
    private final LogIntegrity integrity;

    public LedgerIntegrityHealth(LogIntegrity integrity) {
        this.integrity = integrity;
    }

    @Override
    public Health health() {
        return integrity.violation()
                .map(violation -> Health.down().withDetail("where", violation.where())
                        .withDetail("reason", violation.getMessage()).build())
                .orElseGet(() -> Health.up().build());
    }
}
