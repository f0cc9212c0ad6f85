package org.salwledger.projections.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.item.event.IdentityLinked;
import org.salwledger.core.item.event.ItemAssembledInto;
import org.salwledger.core.item.event.ItemDeactivated;
import org.salwledger.core.item.event.ItemDestroyed;
import org.salwledger.core.item.event.ItemDetachedFrom;
import org.salwledger.core.item.event.ItemDispatched;
import org.salwledger.core.item.event.ItemHandedOver;
import org.salwledger.core.item.event.ItemLost;
import org.salwledger.core.item.event.ItemManufactured;
import org.salwledger.core.item.event.ItemMarked;
import org.salwledger.core.item.event.ItemReceived;
import org.salwledger.core.item.event.ItemRecovered;
import org.salwledger.core.item.event.ItemRecoveredAfterDestruction;
import org.salwledger.core.item.event.ItemRegisteredUnmarked;
import org.salwledger.core.item.event.ItemReturned;
import org.salwledger.core.item.event.ItemSeized;
import org.salwledger.core.item.event.ItemStolen;
import org.salwledger.core.item.event.ItemTransformed;
import org.salwledger.core.item.event.PartAssembled;
import org.salwledger.core.item.event.PartDetached;
import org.salwledger.core.item.event.RecordCorrected;
import org.salwledger.core.item.marking.Serials;
import org.salwledger.projections.DeferredInserts;
import org.salwledger.projections.LedgerViews;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Current state, timeline, markings and holders of every item. A record's own rows are inserted once (ON CONFLICT DO
 * NOTHING, most of them at the batch's commit: DeferredInserts) and its updates are guarded by the item's last
 * sequence, so a redelivered record changes nothing.
 */
@Component
@ProcessingGroup(LedgerViews.PROCESSING_GROUP)
public class ItemProjection {
    private final JdbcTemplate jdbc;
    private final DeferredInserts inserts;

