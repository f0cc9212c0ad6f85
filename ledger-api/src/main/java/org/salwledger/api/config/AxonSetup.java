package org.salwledger.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.salwledger.core.chain.LedgerEventSerializer;
import org.salwledger.core.command.AggregateComponents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.SQLException;

/**
 * An item's command cost must not grow with its history: aggregates are cached on a single node, and
 * items and actors are snapshotted every {@code ledger.aggregates.snapshot-every} events (default 50) so a cold
 * load reads a bounded tail.
 */
@Configuration
public class AxonSetup {
    private static final String AGGREGATES = "aggregates";


    @Bean(AggregateComponents.SNAPSHOT_TRIGGER)
    public SnapshotTriggerDefinition ledgerSnapshotTrigger(Snapshotter snapshotter, LedgerProperties properties) {
        int every = properties.aggregates().snapshotEvery();
        if (every < 1) {
            throw new IllegalArgumentException("ledger.aggregates.snapshot-every must be at least 1, not " + every);
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }

    /**
     * Records are stored under their domain type names ({@code ItemManufactured}), not Java class
     * names: the classes may move between packages. Same Jackson mapper as Axon's own serializer.
     */
    @Bean("eventSerializer")
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(@Qualifier("serializer") Serializer general, RevisionResolver revisionResolver) {
        ObjectMapper mapper = ((JacksonSerializer) general).getObjectMapper();
        return LedgerEventSerializer.of(JacksonSerializer.builder().objectMapper(mapper).revisionResolver(revisionResolver),
                LedgerRecordTypes.under("org.salwledger"));
    }

    /**
     * Records carry no Axon correlation metadata: Axon's default {@code MessageOriginProvider} stamps each with a
     * {@code traceId} and {@code correlationId} nobody reads (the signed envelope and the hash chain say what
     * caused a record), and every processor parsed that JSON per record (7.5 % of the views' worker in a
     * rebuild's profile; README "Performance"). Providing this bean keeps Axon's out.
     */
    @Bean
    public CorrelationDataProvider noCorrelationMetadata() {
        return message -> java.util.Map.of();
    }

    /**
     * A view that fails on an event must not skip it: the error propagates, the processor rolls the
     * batch back and retries, so views never silently miss a record.
     */
    @Bean
    public ListenerInvocationErrorHandler listenerInvocationErrorHandler() {
        return PropagatingErrorHandler.instance();
    }

    /**
     * A node caches aggregates only while it is the database's one writer ({@code ledger.aggregates.cache},
     * true by default, false in the {@code postgres} profile). Another node's appends never reach this
     * cache: a stale copy could not append (the stream position is taken: 409), but it could refuse a
     * command on a state that no longer holds (an item received elsewhere still "in the sender's custody").
     * The cache keeps the last {@code ledger.aggregates.cache-size} aggregates used; Axon's weak-reference
     * cache lost nearly all of them at every collection, so a consignment read each item from the store.
     */
    @Bean(AggregateComponents.CACHE)
    public AggregateCacheJournal ledgerAggregateCache(ObjectProvider<CacheManager> aggregateCaches) {
        CacheManager caches = aggregateCaches.getIfAvailable();
        return new AggregateCacheJournal(caches == null ? NoCache.INSTANCE : aggregateCache(caches));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "ledger.aggregates.cache", havingValue = "true", matchIfMissing = true)
    public CacheManager aggregateCacheManager(LedgerProperties properties) {
        return aggregateCacheManager(properties.aggregates().cacheSize());
    }

    /** Heap only, by reference: Axon keeps the aggregate's live object in it, never a copy. */
    static CacheManager aggregateCacheManager(long entries) {
        return CacheManagerBuilder.newCacheManagerBuilder().withCache(AGGREGATES, CacheConfigurationBuilder
                .newCacheConfigurationBuilder(Object.class, Object.class, ResourcePoolsBuilder.heap(entries))).build(true);
    }

    static Cache aggregateCache(CacheManager caches) {
        // Axon's adapter takes Ehcache's own cache class, which is what a heap-only cache manager hands out
        return new EhCache3Adapter((Ehcache) caches.getCache(AGGREGATES, Object.class, Object.class));
    }

    /**
     * Two appends at one stream position (another node appended first, or this node's cached aggregate
     * was stale) are a concurrency conflict, answered 409 {@code concurrent-modification}. Axon's default
     * resolver reads vendor error codes, and PostgreSQL's is 0: read the SQL state (23505, unique
     * violation) along the cause chain and a batch's next exceptions instead, on any database.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql) {
                    for (SQLException e = sql; e != null; e = e.getNextException()) {
                        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        };
    }

    private static final String UNIQUE_VIOLATION = "23505";
}
