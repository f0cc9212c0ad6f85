package org.salwledger.api.alert;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.salwledger.projections.alert.AlertType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class AlertMetricsTest {
    private final JdbcTemplate jdbc = new JdbcTemplate(
            new DriverManagerDataSource("jdbc:h2:mem:alert-metrics;DB_CLOSE_DELAY=-1", "sa", ""));
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-28T12:00:00Z"));
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() { return ZoneOffset.UTC; }
        public Clock withZone(java.time.ZoneId zone) { return this; }
        public Instant instant() { return now.get(); }
    };

    @Test
    void countsOpenAlertsPerTypeWithOneQueryPerScrape() {
        jdbc.execute("DROP TABLE IF EXISTS alert");
        jdbc.execute("CREATE TABLE alert (type VARCHAR(40), status VARCHAR(20))");
        jdbc.update("INSERT INTO alert VALUES ('MARK_MISSING','OPEN'), ('MARK_MISSING','OPEN'), "
                + "('MARK_MISSING','CLOSED'), ('TRANSFER_OVERDUE','OPEN')");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new AlertMetrics(jdbc, clock).bindTo(registry);

        assertThat(open(registry, AlertType.MARK_MISSING)).isEqualTo(2);
        assertThat(open(registry, AlertType.TRANSFER_OVERDUE)).isEqualTo(1);
        assertThat(open(registry, AlertType.REFUSED_LOST_OR_STOLEN)).isZero();

        jdbc.update("INSERT INTO alert VALUES ('MARK_MISSING','OPEN')");
        assertThat(open(registry, AlertType.MARK_MISSING)).as("same scrape, same counts").isEqualTo(2);
        now.set(now.get().plus(Duration.ofSeconds(2)));
        assertThat(open(registry, AlertType.MARK_MISSING)).isEqualTo(3);
    }

    private static double open(SimpleMeterRegistry registry, AlertType type) {
        return registry.get("ledger.alerts.open").tag("type", type.name()).gauge().value();
    }
}
