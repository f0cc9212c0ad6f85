package org.salwledger.api.store;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.salwledger.projections.LedgerViews;
import org.salwledger.projections.log.LogAppender;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * Read-your-writes. A write answers with the event store position of its last record
 * ({@code Ledger-Position}); a read that sends it back ({@code Ledger-After}) waits, bounded, until this
 * node's views and log writer have processed that record. Without it a client reading at once after its
 * 201 may see the views as they were a moment before.
 */
@Component
public class ViewPositions {
    public static final String POSITION_HEADER = "Ledger-Position";
    public static final String AFTER_HEADER = "Ledger-After";
    public static final String CAUGHT_UP_HEADER = "Ledger-Views-Caught-Up";

    private static final List<String> READ_SIDE = List.of(LedgerViews.PROCESSING_GROUP, LogAppender.PROCESSING_GROUP);

    private final Serializer tokenSerializer;
    private final JdbcTemplate jdbc;

    /** @param tokenSerializer the serializer Axon's token store writes tokens with (the general one) */
    public ViewPositions(@Qualifier("serializer") Serializer tokenSerializer, JdbcTemplate jdbc) {
        this.tokenSerializer = tokenSerializer;
        this.jdbc = jdbc;
    }

    /** The global index the event store gave the message with this identifier (in the writing transaction too). */
    public long positionOf(String eventIdentifier) {
        return jdbc.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?", Long.class,
                eventIdentifier);
    }

    /**
     * Whether every read-side processor has committed the record at {@code position}, on any node: read
     * from the token store, which a processor updates in the transaction that writes its views. Of a
     * processor split in segments, only the segment that handles the record's stream counts: an idle
     * segment stores its token only every few seconds (Axon's claim extension), and its views do not
     * hold the record anyway. Axon's default sequencing policy puts a stream in the segment its
     * aggregate identifier hashes to ({@link Segment#matches(Object)}).
     */
    public boolean caughtUp(long position) {
        List<String> stream = jdbc.queryForList("SELECT aggregateIdentifier FROM DomainEventEntry WHERE globalIndex = ?",
                String.class, position);
        if (stream.isEmpty()) {
            return false;
        }
        TrackingToken record = GapAwareTrackingToken.newInstance(position, Collections.emptySortedSet());
        for (String group : READ_SIDE) {
            List<SegmentToken> tokens = jdbc.query("SELECT segment, token, tokenType FROM TokenEntry WHERE processorName = ?",
                    (rs, i) -> new SegmentToken(rs.getInt(1), rs.getBytes(2) == null ? null
                            : tokenSerializer.<byte[], TrackingToken>deserialize(
                                    new SimpleSerializedObject<>(rs.getBytes(2), byte[].class, rs.getString(3), null))),
                    group);
            int[] ids = tokens.stream().mapToInt(SegmentToken::segment).toArray();
            boolean handled = tokens.stream()
                    .filter(t -> Segment.computeSegment(t.segment(), ids).matches(stream.get(0)))
                    .anyMatch(t -> t.token() != null && t.token().covers(record));
            if (!handled) {
                return false;
            }
        }
        return true;
    }

    private record SegmentToken(int segment, TrackingToken token) {}

    /** Waits until {@link #caughtUp}, at most {@code max}; answers whether it did. */
    public boolean await(long position, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!caughtUp(position)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
