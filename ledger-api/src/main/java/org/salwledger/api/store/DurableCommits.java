package org.salwledger.api.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Makes what was committed so far survive a kill of this process, for the writes someone is told about: a
 * command group before its answers, an opened session before its token, the leaves a checkpoint is about to sign.
 * <p>
 * PostgreSQL: nothing to do, a commit returns once its WAL is flushed ({@code synchronous_commit}).
 * H2: committed changes stay in memory until the store writes its next chunk, at most {@code WRITE_DELAY}
 * (500 ms) later. {@code CHECKPOINT} writes that chunk now, with every transaction committed before it. So only
 * the answered writes wait for the file; the views', the log's and the processors' token commits ride along
 * in the next chunk, where with {@code WRITE_DELAY=0} each of them wrote a chunk of its own (README
 * "Performance"). A kill loses at most their last half second, and never out of order: MVStore reopens at the
 * last chunk written, one version across all tables, so no view or leaf survives the record it came from, and
 * the processors go on from the tokens that chunk holds.
 */
@Component
public class DurableCommits {
    private final JdbcTemplate jdbc;
    private final boolean writesOnCommit;

    public DurableCommits(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.writesOnCommit = !"H2".equals(productName(dataSource));
    }

    /** Returns once every transaction committed before the call is in the database's files. */
    public void await() {
        if (!writesOnCommit) {
            jdbc.execute("CHECKPOINT");
        }
    }

    private static String productName(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the ledger writes to", e);
        }
    }
}
