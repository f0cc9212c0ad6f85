package org.salwledger.projections.item;

import com.fasterxml.jackson.databind.JsonNode;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.item.Serials;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Reads of the item views; who may see what is decided by the caller with {@link #heldBy}. */
@Component
public class ItemQueries {
    private final JdbcTemplate jdbc;

    public ItemQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Marking(long sequence, String markType, String text, String serial, String component, String method,
                          String location) {}

    public record ItemView(String itemId, String kind, String category, String partType, String identityComponent,
                           String make, String model, String calibre, String material, String production,
                           Integer yearOfManufacture, String manufacturer, String countryOfManufacture,
                           String custodian, String status, String manufacturedAt, long lastSequence, String lastHash,
                           List<Marking> markings) {}

    /**
     * One record of an item's timeline. {@code correctedFacts} is the corrected view where a later
     * CorrectRecord (at sequence {@code correctedIn}) changed it; {@code facts} stays the original.
     */
    public record HistoryEntry(String itemId, long sequence, String type, String actor, String occurredAt,
                               String recordedAt, JsonNode facts, JsonNode correctedFacts, Long correctedIn,
                               String recordHash) {

        /**
         * The order records were written in, across the streams of linked identities. By instant, not
         * by text: ISO instants drop trailing zeros, so "…:05.1Z" sorts after "…:05.15Z" as text.
         */
        public static final java.util.Comparator<HistoryEntry> IN_RECORDED_ORDER = java.util.Comparator
                .comparing((HistoryEntry e) -> java.time.Instant.parse(e.recordedAt()))
                .thenComparing(HistoryEntry::itemId).thenComparingLong(HistoryEntry::sequence);
    }

    public record Holder(String actorId, String country) {}

    public Optional<ItemView> find(String itemId) {
        List<Marking> markings = markings(itemId);
        return jdbc.query("""
                SELECT item_id, kind, category, part_type, identity_component, make, model, calibre, material, production,
                  year_of_manufacture, manufacturer, country_of_manufacture, custodian, status, manufactured_at,
                  last_sequence, last_hash FROM item_view WHERE item_id = ?""",
                (rs, i) -> new ItemView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), (Integer) rs.getObject(11), rs.getString(12), rs.getString(13),
                        rs.getString(14), rs.getString(15), rs.getString(16), rs.getLong(17), rs.getString(18), markings),
                itemId).stream().findFirst();
    }

    public List<Marking> markings(String itemId) {
        return jdbc.query("SELECT sequence, mark_type, text, serial, component, method, location FROM item_marking "
                        + "WHERE item_id = ? ORDER BY sequence",
                (rs, i) -> new Marking(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)), itemId);
    }

    public List<HistoryEntry> history(String itemId) {
        return jdbc.query("SELECT item_id, sequence, type, actor_id, occurred_at, recorded_at, facts, corrected_facts, "
                        + "corrected_in, record_hash FROM item_history WHERE item_id = ? ORDER BY sequence",
                (rs, i) -> new HistoryEntry(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), json(rs.getBytes(7)),
                        rs.getBytes(8) == null ? null : json(rs.getBytes(8)), (Long) rs.getObject(9, Long.class),
                        rs.getString(10)), itemId);
    }

    /** Items recorded as the same physical item as this one (LinkIdentity). */
    public List<String> linkedItems(String itemId) {
        return jdbc.queryForList("SELECT same_as FROM item_link WHERE item_id = ? ORDER BY same_as", String.class, itemId);
    }

    /** Items whose marking text or serial equals the query once both are normalised (case, spaces, dashes, dots). */
    public List<String> itemIdsMarked(String mark) {
        String normalized = Serials.normalize(mark);
        return jdbc.queryForList("SELECT DISTINCT item_id FROM item_marking WHERE normalized_text = ? "
                + "OR normalized_serial = ? ORDER BY item_id", String.class, normalized, normalized);
    }

    public List<Holder> heldBy(String itemId) {
        return jdbc.query("SELECT actor_id, country FROM item_holder WHERE item_id = ?",
                (rs, i) -> new Holder(rs.getString(1), rs.getString(2)), itemId);
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return CanonicalJson.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
