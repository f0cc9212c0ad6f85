package org.salwledger.api.store;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes what was committed so far survive a kill of this process and a power cut, for the writes someone is
 * told about: a command group before its answers, an opened session before its token, the leaves a checkpoint is
 * about to sign.
 * <p>
 * PostgreSQL: nothing to do, a commit returns once its WAL is flushed ({@code synchronous_commit}).
 * H2: committed changes stay in memory until the store writes its next chunk, at most {@code WRITE_DELAY}
 * (500 ms) later. {@code CHECKPOINT} writes that chunk now, with every transaction committed before it, into the
 * operating system's cache; H2 2.3 asks the disk to keep it only when it closes or compacts the file, so the node
 * then flushes the file itself ({@code fdatasync}). So only the answered writes wait for the disk; the views', the
 * log's and the processors' token commits ride along in the next chunk, where with {@code WRITE_DELAY=0} each of
 * them wrote a chunk of its own (README "Performance"). A kill loses at most their last half second, and never out
 * of order: MVStore reopens at the last chunk written, one version across all tables, so no view or leaf survives
 * the record it came from, and the processors go on from the tokens that chunk holds.
 * <p>
 * Those background chunks are flushed every second too. H2 reuses the space of a chunk nothing points to any more
 * once its {@code RETENTION_TIME} passed (application.yml: 5 s instead of 45 s, which left the file at ~47 KB a
 * record while running): the chunks that replaced it must be on the disk by then, or a power cut could leave
 * neither.
 */
@Component
public class DurableCommits {
    private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);
    /** Flushes a file's written data to the disk. */
    interface DiskFlush {
        void flush(FileChannel file) throws IOException;
    }

    private final JdbcTemplate jdbc;
    private final boolean writesOnCommit;
    private final FileChannel file;
    private final DiskFlush disk;
    private final ScheduledExecutorService background;

    @Autowired
    public DurableCommits(DataSource dataSource) {
        this(dataSource, file -> file.force(false));
    }

    DurableCommits(DataSource dataSource, DiskFlush disk) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.writesOnCommit = !DatabaseProduct.isH2(dataSource);
        this.file = writesOnCommit ? null : h2File(jdbc);
        this.disk = disk;
        this.background = file == null ? null : Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "h2-file-flush");
            thread.setDaemon(true);
            return thread;
        });
        if (background != null) {
            background.scheduleWithFixedDelay(this::flushBackgroundChunks, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Returns once every transaction committed before the call is on the disk. */
    public void await() {
        if (!writesOnCommit) {
            jdbc.execute("CHECKPOINT");
            flushFile();
        }
    }

    /**
     * H2's own chunk writes (views, log, tokens), at most a second after they reached the file. On a thread of its
     * own: on the shared scheduler a slow flush would hold back the log's checkpoints. A failure is logged; the
     * next second tries again, and answers wait for their own flush.
     */
    void flushBackgroundChunks() {
        try {
            flushFile();
        } catch (RuntimeException failed) {
            log.error("H2's file could not be flushed to the disk", failed);
        }
    }

    private void flushFile() {
        if (file == null || !file.isOpen()) {
            return;
        }
        try {
            disk.flush(file);
        } catch (IOException e) {
            throw new UncheckedIOException("H2's file could not be flushed to the disk", e);
        }
    }

    /** The store's file, opened for its flushes; none for an in-memory database. */
    private static FileChannel h2File(JdbcTemplate jdbc) {
        String path = jdbc.queryForObject("SELECT DATABASE_PATH()", String.class);
        if (path == null) {
            return null;
        }
        try {
            return FileChannel.open(Path.of(path + ".mv.db"), StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open H2's file " + path + ".mv.db to flush it", e);
        }
    }

    @PreDestroy
    void close() throws IOException {
        if (background != null) {
            background.shutdownNow();
        }
        if (file != null) {
            file.close();
        }
    }
}
