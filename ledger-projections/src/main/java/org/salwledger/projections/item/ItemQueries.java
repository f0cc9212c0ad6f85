package org.salwledger.projections.item;

import com.fasterxml.jackson.databind.JsonNode;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.item.marking.Serials;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
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

    /** A mark, on {@code itemId}: the item itself, or the identity component that carries a weapon's marks. */
    public record Marking(String itemId, long sequence, String markType, String text, String serial, String component,
                          String method, String location) {}

    /**
     * An item now. A weapon whose identity is a separate component (a fire-control unit moved between
     * grip modules) shows that component ({@code identityItem}) and its marks beside its own;
     * {@code installedIn} is the host a part sits in.
     */
    public record ItemView(String itemId, String kind, String category, String partType, String identityComponent,
                           String make, String model, String calibre, String material, String production,
                           Integer yearOfManufacture, String manufacturer, String countryOfManufacture,
                           String custodian, String status, String manufacturedAt, long lastSequence, String lastHash,
                           String installedIn, String identityItem, List<Marking> markings) {
        ItemView withIdentity(String identityItem, List<Marking> markings) {
            return new ItemView(itemId, kind, category, partType, identityComponent, make, model, calibre, material,
                    production, yearOfManufacture, manufacturer, countryOfManufacture, custodian, status,
                    manufacturedAt, lastSequence, lastHash, installedIn, identityItem, markings);
        }
    }

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
        return jdbc.query("""
                SELECT item_id, kind, category, part_type, identity_component, make, model, calibre, material, production,
                  year_of_manufacture, manufacturer, country_of_manufacture, custodian, status, manufactured_at,
                  last_sequence, last_hash, installed_in FROM item_view WHERE item_id = ?""",
                (rs, i) -> new ItemView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), (Integer) rs.getObject(11), rs.getString(12), rs.getString(13),
                        rs.getString(14), rs.getString(15), rs.getString(16), rs.getLong(17), rs.getString(18),
                        rs.getString(19), null, List.of()),
                itemId).stream().findFirst().map(this::withMarks);
    }

    /** The item's own marks and, for a weapon, its identity component's, which are the weapon's legal marks. */
    private ItemView withMarks(ItemView view) {
        String identityItem = view.identityComponent() == null ? null : identityComponentOf(view.itemId()).orElse(null);
        List<Marking> markings = new java.util.ArrayList<>(markings(view.itemId()));
        if (identityItem != null) {
            markings.addAll(markings(identityItem));
        }
        return view.withIdentity(identityItem, List.copyOf(markings));
    }

    /** The marks recorded on the item's own stream. */
    public List<Marking> markings(String itemId) {
        return jdbc.query("SELECT item_id, sequence, mark_type, text, serial, component, method, location FROM item_marking "
                        + "WHERE item_id = ? ORDER BY sequence",
                (rs, i) -> new Marking(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), itemId);
    }

    /**
     * The host the item is installed in, as the item's own stream has it: views that decide about the
     * item's records read it in the item's order, whatever the host's stream has been processed to.
     */
    public Optional<String> hostOf(String itemId) {
        return jdbc.queryForList("SELECT installed_in FROM item_view WHERE item_id = ? AND installed_in IS NOT NULL",
                String.class, itemId).stream().findFirst();
    }

    /**
     * The part installed in the weapon now whose type is the weapon's declared identity component: it
     * carries the weapon's legal marks (docs/domain-rules.md rules 19, 20).
     */
    public Optional<String> identityComponentOf(String hostId) {
        return jdbc.queryForList("""
                SELECT c.part_id FROM composition c JOIN item_view h ON h.item_id = c.host_id
                JOIN item_view p ON p.item_id = c.part_id
                WHERE c.host_id = ? AND c.detached_at IS NULL AND p.part_type = h.identity_component
                ORDER BY c.assembled_at, c.part_id""", String.class, hostId).stream().findFirst();
    }

    /**
     * When the identity component was in the weapon: assembled and detached instants (detached null
     * while it still is), for the weapon's history.
     */
    public List<Installation> installations(String hostId, String partId) {
        return jdbc.query("SELECT assembled_at, detached_at FROM composition WHERE host_id = ? AND part_id = ? "
                        + "ORDER BY assembled_at", (rs, i) -> new Installation(rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()), hostId, partId);
    }

    /**
     * The marks put on the weapon's identity components while they were installed in it, by component:
     * the weapon's own marks live there (ITI 8: the mark goes on the essential component), so its
     * timeline shows them. Custody records need no such merge: parts get their host's.
     */
    public java.util.Map<String, List<Long>> identityMarkRecords(String hostId) {
        java.util.Map<String, List<Long>> records = new java.util.LinkedHashMap<>();
        List<String> components = jdbc.queryForList("""
                SELECT DISTINCT c.part_id FROM composition c JOIN item_view h ON h.item_id = c.host_id
                JOIN item_view p ON p.item_id = c.part_id
                WHERE c.host_id = ? AND p.part_type = h.identity_component ORDER BY c.part_id""", String.class, hostId);
        for (String part : components) {
            List<Installation> stays = installations(hostId, part);
            List<Long> sequences = history(part).stream().filter(e -> e.type().equals("ItemMarked"))
                    .filter(e -> stays.stream().anyMatch(stay -> stay.covers(java.time.Instant.parse(e.recordedAt()))))
                    .map(HistoryEntry::sequence).toList();
            if (!sequences.isEmpty()) {
                records.put(part, sequences);
            }
        }
        return records;
    }

    /** A stay of a part in a host. */
    public record Installation(java.time.Instant assembledAt, java.time.Instant detachedAt) {
        public boolean covers(java.time.Instant at) {
            return !at.isBefore(assembledAt) && (detachedAt == null || at.isBefore(detachedAt));
        }
    }

    public List<HistoryEntry> history(String itemId) {
        return jdbc.query(HISTORY_COLUMNS + "WHERE item_id = ? ORDER BY sequence", ItemQueries::historyEntry, itemId);
    }

    private static final String HISTORY_COLUMNS = "SELECT item_id, sequence, type, actor_id, occurred_at, recorded_at, "
            + "facts, corrected_facts, corrected_in, record_hash FROM item_history ";

    private static HistoryEntry historyEntry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new HistoryEntry(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), json(rs.getBytes(7)), rs.getBytes(8) == null ? null : json(rs.getBytes(8)),
                (Long) rs.getObject(9, Long.class), rs.getString(10));
    }

    /** Where a page of {@link #recordedBetween} ended: the next page starts after this record. */
    public record RecordedCursor(String recordedAt, String itemId, long sequence) {}

    /**
     * Records of every item recorded in [{@code fromInclusive}, {@code toExclusive}), after {@code after}, in a
     * stable order, at most {@code limit}. recorded_at is RFC 3339 text of varying precision, which orders as
     * text only to the whole second: callers pass whole-second bounds that cover their window and keep the
     * exact instants themselves.
     */
    public List<HistoryEntry> recordedBetween(String fromInclusive, String toExclusive, RecordedCursor after, int limit) {
        String columns = HISTORY_COLUMNS + "WHERE recorded_at >= ? AND recorded_at < ? ";
        String order = " ORDER BY recorded_at, item_id, sequence LIMIT ?";
        RowMapper<HistoryEntry> rows = ItemQueries::historyEntry;
        if (after == null) {
            return jdbc.query(columns + order, rows, fromInclusive, toExclusive, limit);
        }
        return jdbc.query(columns + "AND (recorded_at > ? OR (recorded_at = ? AND (item_id > ? OR (item_id = ? AND sequence > ?))))"
                        + order, rows, fromInclusive, toExclusive, after.recordedAt(), after.recordedAt(), after.itemId(),
                after.itemId(), after.sequence(), limit);
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
