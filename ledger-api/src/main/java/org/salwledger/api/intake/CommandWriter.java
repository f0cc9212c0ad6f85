package org.salwledger.api.intake;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.salwledger.api.config.AggregateCacheJournal;
import org.salwledger.api.config.LedgerProperties;
import org.salwledger.api.problem.CommitUnconfirmed;
import org.salwledger.api.store.DurableCommits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * The ledger's single writer: verified commands wait in a queue and are written in groups, each group one
 * database transaction and each command in it behind its own savepoint (group commit). A command refused
 * mid-group rolls back to its savepoint alone; the others stay. Nobody is answered before the group's commit
 * returned and was made durable ({@link DurableCommits}), so an acknowledged command survives a kill, for one
 * write per group instead of one per command: on H2 each write is a chunk of every page touched since the last,
 * which made it the largest single cost of a command (README "Performance"). One writer also means commands of
 * this node never race each other for a stream.
 */
@Component
public class CommandWriter {
    private static final Logger log = LoggerFactory.getLogger(CommandWriter.class);

    private record Job<T>(Supplier<T> work, CompletableFuture<T> done, Map<String, String> context) {}

    private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final TransactionTemplate group;
    private final TransactionTemplate savepoint;
    private final AggregateCacheJournal aggregateCache;
    private final DurableCommits durable;
    private final int maxGroup;
    private final DistributionSummary groups;
    private final Thread thread;
    private volatile boolean running = true;

    @Autowired
    public CommandWriter(PlatformTransactionManager transactions, AggregateCacheJournal aggregateCache,
                         DurableCommits durable, LedgerProperties properties, MeterRegistry meters) {
        this(transactions, aggregateCache, durable, properties.commands().maxGroup(), meters);
    }

    CommandWriter(PlatformTransactionManager transactions, AggregateCacheJournal aggregateCache, DurableCommits durable,
                  int maxGroup, MeterRegistry meters) {
        this.groups = DistributionSummary.builder("ledger.commands.group").baseUnit("commands")
                .description("commands written in one database transaction (group commit)").register(meters);
        this.group = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.aggregateCache = aggregateCache;
        this.durable = durable;
        this.maxGroup = maxGroup;
        if (maxGroup < 1) {
            throw new IllegalArgumentException("ledger.commands.max-group must be at least 1, got " + maxGroup);
        }
        this.thread = new Thread(this::writeGroups, "command-writer");
        this.thread.start();
    }

    /** Runs {@code work} in the writer's current group and answers once that group is committed. */
    public <T> T write(Supplier<T> work) {
        Job<T> job = new Job<>(work, new CompletableFuture<>(), MDC.getCopyOfContextMap());
        // under the lock stop() takes: a job is either queued before the writer's last drain or refused
        synchronized (queue) {
            if (!running) {
                throw new IllegalStateException("the ledger is stopping and takes no more commands");
            }
            queue.add(job);
        }
        try {
            return job.done().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the command's commit", e);
        }
    }

    private void writeGroups() {
        List<Job<?>> jobs = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Job<?> first = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                jobs.add(first);
                queue.drainTo(jobs, maxGroup - 1);
                writeGroup(jobs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error unexpected) {
                log.error("the command writer failed a group of {} commands", jobs.size(), unexpected);
                jobs.forEach(job -> job.done().completeExceptionally(unexpected));
            } finally {
                jobs.clear();
            }
        }
    }

    private void writeGroup(List<Job<?>> jobs) {
        groups.record(jobs.size());
        Object[] results = new Object[jobs.size()];
        RuntimeException[] refusals = new RuntimeException[jobs.size()];
        aggregateCache.openGroup();
        try {
            group.executeWithoutResult(tx -> {
                for (int i = 0; i < jobs.size(); i++) {
                    Job<?> job = jobs.get(i);
                    Map<String, String> before = MDC.getCopyOfContextMap();
                    if (job.context() != null) {
                        MDC.setContextMap(job.context());
                    }
                    int cacheMark = aggregateCache.mark();
                    try {
                        results[i] = savepoint.execute(status -> job.work().get());
                    } catch (TransactionException savepointLost) {
                        // Rolling back to the savepoint failed: what the group holds is unknown, so none of it counts.
                        throw savepointLost;
                    } catch (RuntimeException refused) {
                        refusals[i] = refused;
                        // The aggregates it cached may hold events the savepoint's rollback took back.
                        aggregateCache.rollBackTo(cacheMark);
                    } finally {
                        if (before == null) {
                            MDC.clear();
                        } else {
                            MDC.setContextMap(before);
                        }
                    }
                }
            });
        } catch (RuntimeException commitFailed) {
            aggregateCache.rollBackTo(0);
            for (int i = 0; i < jobs.size(); i++) {
                jobs.get(i).done().completeExceptionally(refusals[i] != null ? refusals[i] : commitFailed);
            }
            return;
        } finally {
            aggregateCache.closeGroup();
        }
        RuntimeException unconfirmed = null;
        try {
            durable.await();
        } catch (RuntimeException notWritten) {
            log.error("a group of {} commands committed but was not confirmed written", jobs.size(), notWritten);
            unconfirmed = new CommitUnconfirmed(notWritten);
        }
        for (int i = 0; i < jobs.size(); i++) {
            complete(jobs.get(i), results[i], refusals[i] != null ? refusals[i] : unconfirmed);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Job<T> job, Object result, RuntimeException refused) {
        if (refused != null) {
            job.done().completeExceptionally(refused);
        } else {
            job.done().complete((T) result);
        }
    }

    /** Commands already queued are written and answered; new ones are refused. */
    @PreDestroy
    void stop() throws InterruptedException {
        synchronized (queue) {
            running = false;
        }
        thread.join(30_000);
    }
}
