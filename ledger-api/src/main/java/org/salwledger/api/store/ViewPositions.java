package org.salwledger.api.store;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * Read-your-writes. A write answers with the event store position of its last record
 * ({@code Ledger-Position}); a read that sends it back ({@code Ledger-After}) waits, bounded, until the
 * views and the log writer (on whichever node owns their segments) have committed that record. Without it a client reading at once after its
 * 201 may see the views as they were a moment before.
 */
@Component
public class ViewPositions {
    public static final String POSITION_HEADER = "Ledger-Position";
    public static final String AFTER_HEADER = "Ledger-After";
    public static final String CAUGHT_UP_HEADER = "Ledger-Views-Caught-Up";

    private final ProcessorTokens tokens;
    private final JdbcTemplate jdbc;

    public ViewPositions(ProcessorTokens tokens, JdbcTemplate jdbc) {
        this.tokens = tokens;
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
    private boolean caughtUp(long position, String stream) {
        TrackingToken record = GapAwareTrackingToken.newInstance(position, Collections.emptySortedSet());
        for (String group : ProcessorTokens.READ_SIDE) {
            List<ProcessorTokens.SegmentToken> segments = tokens.of(group);
            int[] ids = segments.stream().mapToInt(ProcessorTokens.SegmentToken::segment).toArray();
            boolean handled = segments.stream()
                    .filter(t -> Segment.computeSegment(t.segment(), ids).matches(stream))
                    .anyMatch(t -> t.token() != null && t.token().covers(record));
            if (!handled) {
                return false;
            }
        }
        return true;
    }

    /** Waits until the record at {@code position} is in every read-side processor's views, at most {@code max}. */
    public boolean await(long position, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        // the record is committed before its position is answered: its stream is looked up once
        List<String> stream = jdbc.queryForList("SELECT aggregateIdentifier FROM DomainEventEntry WHERE globalIndex = ?",
                String.class, position);
        if (stream.isEmpty()) {
            return false;
        }
        while (!caughtUp(position, stream.get(0))) {
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
