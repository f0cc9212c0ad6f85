package org.salwledger.api.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An item's command cost must not grow with its history: every aggregate is cached, and
 * snapshotted every {@value #SNAPSHOT_EVERY} events so a cold load reads a bounded tail.
 */
@Configuration
public class AxonSetup {
    static final int SNAPSHOT_EVERY = 50;

    @Bean
    public SnapshotTriggerDefinition ledgerSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }

    /**
     * A view that fails on an event must not skip it: the error propagates, the processor rolls the
     * batch back and retries, so views never silently miss a record.
     */
    @Bean
    public ListenerInvocationErrorHandler listenerInvocationErrorHandler() {
        return PropagatingErrorHandler.instance();
    }

    @Bean
    public Cache ledgerAggregateCache() {
        return new WeakReferenceCache();
    }
}
