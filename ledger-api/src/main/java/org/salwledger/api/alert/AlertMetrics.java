package org.salwledger.api.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.salwledger.projections.alert.AlertType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ledger.alerts.open} by type: the diversion red flags waiting for someone. One scrape reads
 * every type's gauge; they share one GROUP BY, reused for a second, instead of a query per type.
 */
@Component
public class AlertMetrics implements MeterBinder {
    private static final long REUSE_MILLIS = 1_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private Map<String, Long> counts = Map.of();
    private long countedAt = Long.MIN_VALUE;

    @Autowired
    public AlertMetrics(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    AlertMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (AlertType type : AlertType.values()) {
            Gauge.builder("ledger.alerts.open", () -> openOf(type))
                    .tag("type", type.name()).description("open alerts").register(registry);
        }
    }

    synchronized long openOf(AlertType type) {
        long now = clock.millis();
        if (countedAt == Long.MIN_VALUE || now - countedAt >= REUSE_MILLIS) {
            Map<String, Long> fresh = new HashMap<>();
            jdbc.query("SELECT type, COUNT(*) FROM alert WHERE status = 'OPEN' GROUP BY type",
                    row -> { fresh.put(row.getString(1), row.getLong(2)); });
            counts = fresh;
            countedAt = now;
        }
        return counts.getOrDefault(type.name(), 0L);
    }
}
