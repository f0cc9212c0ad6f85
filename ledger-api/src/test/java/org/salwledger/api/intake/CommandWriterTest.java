package org.salwledger.api.intake;

import org.axonframework.common.caching.EhCache3Adapter;
import org.ehcache.core.Ehcache;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.api.config.AggregateCacheJournal;
import org.salwledger.api.store.DurableCommits;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Group commit below HTTP, on a real H2 database: savepoints per command, answers only after the group's commit. */
class CommandWriterTest {
    private final AtomicBoolean failNextCommit = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger writeCalls = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int failWriteNumber;
    private final java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
    private volatile CountDownLatch writeAllowed = new CountDownLatch(0);
    private final Set<Long> groupTransactions = ConcurrentHashMap.newKeySet();
    private JdbcTemplate jdbc;
    private JdbcTemplate outside;
    private AggregateCacheJournal cache;
    private CommandWriter writer;
    private io.micrometer.core.instrument.MeterRegistry meters;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:writer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        // the same database through a plain connection: what another reader sees, committed only
        JdbcDataSource plain = new JdbcDataSource();
        plain.setURL(h2.getURL());
        JdbcTransactionManager transactions = new JdbcTransactionManager(h2) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                if (failNextCommit.getAndSet(false)) {
                    super.doRollback(status);
                    throw new org.springframework.transaction.TransactionSystemException("disk full");
                }
                super.doCommit(status);
            }
        };
        jdbc = new JdbcTemplate(h2);
        outside = new JdbcTemplate(plain);
        outside.execute("CREATE TABLE fact (id VARCHAR(32) PRIMARY KEY)");
        cache = new AggregateCacheJournal(new EhCache3Adapter((Ehcache<Object, Object>) CacheManagerBuilder.newCacheManagerBuilder()
                .withCache("aggregates", CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(100))).build(true).getCache("aggregates", Object.class, Object.class)));
        meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        // the store's write to its files (H2's CHECKPOINT): counted, and held or failed on demand
        DurableCommits durable = new DurableCommits(h2) {
            @Override
            public void await() {
                CommandWriterTest.await(writeAllowed);
                if (writeCalls.incrementAndGet() == failWriteNumber) {
                    throw new org.springframework.dao.DataAccessResourceFailureException("no space left on device");
                }
                super.await();
                writes.incrementAndGet();
            }
        };
        writer = new CommandWriter(transactions, cache, durable, 8, meters);
    }

    @AfterEach
    void stop() throws InterruptedException {
        writer.stop();
    }

    private String insert(String id) {
        jdbc.update("INSERT INTO fact (id) VALUES (?)", id);
        groupTransactions.add(jdbc.queryForObject("SELECT TRANSACTION_ID()", Long.class));
        return id;
    }

    /** What Axon does when a command's unit of work commits inside the group: the aggregate goes into the cache. */
    private String cached(String aggregate, String result) {
        cache.put(aggregate, "state after " + result);
        return result;
    }

    private List<String> facts() {
        return outside.queryForList("SELECT id FROM fact ORDER BY id", String.class);
    }

    @Test
    void concurrentCommandsShareCommitsAndEachIsCommittedWhenAnswered() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<?>> answers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String id = "f" + i;
            answers.add(clients.submit(() -> {
                writer.write(() -> insert(id));
                assertThat(outside.queryForObject("SELECT COUNT(*) FROM fact WHERE id = ?", Integer.class, id))
                        .as("answered only once committed").isEqualTo(1);
            }));
        }
        for (Future<?> answer : answers) {
            answer.get();
        }
        clients.shutdown();

        assertThat(facts()).hasSize(400);
        assertThat(groupTransactions).as("transactions for 400 commands").hasSizeLessThan(400);
        var groups = meters.get("ledger.commands.group").summary();
        assertThat(groups.totalAmount()).isEqualTo(400);
        assertThat(groups.count()).isEqualTo(groupTransactions.size());
        assertThat(groups.max()).isGreaterThan(1).isLessThanOrEqualTo(8);
        assertThat(writes.get()).as("one write to the files per group").isEqualTo(groupTransactions.size());
    }

    @Test
    void aCommittedGroupIsAnsweredOnlyOnceItIsWrittenToTheFiles() throws Exception {
        writeAllowed = new CountDownLatch(1);
        ExecutorService clients = Executors.newSingleThreadExecutor();
        Future<String> answer = clients.submit(() -> writer.write(() -> insert("waiting")));
        Thread.sleep(300);

        assertThat(facts()).as("committed").containsExactly("waiting");
        assertThat(answer.isDone()).as("answered before it was written").isFalse();
        writeAllowed.countDown();
        assertThat(answer.get()).isEqualTo("waiting");
        clients.shutdown();
    }

    @Test
    void aGroupCommittedButNotWrittenIsAnsweredUnconfirmedAndItsRefusalsKeepTheirOwnAnswer() throws Exception {
        failWriteNumber = 2; // the holder's group is the first
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(3);
        Future<?> holder = hold(clients, release);
        Future<String> accepted = clients.submit(() -> writer.write(() -> insert("accepted")));
        Thread.sleep(50);
        Future<String> refused = clients.submit(() -> writer.write(() -> {
            throw new IllegalStateException("refused on its own");
        }));
        Thread.sleep(100);
        release.countDown();
        holder.get();

        assertThatThrownBy(accepted::get).hasCauseInstanceOf(org.salwledger.api.problem.CommitUnconfirmed.class)
                .hasRootCauseMessage("no space left on device");
        assertThatThrownBy(refused::get).hasRootCauseMessage("refused on its own");
        assertThat(writer.write(() -> insert("next"))).isEqualTo("next");
        clients.shutdown();
    }

    @Test
    void aRefusedCommandRollsBackAloneAndTheCacheForgetsWhatItCachedAndNothingElse() throws Exception {
        cache.put("item-0", "committed before");
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        Future<?> holder = hold(clients, release);
        Future<String> before = clients.submit(() -> writer.write(() -> cached("item-a", insert("a"))));
        Thread.sleep(50);
        Future<String> refused = clients.submit(() -> writer.write(() -> {
            cached("item-b", insert("b"));
            throw new IllegalStateException("refused after writing");
        }));
        Thread.sleep(50);
        Future<String> after = clients.submit(() -> writer.write(() -> cached("item-c", insert("c"))));
        Thread.sleep(100);
        release.countDown();

        holder.get();
        assertThat(before.get()).isEqualTo("a");
        assertThat(after.get()).isEqualTo("c");
        assertThatThrownBy(refused::get).hasRootCauseMessage("refused after writing");
        assertThat(facts()).containsExactly("a", "c", "held");
        assertThat(cache.containsKey("item-b")).as("the refused command's aggregate").isFalse();
        assertThat(cache.containsKey("item-0")).isTrue();
        assertThat(cache.containsKey("item-a")).as("cached by a command of the same group, committed").isTrue();
        assertThat(cache.containsKey("item-c")).isTrue();
        clients.shutdown();
    }

    @Test
    void aCommandThatRollsBackTheWholeConnectionFailsItsGroupInsteadOfLosingTheOthersSilently() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(3);
        Future<?> holder = hold(clients, release);
        Future<String> earlier = clients.submit(() -> writer.write(() -> insert("earlier")));
        Thread.sleep(100);
        Future<String> rogue = clients.submit(() -> writer.write(() -> {
            try {
                org.springframework.jdbc.datasource.DataSourceUtils.getConnection(jdbc.getDataSource()).rollback();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("refused after rolling back the connection");
        }));
        Thread.sleep(100);
        release.countDown();
        holder.get();

        assertThatThrownBy(earlier::get).as("never answered as written").hasCauseInstanceOf(
                org.springframework.transaction.TransactionException.class);
        assertThatThrownBy(rogue::get).isNotNull();
        assertThat(facts()).containsExactly("held");
        clients.shutdown();
    }

    /** Keeps the writer busy in a group of its own until released, so what is queued meanwhile forms the next group. */
    private Future<?> hold(ExecutorService clients, CountDownLatch release) throws InterruptedException {
        Future<?> holder = clients.submit(() -> writer.write(() -> {
            await(release);
            return insert("held");
        }));
        Thread.sleep(100);
        return holder;
    }

    @Test
    void aFailedCommitAnswersEveryCommandOfTheGroupWithTheFailureAndKeepsNothing() {
        failNextCommit.set(true);
        cache.put("item-0", "committed before");

        assertThatThrownBy(() -> writer.write(() -> cached("item-1", insert("lost")))).hasMessageContaining("disk full");
        assertThat(facts()).isEmpty();
        assertThat(cache.containsKey("item-1")).isFalse();
        assertThat(cache.containsKey("item-0")).isTrue();
        assertThat(writer.write(() -> insert("next"))).isEqualTo("next");
        assertThat(facts()).containsExactly("next");
    }

    @Test
    void aStoppingWriterAnswersWhatIsQueuedAndRefusesNewCommands() throws Exception {
        writer.write(() -> insert("before"));
        writer.stop();

        assertThatThrownBy(() -> writer.write(() -> insert("after"))).hasMessageContaining("stopping");
        assertThat(facts()).containsExactly("before");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
