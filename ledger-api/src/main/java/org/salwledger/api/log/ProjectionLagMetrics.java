package org.salwledger.api.log;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.salwledger.projections.LedgerViews;
import org.salwledger.projections.log.LogAppender;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code ledger.projection.lag} per streaming processor: how far the slowest segment's token is
 * behind the event store's head, in global-index positions (on PostgreSQL a sequence gap counts as
 * one). The views and the transparency log both trail the write side; this says by how much. Tokens
 * are read from the token store's table, never fetched through the TokenStore, which would claim
 * them: on a node that does not own a segment that fails, and on the owner it would take the claim.
 */
@Component
public class ProjectionLagMetrics implements MeterBinder {
    private static final List<String> PROCESSORS = List.of(LedgerViews.PROCESSING_GROUP, LogAppender.PROCESSING_GROUP);

    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final Serializer tokenSerializer;

    public ProjectionLagMetrics(EventStore events, JdbcTemplate jdbc, @Qualifier("serializer") Serializer tokenSerializer) {
        this.events = events;
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String processor : PROCESSORS) {
            Gauge.builder("ledger.projection.lag", () -> lag(processor)).tag("processor", processor)
                    .description("event store positions the processor's slowest segment is behind").register(registry);
        }
    }

    /** Positions behind the head; NaN before the processor claimed any segment. */
    double lag(String processor) {
        long head = position(events.createHeadToken()).orElse(-1);
        List<Long> positions = jdbc.query("SELECT token, tokentype FROM tokenentry WHERE processorname = ?",
                (rs, i) -> rs.getBytes(1) == null ? -1L : position(tokenSerializer.deserialize(
                        new SimpleSerializedObject<>(rs.getBytes(1), byte[].class, rs.getString(2), null))).orElse(-1),
                processor);
        return positions.isEmpty() ? Double.NaN : Math.max(0, head - positions.stream().mapToLong(Long::longValue).min()
                .orElse(-1));
    }

    private static OptionalLong position(Object token) {
        return token instanceof TrackingToken tracking ? tracking.position() : OptionalLong.empty();
    }
}
