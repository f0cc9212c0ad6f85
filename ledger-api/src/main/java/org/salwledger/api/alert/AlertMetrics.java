package org.salwledger.api.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.salwledger.projections.alert.AlertType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code ledger.alerts.open} by type: the diversion red flags waiting for someone. */
@Component
public class AlertMetrics implements MeterBinder {
    private final JdbcTemplate jdbc;

    public AlertMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (AlertType type : AlertType.values()) {
            Gauge.builder("ledger.alerts.open", () -> jdbc.queryForObject(
                            "SELECT COUNT(*) FROM alert WHERE status = 'OPEN' AND type = ?", Long.class, type.name()))
                    .tag("type", type.name()).description("open alerts").register(registry);
        }
    }
}
