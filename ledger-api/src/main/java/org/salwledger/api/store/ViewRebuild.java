package org.salwledger.api.store;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.salwledger.api.config.LedgerProperties;
import org.salwledger.projections.LedgerViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Empties the views and projects them again from the first record of the event store: after a view's
 * shape changed, or to prove that what the views show follows from the records alone. The views'
 * processor is stopped, its reset handlers empty what the events built (not the reading audit, not the
 * refusals kept outside the records, not the alerts that time raised: the next sweep settles those), its
 * tokens go back to the start, the records stored so far are replayed into its handlers ({@link ViewReplay}), and
 * it runs again from there. The rebuild is noted in {@code view_rebuild} before the
 * views are emptied and the note removed once they caught up: a node stopped in between rebuilds again at its
 * next start (H2 commits at each TRUNCATE of the reset, so emptied views and their tokens are not one
 * transaction there). The transparency log and the write side are not touched. Every node must be stopped
 * but this one: a segment another node holds cannot be reset, and the reset (rolled back as a whole) fails
 * the start. A node that died without releasing its segments (SIGKILL, a crash) holds them until its claims
 * time out ({@code axon.eventhandling.tokenstore.claim-timeout}); the reset waits that long for them before
 * it gives up, so a node restarted at once after a crash, with a rebuild asked or one the crash cut short,
 * starts.
 */
@Component
public class ViewRebuild {
    private static final Logger log = LoggerFactory.getLogger(ViewRebuild.class);
    private static final Duration POLL = Duration.ofMillis(20);

    /** A rebuild: the records it replays (the event store at its start), when it began, and how long it took. */
    public record Run(long records, long lastPosition, Instant startedAt, Duration took) {
        public boolean finished() {
            return took != null;
        }

        /** Records projected per second, once finished. */
        public double recordsPerSecond() {
            return records / Math.max(took.toNanos() / 1e9, 1e-9);
        }
    }

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final ProcessorTokens tokens;
    private final Clock clock;
    private final boolean atStart;
    private final Duration claimTimeout;
    private final ViewReplay replay;
    private final ReentrantReadWriteLock readers = new ReentrantReadWriteLock();
    private volatile Run last;
    private volatile boolean stopping;

    public ViewRebuild(EventProcessingConfiguration processing, EventStore events, JdbcTemplate jdbc,
                       ProcessorTokens tokens, ViewReplay replay, Clock clock, LedgerProperties properties,
                       @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        this.processing = processing;
        this.events = events;
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.replay = replay;
        this.clock = clock;
        this.atStart = properties.views().rebuild();
        this.claimTimeout = claimTimeout;
    }

    @EventListener(ApplicationStartedEvent.class)
    void rebuildIfAsked() {
        if (atStart) {
            start();
        } else if (unfinished()) {
            log.warn("The views' last rebuild did not finish (the node stopped before the views caught up): rebuilding again");
            start();
        }
    }