    public ItemProjection(JdbcTemplate jdbc, DeferredInserts inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    @EventHandler
    void on(ItemManufactured e) {
        jdbc.update("""
                INSERT INTO item_view (item_id, kind, category, part_type, identity_component, make, model, calibre,
                  material, production, year_of_manufacture, manufacturer, country_of_manufacture, custodian, status,
                  manufactured_at, last_sequence, last_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?) ON CONFLICT DO NOTHING""",
                e.itemId(), e.kind().name(), name(e.category()), name(e.partType()), name(e.identityComponent()),
                e.make(), e.model(), e.calibre(), e.material().name(), e.production().name(), e.yearOfManufacture(),
                e.manufacturer(), e.countryOfManufacture(), e.manufacturer(), e.link().recordedAt(),
                e.link().sequence(), e.link().hash());
        holder(e.itemId(), e.manufacturer(), e.countryOfManufacture());
        history(e.itemId(), e.manufacturer(), e);
    }

    @EventHandler
    void on(ItemMarked e) {
        inserts.insert("""
                INSERT INTO item_marking (item_id, sequence, mark_type, text, serial, normalized_text, normalized_serial,
                  component, method, location, country)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                e.itemId(), e.link().sequence(), e.markType().name(), e.text(), e.serial(), Serials.normalize(e.text()),
                e.serial() == null ? null : Serials.normalize(e.serial()), e.component().name(), e.method().name(),
                e.location(), e.country());
        advance(e.itemId(), e);
        history(e.itemId(), e.markedBy(), e);
    }

    @EventHandler
    void on(ItemDispatched e) {
        state(e.itemId(), "IN_TRANSIT", e.sender(), e);
        history(e.itemId(), e.sender(), e);
    }

    @EventHandler
    void on(ItemReceived e) {
        state(e.itemId(), "ACTIVE", e.custodian(), e);
        holder(e.itemId(), e.custodian(), e.custodianCountry());
        history(e.itemId(), e.custodian(), e);
    }

    @EventHandler
    void on(ItemReturned e) {
        state(e.itemId(), "ACTIVE", e.custodian(), e);
        history(e.itemId(), e.rejectedBy(), e);
    }

    @EventHandler
    void on(ItemLost e) {
        state(e.itemId(), "LOST", e.lastCustodian(), e);
        history(e.itemId(), e.reportedBy(), e);
    }

    @EventHandler
    void on(ItemStolen e) {
        state(e.itemId(), "STOLEN", e.lastCustodian(), e);
        history(e.itemId(), e.reportedBy(), e);
    }

    @EventHandler
    void on(ItemRecovered e) {
        state(e.itemId(), "SEIZED", e.recoveredBy(), e);
        holder(e.itemId(), e.recoveredBy(), e.recovererCountry());
        history(e.itemId(), e.recoveredBy(), e);
    }

    @EventHandler
    void on(ItemRecoveredAfterDestruction e) {
        state(e.itemId(), "SEIZED", e.recoveredBy(), e);
        holder(e.itemId(), e.recoveredBy(), e.recovererCountry());
        history(e.itemId(), e.recoveredBy(), e);
    }

    @EventHandler
    void on(ItemSeized e) {
        state(e.itemId(), "SEIZED", e.seizedBy(), e);
        holder(e.itemId(), e.seizedBy(), e.seizerCountry());
        history(e.itemId(), e.seizedBy(), e);
    }

    @EventHandler
    void on(ItemDeactivated e) {
        state(e.itemId(), "DEACTIVATED", e.custodian(), e);
        history(e.itemId(), e.custodian(), e);
    }

    @EventHandler
    void on(ItemDestroyed e) {
        state(e.itemId(), "DESTROYED", e.custodian(), e);
        history(e.itemId(), e.custodian(), e);
    }

    @EventHandler
    void on(PartAssembled e) {
        advance(e.hostId(), e);
        history(e.hostId(), e.assembledBy(), e);
    }

    @EventHandler
    void on(PartDetached e) {
        advance(e.hostId(), e);
        history(e.hostId(), e.detachedBy(), e);
    }

    @EventHandler
    void on(ItemAssembledInto e) {
        installedIn(e.itemId(), e.hostId(), e);
        advance(e.itemId(), e);
        history(e.itemId(), e.assembledBy(), e);
    }

    @EventHandler
    void on(ItemDetachedFrom e) {
        installedIn(e.itemId(), null, e);
        advance(e.itemId(), e);
        history(e.itemId(), e.detachedBy(), e);
    }

    @EventHandler
    void on(RecordCorrected e) {
        advance(e.itemId(), e);
        history(e.itemId(), e.statedBy(), e);
        inserts.flush(); // the corrected record's rows may be held back in this batch
        byte[] original = jdbc.query("SELECT COALESCE(corrected_facts, facts) FROM item_history WHERE item_id = ? AND sequence = ?",
                (rs, i) -> rs.getBytes(1), e.itemId(), e.correctedSequence()).stream().findFirst().orElse(null);
        if (original == null) {
            return;
        }
        ObjectNode merged = (ObjectNode) json(original);
        merged.setAll(e.correctedFacts());
        jdbc.update("UPDATE item_history SET corrected_facts = ?, corrected_in = ? WHERE item_id = ? AND sequence = ?",
                CanonicalJson.canonicalize(merged), e.link().sequence(), e.itemId(), e.correctedSequence());
        if (e.correctedType().equals("ItemMarked")) {
            jdbc.update("UPDATE item_marking SET text = ?, serial = ?, normalized_text = ?, normalized_serial = ?, "
                            + "component = ?, method = ?, location = ? WHERE item_id = ? AND sequence = ?",
                    merged.path("text").asText(), text(merged, "serial"), Serials.normalize(merged.path("text").asText()),
                    merged.hasNonNull("serial") ? Serials.normalize(merged.get("serial").asText()) : null,
                    merged.path("component").asText(), merged.path("method").asText(), text(merged, "location"),
                    e.itemId(), e.correctedSequence());
        }
        if (e.correctedType().equals("ItemManufactured") || e.correctedType().equals("ItemRegisteredUnmarked")) {
            jdbc.update("UPDATE item_view SET make = ?, model = ?, calibre = ?, category = ?, part_type = ?, material = ?, "
                            + "production = ? WHERE item_id = ?", text(merged, "make"), text(merged, "model"),
                    text(merged, "calibre"), text(merged, "category"), text(merged, "partType"), text(merged, "material"),
                    text(merged, "production"), e.itemId());
        }
    }

    @EventHandler
    void on(ItemHandedOver e) {
        jdbc.update("UPDATE item_view SET custodian = ?, last_sequence = ?, last_hash = ? WHERE item_id = ? "
                + "AND last_sequence < ?", e.to(), e.link().sequence(), e.link().hash(), e.itemId(), e.link().sequence());
        holder(e.itemId(), e.to(), e.toCountry());
        history(e.itemId(), e.statedBy(), e);
    }

    @EventHandler
    void on(ItemTransformed e) {
        jdbc.update("UPDATE item_view SET model = ?, calibre = ?, category = ?, last_sequence = ?, last_hash = ? "
                        + "WHERE item_id = ? AND last_sequence < ?", e.after().model(), e.after().calibre(),
                e.after().category() == null ? null : e.after().category().name(), e.link().sequence(), e.link().hash(),
                e.itemId(), e.link().sequence());
        history(e.itemId(), e.statedBy(), e);
    }

    @EventHandler
    void on(IdentityLinked e) {
        advance(e.itemId(), e);
        history(e.itemId(), e.statedBy(), e);
        jdbc.update("INSERT INTO item_link (item_id, same_as) VALUES (?, ?) ON CONFLICT DO NOTHING", e.itemId(),
                e.sameAs());
    }

    private static String text(ObjectNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return CanonicalJson.mapper().readTree(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @EventHandler
    void on(ItemRegisteredUnmarked e) {
        jdbc.update("""
                INSERT INTO item_view (item_id, kind, category, part_type, make, model, calibre, material, production,
                  description, custodian, status, manufactured_at, last_sequence, last_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SEIZED', ?, ?, ?) ON CONFLICT DO NOTHING""",
                e.itemId(), e.kind().name(), name(e.category()), name(e.partType()), e.make(), e.model(), e.calibre(),
                e.material().name(), e.production().name(), e.description(), e.registeredBy(), e.link().recordedAt(),
                e.link().sequence(), e.link().hash());
        holder(e.itemId(), e.registeredBy(), e.country());
        history(e.itemId(), e.registeredBy(), e);
    }

    private void state(String itemId, String status, String custodian, LedgerEvent e) {
        jdbc.update("UPDATE item_view SET status = ?, custodian = ?, last_sequence = ?, last_hash = ? "
                        + "WHERE item_id = ? AND last_sequence < ?",
                status, custodian, e.link().sequence(), e.link().hash(), itemId, e.link().sequence());
    }

    /** From the part's own stream, so views deciding about its later records see it in order. */
    private void installedIn(String itemId, String hostId, LedgerEvent e) {
        jdbc.update("UPDATE item_view SET installed_in = ? WHERE item_id = ? AND last_sequence < ?", hostId, itemId,
                e.link().sequence());
    }

    private void advance(String itemId, LedgerEvent e) {
        jdbc.update("UPDATE item_view SET last_sequence = ?, last_hash = ? WHERE item_id = ? AND last_sequence < ?",
                e.link().sequence(), e.link().hash(), itemId, e.link().sequence());
    }

    // Not DELETE then INSERT: PostgreSQL's plan for that DELETE read all of a holder's rows per item (README
    // "Performance"). The row's country is its actor's, which never changes, so a redelivery may skip it.
    private void holder(String itemId, String actorId, String country) {
        inserts.insert("INSERT INTO item_holder (item_id, actor_id, country) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                itemId, actorId, country);
    }

    private void history(String itemId, String actorId, LedgerEvent e) {
        inserts.insert("INSERT INTO item_history (item_id, sequence, type, actor_id, occurred_at, recorded_at, facts, "
                        + "record_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                itemId, e.link().sequence(), LedgerRecords.typeOf(e), actorId, e.link().occurredAt(), e.link().recordedAt(),
                CanonicalJson.canonicalize(LedgerRecords.factsOf(e)), e.link().hash());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /**
     * The views' reset handlers truncate rather than delete: row by row, emptying the views took a tenth of the
     * rebuilding node's CPU (profiled, 25,000 records). H2 commits at a TRUNCATE, so ViewRebuild notes the rebuild
     * first and a node stopped before it finished rebuilds again at its next start.
     */
    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE TABLE item_link");
        jdbc.update("TRUNCATE TABLE item_marking");
        jdbc.update("TRUNCATE TABLE item_history");
        jdbc.update("TRUNCATE TABLE item_holder");
        jdbc.update("TRUNCATE TABLE item_view");
    }
}
