package org.salwledger.api.store;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.salwledger.api.StoreSchemas;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.TransferKind;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.event.ItemDestroyed;
import org.salwledger.core.item.event.ItemManufactured;
import org.salwledger.core.item.event.ItemReceived;
import org.salwledger.core.item.event.ItemRecoveredAfterDestruction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The custody register holds a unit of work's changes back and writes them at its commit, on both stores: nothing of
 * a rolled-back one, the last holder of an item changed twice, and a row again for an item recovered after it was
 * destroyed (its update finds no row). A read within the unit of work sees its own changes.
 */
class JdbcCustodyRegisterTest {
    private final String a = UUID.randomUUID().toString();
    private final String b = UUID.randomUUID().toString();
    private final String c = UUID.randomUUID().toString();
    private TransactionTemplate transactions;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aUnitOfWorksChangesAreWrittenWhenItCommits(String store) {
        JdbcTemplate jdbc = new JdbcTemplate(StoreSchemas.guarded(store));
        transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        JdbcCustodyRegister register = new JdbcCustodyRegister(jdbc);

        commit(() -> {
            List.of(a, b, c).forEach(item -> register.on(manufactured(item, "BE-FNH")));
            assertThat(holders(jdbc)).as("held back until the commit").isEmpty();
        });
        assertThat(holders(jdbc)).isEqualTo(Map.of(a, "BE-FNH", b, "BE-FNH", c, "BE-FNH"));

        commit(() -> {
            register.on(received(a, "BE-ARMY"));
            register.on(received(a, "BE-POLICE"));
            register.on(destroyed(b));
            register.on(destroyed(c));
        });
        assertThat(holders(jdbc)).isEqualTo(Map.of(a, "BE-POLICE"));

        commit(() -> register.on(recovered(c, "BE-POLICE")));
        assertThat(holders(jdbc)).isEqualTo(Map.of(a, "BE-POLICE", c, "BE-POLICE"));

        rollBack(() -> {
            register.on(received(a, "BE-DEALER"));
            assertThat(register.itemsHeldBy("BE-DEALER")).as("its own changes, read within it").containsExactly(a);
            assertThat(register.itemsHeldBy("BE-POLICE")).containsExactly(c);
        });
        assertThat(holders(jdbc)).isEqualTo(Map.of(a, "BE-POLICE", c, "BE-POLICE"));
    }

    private void commit(Runnable work) {
        inUnitOfWork(work, true);
    }

    private void rollBack(Runnable work) {
        inUnitOfWork(work, false);
    }

    /** A unit of work in a database transaction, as the command writer runs each command. */
    private void inUnitOfWork(Runnable work, boolean commit) {
        transactions.executeWithoutResult(status -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            work.run();
            if (commit) {
                unitOfWork.commit();
            } else {
                unitOfWork.rollback();
                status.setRollbackOnly();
            }
        });
    }

    private static Map<String, String> holders(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT item_id, custodian FROM custody_register").stream()
                .collect(Collectors.toMap(row -> (String) row.get("item_id"), row -> (String) row.get("custodian")));
    }

    private static ItemManufactured manufactured(String item, String maker) {
        return new ItemManufactured(item, ItemKind.WEAPON, WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL, null, null,
                "FN Herstal", "FN 509", "9x19mm", Material.POLYMER, Production.INDUSTRIAL, 2026, null, maker, "BE", null);
    }

    private static ItemReceived received(String item, String custodian) {
        return new ItemReceived(item, "t-1", TransferKind.DOMESTIC, "BE-FNH", "BE", custodian, "BE", null);
    }

    private static ItemDestroyed destroyed(String item) {
        return new ItemDestroyed(item, "BE-FNH", "CERT-1", "CRUSHED", null);
    }

    private static ItemRecoveredAfterDestruction recovered(String item, String by) {
        return new ItemRecoveredAfterDestruction(item, "BE-FNH", by, "BE", "Antwerp", "found", List.of(), null);
    }
}