    /** A rebuild was noted and never finished: the views may have been emptied behind tokens that look done. */
    private boolean unfinished() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM view_rebuild", Integer.class) > 0;
    }

    /** Starts a rebuild and returns at once; {@link #last()} tells when it finished. */
    public Run start() {
        readers.writeLock().lock();
        try {
            return startAlone();
        } finally {
            readers.writeLock().unlock();
        }
    }

    private Run startAlone() {
        if (running()) {
            return last;
        }
        StreamingEventProcessor views = processing.eventProcessor(LedgerViews.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow(() -> new IllegalStateException("no views processor"));
        long lastPosition = position(events.createHeadToken());
        long records = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex <= ?", Long.class,
                lastPosition);
        log.info("Rebuilding the views from the event store: {} records", records);
        views.shutDown();
        boolean noted = jdbc.update("INSERT INTO view_rebuild (id, started_at) VALUES (1, ?) ON CONFLICT DO NOTHING",
                Timestamp.from(clock.instant())) == 1;
        long began = System.nanoTime();
        try {
            resetOnceTheSegmentsAreFree(views);
        } catch (UnableToClaimTokenException heldElsewhere) {
            // Axon claims every segment before any reset handler runs: the views are untouched, and a note left
            // behind would make every node started later try to rebuild
            if (noted) {
                jdbc.update("DELETE FROM view_rebuild");
            }
            throw heldElsewhere;
        }
        Run run = new Run(records, lastPosition, clock.instant(), null);
        last = run;
        Thread watcher = new Thread(() -> {
            if (replayThenStart(views, lastPosition)) {
                awaitCaughtUp(views, run, began);
            }
        }, "views-rebuild");
        watcher.setDaemon(true);
        watcher.start();
        return run;
    }

    /**
     * The records up to the rebuild's last go straight to the views' handlers ({@link ViewReplay}); the processor
     * starts after them, from where the replay stored the tokens: the records appended since, or, if the replay
     * failed, the rest of the rebuild at the processor's pace. Answers whether the processor started: not on a
     * node that is stopping.
     */
    private boolean replayThenStart(StreamingEventProcessor views, long lastPosition) {
        try {
            if (views instanceof AbstractEventProcessor processor) {
                replay.replay(processor.getName(), processor.eventHandlerInvoker(), lastPosition, () -> stopping);
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                log.warn("The views' replay failed; the views' processor goes on from its last batch", e);
            }
        }
        if (stopping) {
            return false;
        }
        views.start();
        return true;
    }

    /**
     * The node is stopping: a replay under way ends at its batch, the processor is not started behind Axon's
     * shutdown, and the note makes the next start rebuild. At the close's first step, before Axon stops its processors.
     */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        stopping = true;
    }

    /**
     * A live node extends its claims every few seconds; a dead one's expire after the claim timeout. Retrying
     * a little past it tells the two apart: the claims of a node still running outlast the wait.
     */
    private void resetOnceTheSegmentsAreFree(StreamingEventProcessor views) {
        long deadline = System.nanoTime() + claimTimeout.plusSeconds(2).toNanos();
        for (int attempt = 0; ; attempt++) {
            try {
                views.resetTokens();
                return;
            } catch (UnableToClaimTokenException held) {
                if (System.nanoTime() > deadline) {
                    throw held;
                }
                if (attempt == 0) {
                    log.info("A views segment is claimed by another node ({}); waiting up to the claim timeout ({}) "
                            + "for a node that died to lose it", held.getMessage(), claimTimeout);
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw held;
                }
            }
        }
    }

    /**
     * Runs {@code work} unless the views are being rebuilt (they show part of the past then); a rebuild
     * does not start while it runs. Answers whether it ran.
     */
    public boolean unlessRebuilding(Runnable work) {
        readers.readLock().lock();
        try {
            if (running()) {
                return false;
            }
            work.run();
            return true;
        } finally {
            readers.readLock().unlock();
        }
    }

    private boolean running() {
        Run run = last;
        return run != null && !run.finished();
    }

    /** The last rebuild since this node started, if any. */
    public Optional<Run> last() {
        return Optional.ofNullable(last);
    }

    private void awaitCaughtUp(StreamingEventProcessor views, Run run, long began) {
        try {
            int segments = tokens.of(LedgerViews.PROCESSING_GROUP).size();
            while (!caughtUp(views.processingStatus().values(), segments, run.lastPosition())) {
                if (stopping) {
                    return; // the note stays: the next start rebuilds
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Run done = new Run(run.records(), run.lastPosition(), run.startedAt(), Duration.ofNanos(System.nanoTime() - began));
        jdbc.update("DELETE FROM view_rebuild");
        last = done;
        log.info(String.format(Locale.ROOT, "Views rebuilt: %d records in %.2f s (%.0f records/s)", done.records(),
                done.took().toNanos() / 1e9, done.recordsPerSecond()));
    }

    /**
     * Each of the processor's segments is worked on here and has passed the last record of the rebuild. Its in-memory status,
     * not the token store: a segment with nothing of its own to write stores its token only now and then.
     */
    public static boolean caughtUp(Collection<EventTrackerStatus> segments, int segmentCount, long lastPosition) {
        return segments.size() >= segmentCount && segments.stream().allMatch(s -> s.getCurrentPosition().orElse(-1)
                >= lastPosition && !s.isErrorState());
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
