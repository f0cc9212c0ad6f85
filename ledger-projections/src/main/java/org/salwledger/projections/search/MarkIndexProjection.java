package org.salwledger.projections.search;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.salwledger.core.item.event.ItemMarked;
import org.salwledger.core.item.event.ItemRecovered;
import org.salwledger.core.item.event.ItemRecoveredAfterDestruction;
import org.salwledger.core.item.event.ItemRegisteredUnmarked;
import org.salwledger.core.item.event.RecordCorrected;
import org.salwledger.core.item.marking.MarkText;
import org.salwledger.core.item.marking.ObservedMarking;
import org.salwledger.projections.DeferredInserts;
import org.salwledger.projections.LedgerViews;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The marking index: every mark's text and serial, and every marking observed on a recovered or
 * unmarked item, in the search forms of {@link MarkText}.
 */
@Component
@ProcessingGroup(LedgerViews.PROCESSING_GROUP)
public class MarkIndexProjection {
    static final String MARK = "MARK";
    static final String OBSERVED = "OBSERVED";

    private final JdbcTemplate jdbc;
    private final DeferredInserts inserts;

    public MarkIndexProjection(JdbcTemplate jdbc, DeferredInserts inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    @EventHandler
    void on(ItemMarked e) {
        indexMark(e.itemId(), e.link().sequence(), e.markType().name(), e.text(), e.serial());
    }

    @EventHandler
    void on(ItemRecovered e) {
        observed(e.itemId(), e.link().sequence(), e.observedMarkings());
    }

    @EventHandler
    void on(ItemRecoveredAfterDestruction e) {
        observed(e.itemId(), e.link().sequence(), e.observedMarkings());
    }

    @EventHandler
    void on(ItemRegisteredUnmarked e) {
        observed(e.itemId(), e.link().sequence(), e.observedMarkings());
    }

    /** A corrected mark is searched as corrected. */
    @EventHandler
    void on(RecordCorrected e) {
        if (!e.correctedType().equals("ItemMarked")) {
            return;
        }
        inserts.flush();
        List<String[]> current = jdbc.query("SELECT mark_type, text FROM mark_index WHERE item_id = ? AND sequence = ? "
                + "AND position = 0", (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, e.itemId(),
                e.correctedSequence());
        if (current.isEmpty()) {
            return;
        }
        JsonNode facts = e.correctedFacts();
        String text = facts.hasNonNull("text") ? facts.get("text").asText() : current.get(0)[1];
        String serial = facts.hasNonNull("serial") ? facts.get("serial").asText()
                : jdbc.queryForList("SELECT text FROM mark_index WHERE item_id = ? AND sequence = ? AND position = 1",
                        String.class, e.itemId(), e.correctedSequence()).stream().findFirst().orElse(null);
        forget(e.itemId(), e.correctedSequence());
        indexMark(e.itemId(), e.correctedSequence(), current.get(0)[0], text, serial);
    }

    private void indexMark(String itemId, long sequence, String markType, String text, String serial) {
        insert(itemId, sequence, 0, MARK, markType, text);
        if (serial != null && !MarkText.normalize(serial).equals(MarkText.normalize(text))) {
            insert(itemId, sequence, 1, MARK, markType, serial);
        }
    }

    private void observed(String itemId, long sequence, List<ObservedMarking> markings) {
        if (markings == null) {
            return;
        }
        for (int i = 0; i < markings.size(); i++) {
            insert(itemId, sequence, i, OBSERVED, null, markings.get(i).text());
        }
    }

    private void forget(String itemId, long sequence) {
        jdbc.update("DELETE FROM mark_index WHERE item_id = ? AND sequence = ?", itemId, sequence);
        jdbc.update("DELETE FROM mark_pattern WHERE item_id = ? AND sequence = ?", itemId, sequence);
    }

    private void insert(String itemId, long sequence, int position, String source, String markType, String text) {
        String normalized = MarkText.normalize(text);
        if (normalized.isEmpty()) {
            return;
        }
        String folded = MarkText.fold(normalized);
        boolean pattern = MarkText.hasUnknowns(normalized);
        inserts.insert("INSERT INTO mark_index (item_id, sequence, position, source, mark_type, text, normalized, "
                        + "normalized_rev, folded, folded_rev, unknowns, pattern) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                itemId, sequence, position, source, markType, text, normalized, MarkText.reverse(normalized), folded,
                MarkText.reverse(folded), MarkText.unknowns(normalized), pattern ? MarkText.likePattern(normalized) : null);
        if (pattern) {
            inserts.insert("INSERT INTO mark_pattern (item_id, sequence, position, source, mark_type, text, unknowns, pattern, "
                            + "folded_pattern) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", itemId, sequence, position, source,
                    markType, text, MarkText.unknowns(normalized), MarkText.likePattern(normalized),
                    MarkText.likePattern(folded));
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE TABLE mark_pattern");
        jdbc.update("TRUNCATE TABLE mark_index");
    }
}
