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
    void eachAwaitFlushesTheStoresFileAfterWritingItsChunk() throws Exception {
        JdbcDataSource h2 = h2File();
        List<Long> flushedSizes = new ArrayList<>();
        List<Long> fileSizes = new ArrayList<>();
        DurableCommits durable = new DurableCommits(h2, file -> {
            flushedSizes.add(file.size());
            fileSizes.add(Files.size(dir.resolve("ledger.mv.db")));
        });
        try (var connection = h2.getConnection()) {
            connection.createStatement().execute("CREATE TABLE fact (id INT PRIMARY KEY, text VARCHAR(4000))");
            connection.createStatement().execute("INSERT INTO fact SELECT X, REPEAT('x', 1000) FROM SYSTEM_RANGE(1, 2000)");
            durable.await();
            durable.flushBackgroundChunks();

            assertThat(flushedSizes).as("the answer's flush and the background one").hasSize(2);
            assertThat(flushedSizes.get(0)).as("the store's own file, holding the chunk CHECKPOINT wrote")
                    .isEqualTo(fileSizes.get(0)).isGreaterThan(2_000_000);
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
