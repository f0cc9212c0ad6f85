package org.salwledger.api.store;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Part of readiness: while the views are rebuilt they show part of the past, so a load balancer must
 * not send reads here. Once done, says how many records were projected in how long.
 */
@Component("viewsRebuild")
public class ViewRebuildHealth implements HealthIndicator {
    private final ViewRebuild rebuild;

    public ViewRebuildHealth(ViewRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    public Health health() {
        return rebuild.last().map(run -> (run.finished() ? Health.up() : Health.down())
                .withDetail("records", run.records()).withDetail("startedAt", run.startedAt().toString())
                .withDetail("seconds", run.finished() ? String.format(Locale.ROOT, "%.3f", run.took().toNanos() / 1e9) : "running")
                .withDetail("recordsPerSecond", run.finished() ? Math.round(run.recordsPerSecond()) : 0)
                .build()).orElseGet(() -> Health.up().withDetail("rebuilt", false).build());
    }
}
