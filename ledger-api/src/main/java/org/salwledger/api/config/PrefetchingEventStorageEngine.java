package org.salwledger.api.config;

import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.salwledger.core.item.StreamPrefetch;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Axon's JDBC event store, able to read many streams at once for the unit of work that is about to load them. Axon
 * loads an aggregate with one query for its snapshots and, for its records, one per batch until a batch comes back
 * empty: three round trips an item. A consignment names its items first ({@link StreamPrefetch}); this reads their
 * snapshots and records with a query per few hundred streams, keeps them for the current unit of work, and answers
 * Axon's per-stream reads from them, in the windows and order Axon asks for. Anything not read ahead (another stream,
 * records before the ones read) comes from the database as before. Read ahead in the same transaction, the records
 * are what the per-stream queries would have found a moment later; a stream another node appends to in between fails
 * this node's append at that position, as it would have anyway.
 */
public class PrefetchingEventStorageEngine extends JdbcEventStorageEngine implements StreamPrefetch {
    /** Streams per query: a 10,000-item consignment of new items is read in 50 queries for snapshots, 50 for records. */
    private static final int CHUNK = 200;

    private final TransactionManager transactions;
    private final String resourceKey = getClass().getName() + "@" + System.identityHashCode(this);

    public PrefetchingEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactions) {
        super(builder);
        this.transactions = transactions;
    }

    /** A stream read ahead: its snapshots, newest first, and its records from {@code from} on, in order. */
    private record ReadAhead(List<DomainEventData<?>> snapshots, long from, List<DomainEventData<?>> records) {}

    @Override
    public void prefetch(Collection<String> streamIds) {
        if (!CurrentUnitOfWork.isStarted() || streamIds.isEmpty()) {
            return;
        }
        Map<String, ReadAhead> held = held();
        List<String> wanted = streamIds.stream().distinct().filter(id -> !held.containsKey(id)).toList();
        Map<String, List<DomainEventData<?>>> snapshots = new HashMap<>();
        for (List<String> chunk : chunks(wanted)) {
            query("SELECT " + domainEventFields() + " FROM " + schema().snapshotTable() + " WHERE "
                    + schema().aggregateIdentifierColumn() + " IN (" + marks(chunk.size()) + ") ORDER BY "
                    + schema().aggregateIdentifierColumn() + ", " + schema().sequenceNumberColumn() + " DESC",
                    chunk, -1, this::getSnapshotData)
                    .forEach(s -> snapshots.computeIfAbsent(s.getAggregateIdentifier(), id -> new ArrayList<>()).add(s));
        }
        // Axon reads the records after the newest snapshot (or all, without one); streams that start at the same
        // position share a query
        Map<Long, List<String>> byStart = new LinkedHashMap<>();
        for (String id : wanted) {
            List<DomainEventData<?>> own = snapshots.getOrDefault(id, List.of());
            long from = own.isEmpty() ? 0 : own.get(0).getSequenceNumber() + 1;
            byStart.computeIfAbsent(from, f -> new ArrayList<>()).add(id);
        }
        Map<String, List<DomainEventData<?>>> records = new HashMap<>();
        byStart.forEach((from, ids) -> {
            for (List<String> chunk : chunks(ids)) {
                query("SELECT " + domainEventFields() + " FROM " + schema().domainEventTable() + " WHERE "
                        + schema().aggregateIdentifierColumn() + " IN (" + marks(chunk.size()) + ") AND "
                        + schema().sequenceNumberColumn() + " >= ? ORDER BY " + schema().aggregateIdentifierColumn()
                        + ", " + schema().sequenceNumberColumn() + " ASC", chunk, from, this::getDomainEventData)
                        .forEach(r -> records.computeIfAbsent(r.getAggregateIdentifier(), id -> new ArrayList<>()).add(r));
            }
            ids.forEach(id -> held.put(id, new ReadAhead(snapshots.getOrDefault(id, List.of()), from,
                    records.getOrDefault(id, List.of()))));
        });
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        ReadAhead ahead = readAhead(aggregateIdentifier);
        return ahead == null ? super.readSnapshotData(aggregateIdentifier) : ahead.snapshots().stream();
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        ReadAhead ahead = readAhead(aggregateIdentifier);
        if (ahead == null || firstSequenceNumber < ahead.from()) {
            return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
        }
        List<DomainEventData<?>> batch = ahead.records().stream()
                .filter(r -> r.getSequenceNumber() >= firstSequenceNumber
                        && r.getSequenceNumber() < firstSequenceNumber + batchSize)
                .toList();
        if (batch.isEmpty()) {
            // the stream has been read to its end: from here on it changes in this unit of work, so it is read again
            held().remove(aggregateIdentifier);
        }
        return batch;
    }

    /** Only looks: a load in a unit of work that read nothing ahead (most loads) makes no map. */
    private ReadAhead readAhead(String aggregateIdentifier) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Map<String, ReadAhead> held = CurrentUnitOfWork.get().root().getResource(resourceKey);
        return held == null ? null : held.get(aggregateIdentifier);
    }

    private Map<String, ReadAhead> held() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(resourceKey, key -> new HashMap<>());
    }

    private List<DomainEventData<?>> query(String sql, List<String> ids, long from,
                                           JdbcUtils.SqlResultConverter<DomainEventData<?>> row) {
        return transactions.fetchInTransaction(() -> JdbcUtils.executeQuery(getConnection(), connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < ids.size(); i++) {
                statement.setString(i + 1, ids.get(i));
            }
            if (from >= 0) {
                statement.setLong(ids.size() + 1, from);
            }
            return statement;
        }, JdbcUtils.listResults(row), failed("Failed to read ahead the records of " + ids.size() + " streams")));
    }

    private static Function<SQLException, RuntimeException> failed(String message) {
        return e -> new EventStoreException(message, e);
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
