package org.salwledger.projections.item;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.event.ItemDispatched;
import org.salwledger.core.item.event.ItemManufactured;
import org.salwledger.core.item.event.ItemMarked;
import org.salwledger.core.item.event.ItemStolen;
import org.salwledger.core.item.event.RecordCorrected;
import org.salwledger.core.item.marking.MarkType;
import org.salwledger.core.item.marking.MarkingMethod;
import org.salwledger.projections.DeferredInserts;
import org.salwledger.projections.ViewDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The item view follows the item's records: state, custodian, markings and history, replayable. */
class ItemProjectionTest {
    private static final String ITEM = "3f9a1c2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final CommandOrigin FNH = new CommandOrigin("BE-FNH", Role.MANUFACTURER, "BE", "e".repeat(64), NOW, NOW);

    private final JdbcTemplate jdbc = ViewDatabase.fresh();
    private final ItemProjection projection = new ItemProjection(jdbc, new DeferredInserts(jdbc));
    private final ItemQueries queries = new ItemQueries(jdbc);

    private final ItemManufactured made = ChainHead.start(ITEM).seal(link -> new ItemManufactured(ITEM, ItemKind.WEAPON,
            WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL, null, PartType.FRAME, "FN Herstal", "FN 509", "9x19mm",
            Material.POLYMER, Production.INDUSTRIAL, 2026, null, "BE-FNH", "BE", link), FNH);
    private final ItemMarked marked = ChainHead.start(ITEM).after(made.link()).seal(link -> new ItemMarked(ITEM,
            MarkType.MANUFACTURE, "FNH BELGIUM GKS 0012345", "GKS0012345", "BE-FNH", "BE", PartType.FRAME,
            MarkingMethod.STAMPED, "left of frame", "BE-FNH", List.of(), link), FNH);
    private final ItemDispatched dispatched = ChainHead.start(ITEM).after(marked.link()).seal(link ->
            new ItemDispatched(ITEM, "5a0b6c1e-1d2f-3a4b-8c9d-0e1f2a3b4c5d", "BE-FNH", "BE-ARMY", link), FNH);

    @Test
    void theViewFollowsTheRecords() {
        projection.on(made);
        assertThat(queries.find(ITEM)).hasValueSatisfying(v -> {
            assertThat(v.status()).isEqualTo("ACTIVE");
            assertThat(v.custodian()).isEqualTo("BE-FNH");
        });
        projection.on(marked);
        projection.on(dispatched);

        assertThat(queries.find(ITEM)).hasValueSatisfying(v -> assertThat(v.status()).isEqualTo("IN_TRANSIT"));
        assertThat(queries.markings(ITEM)).singleElement().satisfies(m -> {
            assertThat(m.serial()).isEqualTo("GKS0012345");
            assertThat(m.markType()).isEqualTo("MANUFACTURE");
        });
        assertThat(queries.history(ITEM)).extracting(ItemQueries.HistoryEntry::type)
                .containsExactly("ItemManufactured", "ItemMarked", "ItemDispatched");
    }

    @Test
    void replayingTheSameRecordsLeavesTheSameView() {
        projection.on(made);
        projection.on(marked);
        var once = rows();
        projection.on(made);
        projection.on(marked);
        assertThat(rows()).isEqualTo(once);
        assertThat(queries.heldBy(ITEM)).singleElement().isEqualTo(new ItemQueries.Holder("BE-FNH", "BE"));
    }

    /** As the views' processor runs them: a batch of records in one transaction, some rows written at its commit. */
    @Test
    void aBatchInOneTransactionLeavesTheRowsOneByOneWould() {
        projection.on(made);
        projection.on(marked);
        projection.on(dispatched);
        var oneByOne = rows();
        jdbc.update("DELETE FROM item_view");
        jdbc.update("DELETE FROM item_marking");
        jdbc.update("DELETE FROM item_history");
        jdbc.update("DELETE FROM item_holder");

        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())).executeWithoutResult(status -> {
            projection.on(made);
            projection.on(marked);
            projection.on(dispatched);
            assertThat(queries.history(ITEM)).as("held back until the commit").isEmpty();
        });
        assertThat(rows()).isEqualTo(oneByOne);
    }

    @Test
    void aCorrectionInTheBatchOfTheRecordItCorrectsFindsItsRows() {
        ObjectNode facts = CanonicalJson.mapper().createObjectNode().put("serial", "GKS0012346");
        RecordCorrected corrected = ChainHead.start(ITEM).after(marked.link()).seal(link -> new RecordCorrected(ITEM,
                1, marked.link().hash(), "ItemMarked", facts, "serial misread", "BE-FNH", link), FNH);
        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())).executeWithoutResult(status -> {
            projection.on(made);
            projection.on(marked);
            projection.on(corrected);
        });
        assertThat(queries.markings(ITEM)).singleElement()
                .satisfies(m -> assertThat(m.serial()).isEqualTo("GKS0012346"));
        assertThat(queries.history(ITEM).get(1).correctedIn()).isEqualTo(2L);
    }

    /** Axon redelivers from the last stored token on: the earlier records come again before the later ones. */
    @Test
    void aRedeliveredRecordNeverTakesTheViewBack() {
        projection.on(made);
        projection.on(marked);
        projection.on(dispatched);
        var once = rows();
        projection.on(made);
        assertThat(queries.find(ITEM)).hasValueSatisfying(v -> assertThat(v.status()).isEqualTo("IN_TRANSIT"));
        projection.on(marked);
        assertThat(rows()).isEqualTo(once);
    }

    @Test
    void aTheftShowsWhoHadItLast() {
        projection.on(made);
        ItemStolen stolen = ChainHead.start(ITEM).after(made.link()).seal(link -> new ItemStolen(ITEM, "BE-FNH", "BE-FNH",
                "Herstal", "HP-1", link), FNH);
        projection.on(stolen);
        assertThat(queries.find(ITEM)).hasValueSatisfying(v -> {
            assertThat(v.status()).isEqualTo("STOLEN");
            assertThat(v.custodian()).isEqualTo("BE-FNH");
        });
    }

    /** Everything the item's view holds of it. */
    private List<Object> rows() {
        return List.of(queries.find(ITEM).orElseThrow(), queries.markings(ITEM), queries.history(ITEM),
                queries.heldBy(ITEM));
    }

    @Test
    void historyIsOrderedByInstantNotByText() {
        var at100ms = new ItemQueries.HistoryEntry("b", 0, "ItemStolen", "x", null, "2026-11-24T10:00:05.1Z", null, null,
                null, "h");
        var at150ms = new ItemQueries.HistoryEntry("a", 3, "ItemRecovered", "x", null, "2026-11-24T10:00:05.15Z", null,
                null, null, "h");
        var atSecond = new ItemQueries.HistoryEntry("a", 2, "ItemMarked", "x", null, "2026-11-24T10:00:05Z", null, null,
                null, "h");
        assertThat(new java.util.ArrayList<>(List.of(at150ms, at100ms, atSecond)).stream()
                .sorted(ItemQueries.HistoryEntry.IN_RECORDED_ORDER).map(ItemQueries.HistoryEntry::type))
                .containsExactly("ItemMarked", "ItemStolen", "ItemRecovered");
    }
}
