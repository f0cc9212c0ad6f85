package org.salwledger.api.store;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Projects a rebuild's records straight into the views' handlers while the views' processor is stopped, a thousand
 * records a transaction. Axon's pooled processor caps a rebuild near 10,000 records/s on any machine: its
 * coordinator hands each segment at most 1,024 records and, once a segment's queue is full, looks again only 100 ms
 * later (Axon 4.13 {@code Coordinator}; README "Performance"). Here one thread reads the store and calls the same
 * handlers, for the segment each record belongs to, with the token each segment would have had (a handler that asks
 * whether it is replaying gets the processor's answer), and stores every segment's token with each batch, as the
 * processor would: a node stopped halfway resumes from the last batch, through the processor. The processor then
 * takes over from where this stopped; the records appended meanwhile are its.
 */
@Component
public class ViewReplay {
    /** Records a transaction: H2 writes a chunk and PostgreSQL flushes its log once per commit. */
    private static final int BATCH = 1_000;

    private final EventStorageEngine storage;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final int batchSize;

    @Autowired
    public ViewReplay(EventStorageEngine storage, TokenStore tokenStore, TransactionManager transactions) {
        this(storage, tokenStore, transactions, BATCH);
    }

    private ViewReplay(EventStorageEngine storage, TokenStore tokenStore, TransactionManager transactions, int batchSize) {
        this.storage = storage;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /** The same replay, {@code batchSize} records a transaction: a test sees batches without a thousand records. */
    public ViewReplay inBatchesOf(int batchSize) {
        return new ViewReplay(storage, tokenStore, transactions, batchSize);
    }

    /**
     * Hands every record up to {@code lastPosition} to {@code invoker}, the handlers of processor {@code name}, whose
     * tokens were just reset. Stops early, between batches, once {@code stopped} says so. Answers the records read.
     * The segments are claimed for this node while it runs and released when it ends, however it ends.
     */
    public long replay(String name, EventHandlerInvoker invoker, long lastPosition, BooleanSupplier stopped) {
        int[] ids = transactions.fetchInTransaction(() -> tokenStore.fetchSegments(name));
        Segment[] segments = new Segment[ids.length];
        TrackingToken[] tokens = new TrackingToken[ids.length];
        transactions.executeInTransaction(() -> {
            for (int i = 0; i < ids.length; i++) {
                segments[i] = Segment.computeSegment(ids[i], ids);
                tokens[i] = tokenStore.fetchToken(name, ids[i]);
            }
        });
        try (Stream<? extends TrackedEventMessage<?>> records = storage.readEvents(null, false)) {
            return replay(name, ids, segments, tokens, invoker, records.iterator(), lastPosition, stopped);
        } finally {
            transactions.executeInTransaction(() -> {
                for (int id : ids) {
                    tokenStore.releaseClaim(name, id);
                }
            });
        }
    }

    private long replay(String name, int[] ids, Segment[] segments, TrackingToken[] tokens, EventHandlerInvoker invoker,
                        Iterator<? extends TrackedEventMessage<?>> records, long lastPosition, BooleanSupplier stopped) {
        Batch batch = new Batch();
        long read = 0;
        while (records.hasNext() && !stopped.getAsBoolean()) {
            TrackedEventMessage<?> record = records.next();
            if (record.trackingToken().position().orElse(Long.MAX_VALUE) > lastPosition) {
                break;
            }
            read++;
            for (int i = 0; i < segments.length; i++) {
                if (tokens[i] != null && tokens[i].covers(record.trackingToken())) {
                    continue;
                }
                tokens[i] = WrappedToken.advance(tokens[i], record.trackingToken());
                if (invoker.canHandle(record, segments[i])) {
                    batch.add(record.withTrackingToken(tokens[i]), segments[i]);
                }
            }
            if (read % batchSize == 0) {
                commit(name, ids, tokens.clone(), invoker, batch);
                batch = new Batch();
            }
        }
        commit(name, ids, tokens.clone(), invoker, batch);
        return read;
    }

    /** One transaction: the batch's records handled and every segment's token where the batch left it. */
    private void commit(String name, int[] ids, TrackingToken[] reached, EventHandlerInvoker invoker, Batch batch) {
        Runnable storeTokens = () -> {
            for (int i = 0; i < ids.length; i++) {
                tokenStore.storeToken(reached[i], name, ids[i]);
            }
        };
        if (batch.records.isEmpty()) {
            transactions.executeInTransaction(storeTokens);
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch.records);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.onPrepareCommit(u -> storeTokens.run());
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> record = unitOfWork.getMessage();
            invoker.handle(record, batch.segmentOf.get(record));
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("The views' handlers failed on a rebuild's batch (rolled back)",
                    result.exceptionResult());
        }
    }

    /** Records to handle, each with its segment (the same record twice, with two tokens, if two segments take it). */
    private static final class Batch {
        final List<EventMessage<?>> records = new ArrayList<>();
        final Map<EventMessage<?>, Segment> segmentOf = new IdentityHashMap<>();

        void add(EventMessage<?> record, Segment segment) {
            records.add(record);
            segmentOf.put(record, segment);
        }
    }
}
