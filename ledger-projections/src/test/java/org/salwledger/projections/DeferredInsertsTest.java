package org.salwledger.projections;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Held-back inserts reach the table at their transaction's commit or a flush, and never after a rollback. */
class DeferredInsertsTest {
    private static final String HOLDER = "INSERT INTO item_holder (item_id, actor_id, country) VALUES (?, ?, ?) "
            + "ON CONFLICT DO NOTHING";

    private final JdbcTemplate jdbc = ViewDatabase.fresh();
    private final DeferredInserts inserts = new DeferredInserts(jdbc);
    private final TransactionTemplate transaction =
            new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));

    @Test
    void aBatchsInsertsAreWrittenAtItsCommit() {
        transaction.executeWithoutResult(status -> {
            inserts.insert(HOLDER, "item-1", "BE-FNH", "BE");
            inserts.insert(HOLDER, "item-2", "BE-FNH", "BE");
            inserts.insert(HOLDER, "item-1", "BE-FNH", "BE");
            assertThat(holders()).as("held back until the commit").isZero();
        });
        assertThat(holders()).isEqualTo(2);
    }

    @Test
    void aFlushWritesThemForTheBatchToRead() {
        transaction.executeWithoutResult(status -> {
            inserts.insert(HOLDER, "item-1", "BE-FNH", "BE");
            inserts.flush();
            assertThat(holders()).isEqualTo(1);
            inserts.insert(HOLDER, "item-2", "BE-FNH", "BE");
        });
        assertThat(holders()).isEqualTo(2);
    }

    @Test
    void aRolledBackBatchWritesNothingAndTheNextStartsEmpty() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            inserts.insert(HOLDER, "item-1", "BE-FNH", "BE");
            throw new IllegalStateException("a handler failed");
        })).hasMessage("a handler failed");
        transaction.executeWithoutResult(status -> inserts.insert(HOLDER, "item-2", "BE-FNH", "BE"));
        assertThat(jdbc.queryForList("SELECT item_id FROM item_holder", String.class)).containsExactly("item-2");
    }

    @Test
    void aFailedInsertFailsTheCommit() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status ->
                inserts.insert(HOLDER, "item-1", null, "BE"))).isInstanceOf(RuntimeException.class);
        assertThat(holders()).isZero();
    }

    @Test
    void outsideATransactionAnInsertIsWrittenAtOnce() {
        inserts.insert(HOLDER, "item-1", "BE-FNH", "BE");
        assertThat(holders()).isEqualTo(1);
    }

    private int holders() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM item_holder", Integer.class);
    }
}
