package org.salwledger.api.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * Axon's JDBC event store as its Spring Boot auto-configuration builds it, with two changes. The reader
 * polls again after {@code ledger.events.fetch-delay} (Axon's default is 1 s) when it found nothing new.
 * A commit on this node normally wakes the reader at once, but one that lands while the reader is
 * mid-fetch, and every commit of another node, waits out the delay: up to a second of log and view lag
 * that a client reading its own write sees. An idle poll is one indexed query. Axon builds the store in
 * one auto-configured bean with no setting for the delay, so the storage engine is declared here too
 * (declaring an event store turns Axon's engine bean off). And its connections are the Spring transaction's,
 * not wrapped per unit of work (see below), and it reads a consignment's items at once
 * ({@link PrefetchingEventStorageEngine}).
 */
@org.springframework.context.annotation.Configuration
public class EventStoreSetup {

    @Bean
    public PrefetchingEventStorageEngine eventStorageEngine(@Qualifier("serializer") Serializer snapshotSerializer,
                                                            @Qualifier("eventSerializer") Serializer eventSerializer,
                                                            PersistenceExceptionResolver persistenceExceptionResolver,
                                                            Configuration axon, DataSource dataSource,
                                                            TransactionManager transactionManager) {
        // The Spring transaction's own connection, without Axon's unit-of-work wrapper: that wrapper rolls the
        // connection back when a command's unit of work fails, which would take back every command written
        // before it in the same group commit (CommandWriter), not just the failed one's savepoint.
        ConnectionProvider connections = new SpringDataSourceConnectionProvider(dataSource);
        return new PrefetchingEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactionManager)
                .schema(new EventSchema()), transactionManager);
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration axon,
                                         LedgerProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.events().fetchDelay().toMillis())
                .build();
    }
}
