package org.salwledger.projections.log;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.event.ItemManufactured;
import org.salwledger.core.log.MerkleHashes;
import org.salwledger.core.log.MerkleTree;
import org.salwledger.projections.ViewDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The log's leaves and nodes are the same whether its records come one by one or in batches (a unit of work each,
 * in which the appender remembers the tree's right edge), and a batch that fails writes none of them.
 */
class LogAppenderTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final CommandOrigin FNH = new CommandOrigin("BE-FNH", Role.MANUFACTURER, "BE", "e".repeat(64), NOW, NOW);

    @TempDir
    Path anchors;

    private final List<LedgerEvent> records = IntStream.range(0, 11).<LedgerEvent>mapToObj(i -> {
        String item = "00000000-0000-4000-8000-" + String.format("%012d", i);
        return ChainHead.start(item).seal(link -> new ItemManufactured(item, ItemKind.WEAPON,
                WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL, null, null, "FN Herstal", "FN 509 #" + i, "9x19mm",
                Material.POLYMER, Production.INDUSTRIAL, 2026, null, "BE-FNH", "BE", link), FNH);
    }).toList();

    @Test
    void batchesMakeTheTreeOfRecordsOneByOne() {
        Log oneByOne = new Log("one-by-one");
        records.forEach(oneByOne.appender::on);

        Log batched = new Log("batched");
        batched.inBatch(records.subList(0, 3));
        batched.inBatch(records.subList(3, 10));
        batched.inBatch(records.subList(10, 11));

        assertThat(batched.rows()).isEqualTo(oneByOne.rows());
        assertThat(batched.root()).isEqualTo(HexFormat.of().formatHex(new MerkleTree(records.stream()
                .map(r -> MerkleHashes.leaf(LedgerRecords.canonicalBytes(LedgerRecords.recordOf(r)))).toList())
                .root(records.size())));
    }

    @Test
    void inATransactionWithoutAUnitOfWorkTheEdgeIsReadFromTheDatabase() {
        Log oneByOne = new Log("one-by-one");
        records.forEach(oneByOne.appender::on);

        Log transaction = new Log("no-unit-of-work");
        transaction.transaction.executeWithoutResult(status -> records.forEach(transaction.appender::on));

        assertThat(transaction.rows()).isEqualTo(oneByOne.rows());
    }

    @Test
    void aFailedBatchWritesNoLeafAndTheNextAppendsWhereTheLogEnds() {
        Log log = new Log("failed");
        log.inBatch(records.subList(0, 2));
        assertThatThrownBy(() -> log.transaction.executeWithoutResult(status -> {
            log.appender.on(records.get(2));
            throw new IllegalStateException("the batch failed");
        })).hasMessage("the batch failed");
        assertThat(log.jdbc.queryForObject("SELECT COUNT(*) FROM log_leaf", Integer.class)).isEqualTo(2);

        log.inBatch(records.subList(2, 11));
        Log oneByOne = new Log("one-by-one");
        records.forEach(oneByOne.appender::on);
        assertThat(log.rows()).isEqualTo(oneByOne.rows());
    }

    /** One log database and its appender, called as its processor calls it: a unit of work per batch. */
    private final class Log {
        final JdbcTemplate jdbc = ViewDatabase.fresh();
        final TransactionTemplate transaction =
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        final LogAppender appender;

        Log(String name) {
            appender = new LogAppender(jdbc, new LogAnchor(anchors.resolve(name + ".checkpoint")), new LogIntegrity());
        }

        void inBatch(List<LedgerEvent> batch) {
            transaction.executeWithoutResult(status -> {
                UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(batch.get(0)));
                try {
                    batch.forEach(appender::on);
                    unitOfWork.commit();
                } catch (RuntimeException e) {
                    unitOfWork.rollback(e);
                    throw e;
                }
            });
        }

        List<Map<String, Object>> rows() {
            List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList(
                    "SELECT leaf_index, stream, sequence, record_hash, leaf_hash FROM log_leaf ORDER BY leaf_index"));
            rows.addAll(jdbc.queryForList("SELECT level, node_index, hash FROM log_node ORDER BY level, node_index"));
            // byte arrays compare by identity in a map: as hex
            rows.replaceAll(row -> {
                Map<String, Object> hex = new LinkedHashMap<>(row);
                hex.replaceAll((column, value) -> value instanceof byte[] b ? HexFormat.of().formatHex(b) : value);
                return hex;
            });
            return rows;
        }

        String root() {
            long size = jdbc.queryForObject("SELECT COUNT(*) FROM log_leaf", Long.class);
            return HexFormat.of().formatHex(new LogStore(jdbc).tree().root(size));
        }
    }
}
