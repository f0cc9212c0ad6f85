package org.salwledger.api.log;

import org.salwledger.api.config.LedgerProperties;
import org.salwledger.projections.log.LogAppender;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness: a node whose transparency log trails the event store by more than {@code
 * ledger.log.max-lag} positions serves records it cannot yet prove, so a load balancer should
 * prefer another.
 */
@Component("logFreshness")
public class LogFreshnessHealth implements HealthIndicator {
    private final ProjectionLagMetrics lag;
    private final long maxLag;

    public LogFreshnessHealth(ProjectionLagMetrics lag, LedgerProperties properties) {
        this.lag = lag;
        this.maxLag = properties.log().maxLag();
    }

    @Override
    public Health health() {
        double behind = lag.lag(LogAppender.PROCESSING_GROUP);
        Health.Builder health = Double.isNaN(behind) || behind <= maxLag ? Health.up() : Health.down();
        return health.withDetail("lag", Double.isNaN(behind) ? "not started" : (long) behind)
                .withDetail("maxLag", maxLag).build();
    }
}
