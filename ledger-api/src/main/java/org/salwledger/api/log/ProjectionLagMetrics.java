package org.salwledger.api.log;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.salwledger.api.store.ProcessorTokens;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code ledger.projection.lag} per streaming processor: how far the slowest segment's token is
 * behind the event store's head, in global-index positions (on PostgreSQL a sequence gap counts as
 * one). The views and the transparency log both trail the write side; this says by how much.
 */
@Component
public class ProjectionLagMetrics implements MeterBinder {
    private final EventStore events;
    private final ProcessorTokens tokens;

    public ProjectionLagMetrics(EventStore events, ProcessorTokens tokens) {
        this.events = events;
        this.tokens = tokens;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String processor : ProcessorTokens.READ_SIDE) {
            Gauge.builder("ledger.projection.lag", () -> lag(processor)).tag("processor", processor)
                    .description("event store positions the processor's slowest segment is behind").register(registry);
        }
    }

    /** Positions behind the head; NaN before the processor claimed any segment. */
    double lag(String processor) {
        long head = position(events.createHeadToken()).orElse(-1);
        List<Long> positions = tokens.of(processor).stream()
                .map(segment -> position(segment.token()).orElse(-1)).toList();
        return positions.isEmpty() ? Double.NaN : Math.max(0, head - positions.stream().mapToLong(Long::longValue).min()
                .orElse(-1));
    }

    private static OptionalLong position(Object token) {
        return token instanceof TrackingToken tracking ? tracking.position() : OptionalLong.empty();
    }
}
