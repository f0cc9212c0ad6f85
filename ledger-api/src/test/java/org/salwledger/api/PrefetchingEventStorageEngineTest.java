package org.salwledger.api;

import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.salwledger.api.config.PrefetchingEventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams read ahead ({@link PrefetchingEventStorageEngine}) are answered from memory in the unit of work that read
 * them, in the windows Axon asks for, and everything else from the database, on both stores. The rows are deleted
 * behind the engine's back after the read-ahead: what still comes back came from memory.
 */
class PrefetchingEventStorageEngineTest {
    /** Smaller than a stream, so Axon asks for several windows. */
    private static final int BATCH = 3;

    private final String plain = UUID.randomUUID().toString();
    private final String snapshotted = UUID.randomUUID().toString();
    private final String unknown = UUID.randomUUID().toString();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void streamsReadAheadAreAnsweredFromMemoryInTheirUnitOfWorkOnly(String store) {
        // the shared schema only: the append-only guards would refuse the deletes this test makes behind the engine
        DriverManagerDataSource dataSource = StoreSchemas.unguarded(store);
        PrefetchingEventStorageEngine engine = engine(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        engine.appendEvents(records(plain, 7));
        engine.appendEvents(records(snapshotted, 7));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Item", snapshotted, 3, "state at 3"));

        engine.prefetch(List.of(plain, snapshotted));
        assertThat(sequences(engine, plain, 0)).as("no unit of work, nothing read ahead").isEqualTo(range(0, 7));

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            engine.prefetch(List.of(plain, snapshotted, unknown));
            jdbc.update("DELETE FROM DomainEventEntry");
            jdbc.update("DELETE FROM SnapshotEventEntry");

            assertThat(engine.readSnapshot(snapshotted)).get().extracting(DomainEventMessage::getSequenceNumber)
                    .isEqualTo(3L);
            assertThat(sequences(engine, snapshotted, 4)).isEqualTo(range(4, 7));
            assertThat(sequences(engine, snapshotted, 0)).as("records before the ones read ahead: the database's")
                    .isEmpty();
            assertThat(engine.readSnapshot(plain)).isEmpty();
            assertThat(sequences(engine, plain, 0)).isEqualTo(range(0, 7));
            assertThat(sequences(engine, plain, 0)).as("read to its end once, then from the database").isEmpty();
            assertThat(sequences(engine, unknown, 0)).isEmpty();
        } finally {
            unitOfWork.rollback();
        }
    }

    private static List<Long> sequences(PrefetchingEventStorageEngine engine, String stream, long from) {
        return engine.readEvents(stream, from).asStream().map(DomainEventMessage::getSequenceNumber).toList();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    private static List<DomainEventMessage<?>> records(String stream, int count) {
        return LongStream.range(0, count).<DomainEventMessage<?>>mapToObj(
                sequence -> new GenericDomainEventMessage<>("Item", stream, sequence, "record " + sequence)).toList();
    }

    private static PrefetchingEventStorageEngine engine(DriverManagerDataSource dataSource) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return new PrefetchingEventStorageEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(serializer).snapshotSerializer(serializer).batchSize(BATCH)
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE), NoTransactionManager.INSTANCE);
    }
}
