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
        Claimed claimed = new Claimed(name);
        try (Stream<? extends TrackedEventMessage<?>> records = storage.readEvents(null, false)) {
            return replay(claimed, invoker, records.iterator(), lastPosition, stopped);
        } finally {
            claimed.release();
        }
    }

    private long replay(Claimed claimed, EventHandlerInvoker invoker, Iterator<? extends TrackedEventMessage<?>> records,
                        long lastPosition, BooleanSupplier stopped) {
        Batch batch = new Batch();
        long read = 0;
        while (records.hasNext() && !stopped.getAsBoolean()) {
            TrackedEventMessage<?> record = records.next();
            if (record.trackingToken().position().orElse(Long.MAX_VALUE) > lastPosition) {
                break;
            }
            read++;
            claimed.pass(record, invoker, batch);
            if (read % batchSize == 0) {
                commit(batch, claimed.reached(), invoker);
                batch = new Batch();
            }
        }
        commit(batch, claimed.reached(), invoker);
        return read;
    }

    /** One transaction: the batch's records handled and every segment's token where the batch left it. */
    private void commit(Batch batch, Runnable storeTokens, EventHandlerInvoker invoker) {
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

    /** The processor's segments, claimed for this node while the replay runs, each with the token it reached. */
    private final class Claimed {
        private final String name;
        private final int[] ids;
        private final Segment[] segments;
        private final TrackingToken[] tokens;

        Claimed(String name) {
            this.name = name;
            this.ids = transactions.fetchInTransaction(() -> tokenStore.fetchSegments(name));
            this.segments = new Segment[ids.length];
            this.tokens = new TrackingToken[ids.length];
            transactions.executeInTransaction(() -> {
                for (int i = 0; i < ids.length; i++) {
                    segments[i] = Segment.computeSegment(ids[i], ids);
                    tokens[i] = tokenStore.fetchToken(name, ids[i]);
                }
            });
        }

        /** Every segment not yet past {@code record} passes it, and takes it into the batch if its handlers do. */
        void pass(TrackedEventMessage<?> record, EventHandlerInvoker invoker, Batch batch) {
            for (int i = 0; i < segments.length; i++) {
                if (tokens[i] != null && tokens[i].covers(record.trackingToken())) {
                    continue;
                }
                tokens[i] = WrappedToken.advance(tokens[i], record.trackingToken());
                if (invoker.canHandle(record, segments[i])) {
                    batch.add(record.withTrackingToken(tokens[i]), segments[i]);
                }
            }
        }

        /** Stores, when run (in the batch's transaction), the tokens as they stand now; storing extends the claims. */
        Runnable reached() {
            TrackingToken[] reached = tokens.clone();
            return () -> {
                for (int i = 0; i < ids.length; i++) {
                    tokenStore.storeToken(reached[i], name, ids[i]);
                }
            };
        }

        void release() {
            transactions.executeInTransaction(() -> {
                for (int id : ids) {
                    tokenStore.releaseClaim(name, id);
                }
            });
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
