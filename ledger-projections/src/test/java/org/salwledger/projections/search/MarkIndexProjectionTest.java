package org.salwledger.projections.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.chain.RecordLink;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.event.ItemMarked;
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

/** The index follows a mark and its correction, also when both are in one batch of the views. */
class MarkIndexProjectionTest {
    private static final String ITEM = "3f9a1c2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final CommandOrigin FNH = new CommandOrigin("BE-FNH", Role.MANUFACTURER, "BE", "e".repeat(64), NOW, NOW);

    private final JdbcTemplate jdbc = ViewDatabase.fresh();
    private final MarkIndexProjection projection = new MarkIndexProjection(jdbc, new DeferredInserts(jdbc));

    @Test
    void aCorrectedSerialIsSearchedAsCorrectedWhenBothAreInOneBatch() {
        ItemMarked marked = ChainHead.start(ITEM).seal(link -> new ItemMarked(ITEM, MarkType.MANUFACTURE,
                "FNH BELGIUM GKS 0012345", "GKS0012345", "BE-FNH", "BE", PartType.FRAME, MarkingMethod.STAMPED, null,
                "BE-FNH", List.of(), link), FNH);
        ObjectNode facts = CanonicalJson.mapper().createObjectNode().put("serial", "GKS0012346");
        RecordLink at = marked.link();
        RecordCorrected corrected = ChainHead.start(ITEM).after(at).seal(link -> new RecordCorrected(ITEM,
                at.sequence(), at.hash(), "ItemMarked", facts, "serial misread", "BE-FNH", link), FNH);

        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())).executeWithoutResult(status -> {
            projection.on(marked);
            projection.on(corrected);
        });

        assertThat(jdbc.queryForList("SELECT text FROM mark_index WHERE item_id = ? ORDER BY position", String.class,
                ITEM)).containsExactly("FNH BELGIUM GKS 0012345", "GKS0012346");
    }
}
