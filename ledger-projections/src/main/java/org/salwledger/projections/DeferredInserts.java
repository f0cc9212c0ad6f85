package org.salwledger.projections;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows the views' batch of records adds and nothing in that batch reads back, written at the batch's commit: one JDBC
 * batch per statement for the whole batch, not one statement per row. On PostgreSQL every statement was a round trip
 * of the views' one worker thread (README "Performance").
 * <p>
 * Only for inserts whose order does not matter: rows keyed by their record, {@code INSERT … ON CONFLICT DO NOTHING},
 * so writing them after the batch's other statements gives the same rows. A handler that reads or updates one of
 * these tables within the batch calls {@link #flush()} first. A failed insert fails the commit, and with it the
 * batch. Outside a transaction (a test calling a handler) the insert is written at once.
 */
@Component
public class DeferredInserts {
    private final JdbcTemplate jdbc;

    public DeferredInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String sql, Object... args) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(sql, args);
            return;
        }
        pending().computeIfAbsent(sql, statement -> new ArrayList<>()).add(args);
    }

    /** Writes what this transaction holds back, so that it can be read or updated. */
    public void flush() {
        Map<String, List<Object[]>> pending = held();
        if (pending == null) {
            return;
        }
        pending.forEach(jdbc::batchUpdate);
        pending.clear();
    }

    /** What this transaction holds back; none before its first insert. */
    @SuppressWarnings("unchecked")
    private Map<String, List<Object[]>> held() {
        return (Map<String, List<Object[]>>) TransactionSynchronizationManager.getResource(this);
    }

    private Map<String, List<Object[]>> pending() {
        Map<String, List<Object[]>> pending = held();
        if (pending == null) {
            pending = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    // not flush(): TransactionSynchronization has one of its own, which does nothing here
                    DeferredInserts.this.flush();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DeferredInserts.this);
                }
            });
        }
        return pending;
    }
}
