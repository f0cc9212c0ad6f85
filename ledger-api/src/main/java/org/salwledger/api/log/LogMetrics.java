package org.salwledger.api.log;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.salwledger.projections.log.LogStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * The transparency log as operators watch it: {@code ledger.log.size} (leaves), {@code
 * ledger.log.checkpoint.size} (leaves under the latest signed checkpoint) and {@code
 * ledger.log.checkpoint.age} (seconds since it was signed; it grows when signing stalls).
 */
@Component
public class LogMetrics implements MeterBinder {
    private final LogStore log;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LogMetrics(LogStore log, JdbcTemplate jdbc, Clock clock) {
        this.log = log;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ledger.log.size", log, LogStore::size).description("leaves in the transparency log")
                .register(registry);
        Gauge.builder("ledger.log.checkpoint.size", this, LogMetrics::checkpointSize)
                .description("leaves under the latest signed checkpoint").register(registry);
        Gauge.builder("ledger.log.checkpoint.age", this, LogMetrics::checkpointAge).baseUnit("seconds")
                .description("time since the latest checkpoint was signed (NaN before the first)").register(registry);
    }

    private double checkpointSize() {
        Long size = jdbc.queryForObject("SELECT MAX(tree_size) FROM log_checkpoint", Long.class);
        return size == null ? 0 : size;
    }

    private double checkpointAge() {
        Timestamp signed = jdbc.queryForObject("SELECT MAX(signed_at) FROM log_checkpoint", Timestamp.class);
        return signed == null ? Double.NaN : Duration.between(signed.toInstant(), clock.instant()).toMillis() / 1000.0;
    }
}
