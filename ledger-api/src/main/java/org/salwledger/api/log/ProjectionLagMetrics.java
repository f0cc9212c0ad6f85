package org.salwledger.api.log;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.salwledger.projections.LedgerViews;
import org.salwledger.projections.log.LogAppender;
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
    private static final List<String> PROCESSORS = List.of(LedgerViews.PROCESSING_GROUP, LogAppender.PROCESSING_GROUP);

    private final EventStore events;
    private final TokenStore tokens;
    private final TransactionManager transactions;

    public ProjectionLagMetrics(EventStore events, TokenStore tokens, TransactionManager transactions) {
        this.events = events;
        this.tokens = tokens;
        this.transactions = transactions;
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
        Long slowest = transactions.fetchInTransaction(() -> {
            long min = Long.MAX_VALUE;
            for (int segment : tokens.fetchSegments(processor)) {
                min = Math.min(min, position(tokens.fetchToken(processor, segment)).orElse(-1));
            }
            return min == Long.MAX_VALUE ? null : min;
        });
        return slowest == null ? Double.NaN : Math.max(0, head - slowest);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
