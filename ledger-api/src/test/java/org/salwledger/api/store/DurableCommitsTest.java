package org.salwledger.api.store;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** H2's chunk reaches the disk, not just the operating system's cache, before anyone is answered. */
class DurableCommitsTest {
    @TempDir
    Path dir;

    private JdbcDataSource h2File() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("ledger") + ";RETENTION_TIME=5000");
        h2.setUser("sa");
        return h2;
    }

    @Test
    void eachAwaitFlushesTheStoresFileAfterWritingItsChunkAndAThreadFlushesEverySecond() throws Exception {
        JdbcDataSource h2 = h2File();
        List<long[]> answered = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Long> background = new java.util.concurrent.CopyOnWriteArrayList<>();
        DurableCommits durable = new DurableCommits(h2, file -> {
            if (Thread.currentThread().getName().equals("h2-file-flush")) {
                background.add(file.size());
            } else {
                answered.add(new long[] {file.size(), Files.size(dir.resolve("ledger.mv.db"))});
            }
        });
        try (var connection = h2.getConnection()) {
            connection.createStatement().execute("CREATE TABLE fact (id INT PRIMARY KEY, text VARCHAR(4000))");
            connection.createStatement().execute("INSERT INTO fact SELECT X, REPEAT('x', 1000) FROM SYSTEM_RANGE(1, 2000)");
            durable.await();

            assertThat(answered).as("the answer's flush").hasSize(1);
            assertThat(answered.get(0)[0]).as("the store's own file, holding the chunk CHECKPOINT wrote")
                    .isEqualTo(answered.get(0)[1]).isGreaterThan(2_000_000);
            int before = background.size();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(3))
                    .until(() -> background.size() > before);
        } finally {
            durable.close();
        }
    }

    @Test
    void theRealFlushRunsOnTheFileAndAFailedOneFailsTheAwait() throws Exception {
        JdbcDataSource h2 = h2File();
        DurableCommits real = new DurableCommits(h2);
        DurableCommits broken = new DurableCommits(h2, file -> {
            throw new IOException("input/output error");
        });
        try (var connection = h2.getConnection()) {
            connection.createStatement().execute("CREATE TABLE fact (id INT PRIMARY KEY)");
            real.await();
            assertThatThrownBy(broken::await).isInstanceOf(UncheckedIOException.class)
                    .hasRootCauseMessage("input/output error");
        } finally {
            real.close();
            broken.close();
        }
    }

    @Test
    void anInMemoryDatabaseHasNoFileToFlush() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:durable-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        List<FileChannel> flushed = new ArrayList<>();
        DurableCommits durable = new DurableCommits(h2, flushed::add);
        durable.await();
        durable.flushBackgroundChunks();
        assertThat(flushed).isEmpty();
    }
}
