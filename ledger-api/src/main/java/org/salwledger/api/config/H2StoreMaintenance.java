package org.salwledger.api.config;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The embedded H2 file's housekeeping. With {@code WRITE_DELAY=0} (each commit written before it is
 * answered, CrashContract) H2 runs no background writer, and its background writer is what rewrites
 * half-empty chunks and frees dead ones: without it the file grows by a chunk per commit and is never
 * reused (~93 KB per record measured, README "Performance"). This does that work on a schedule instead:
 * rewrite the chunks below the fill rate, at most a bounded number of bytes per run, through H2's own
 * MVStore compaction (which writes new chunks before the old ones are released after the retention time,
 * so a crash mid-way loses nothing).
 */
@Component
public class H2StoreMaintenance {
    private static final Logger log = LoggerFactory.getLogger(H2StoreMaintenance.class);

    private final DataSource dataSource;
    private final LedgerProperties properties;

    public H2StoreMaintenance(DataSource dataSource, LedgerProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${ledger.storage.h2-compaction-interval:PT10S}")
    public void compact() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return;
            }
            MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase()
                    .getStore().getMvStore();
            store.compact(properties.storage().h2CompactionFillRate(), properties.storage().h2CompactionBytes());
        } catch (SQLException | RuntimeException e) {
            log.warn("H2 store compaction failed; it is tried again at the next interval: {}", e.toString());
        }
    }
}
