package org.salwledger.projections.alert;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.salwledger.core.actor.ActorDirectory;
import org.salwledger.core.actor.ActorEntry;
import org.salwledger.core.item.description.TransferKind;
import org.salwledger.core.item.event.ItemDestroyed;
import org.salwledger.core.item.event.ItemLost;
import org.salwledger.core.item.event.ItemMarked;
import org.salwledger.core.item.event.ItemReceived;
import org.salwledger.core.item.event.ItemRecovered;
import org.salwledger.core.item.event.ItemRecoveredAfterDestruction;
import org.salwledger.core.item.event.ItemRegisteredUnmarked;
import org.salwledger.core.item.event.ItemSeized;
import org.salwledger.core.item.marking.MarkType;
import org.salwledger.projections.DeferredInserts;
import org.salwledger.projections.LedgerViews;
import org.salwledger.projections.item.ItemQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The alerts that facts raise and resolve as they arrive, and the mark obligations the alert scanner
 * watches over time. Trace hits are {@link TraceHits}.
 */
@Component
@ProcessingGroup(LedgerViews.PROCESSING_GROUP)
public class AlertProjection {
    private final JdbcTemplate jdbc;
    private final AlertBook alerts;
    private final ItemQueries items;
    private final ActorDirectory actors;
    private final TraceHits traceHits;
    private final DeferredInserts inserts;

    public AlertProjection(JdbcTemplate jdbc, DeferredInserts inserts, AlertBook alerts, ItemQueries items,
                           ActorDirectory actors, TraceHits traceHits) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.traceHits = traceHits;
        this.actors = actors;
        this.alerts = alerts;
        this.items = items;
    }

    /**
     * Items missing on receipt: one alert per missing weapon (its installed parts are named on it),
     * whatever order the views see the weapon's and the parts' records in.
     */
    @EventHandler
    void on(ItemLost e) {
        if (e.transferId() == null) {
            return;
        }
        String weapon = items.hostOf(e.itemId()).orElse(e.itemId());
        alerts.raiseOrJoin("missing:" + weapon + ":" + e.link().envelopeHash(), AlertType.MISSING_FROM_RECEIPT,
                "item " + weapon + " was missing when transfer " + e.transferId() + " was received", e.itemId(),
                AlertBook.facts().put("transferId", e.transferId()).put("lastCustodian", e.lastCustodian())
                        .put("reportedBy", e.reportedBy()).put("envelopeHash", e.link().envelopeHash()),
                new AlertBook.Audience(countryOf(e.lastCustodian()), countryOf(e.reportedBy()), e.lastCustodian(), false),
                e.link().recordedAt());
    }

    /** One alert per recovered weapon and recovery; the parts recovered in it are named on it. */
    @EventHandler
    void on(ItemRecovered e, ReplayStatus replay) {
        String at = e.link().recordedAt();
        alerts.resolveForItem(e.itemId(), "recovered", at, rebuilt(replay, AlertType.MISSING_FROM_RECEIPT,
                AlertType.REFUSED_LOST_OR_STOLEN));
        String weapon = items.hostOf(e.itemId()).orElse(e.itemId());
        alerts.raiseOrJoin("recovered:" + weapon + ":" + e.link().envelopeHash(), AlertType.LOST_OR_STOLEN_RECOVERED,
                "item " + weapon + ", " + e.previousStatus() + ", recovered at " + e.place() + "; last legal custodian "
                        + e.lastLegalCustodian(), e.itemId(),
                AlertBook.facts().put("previousStatus", e.previousStatus().name())
                        .put("lastLegalCustodian", e.lastLegalCustodian()).put("recoveredBy", e.recoveredBy())
                        .put("place", e.place()).put("envelopeHash", e.link().envelopeHash()),
                new AlertBook.Audience(e.recovererCountry(), countryOf(e.lastLegalCustodian()), e.recoveredBy(), false), at);
        obligation(e.itemId(), MarkType.CONFISCATION, e.recovererCountry(), at);
    }

    @EventHandler
    void on(ItemRecoveredAfterDestruction e) {
        alerts.raise("undestroyed:" + e.itemId() + ":" + e.link().sequence(), AlertType.RECOVERED_AFTER_DESTRUCTION,
                "item " + e.itemId() + " was recorded destroyed by " + e.destroyedBy() + " and recovered at " + e.place(),
                List.of(e.itemId()), AlertBook.facts().put("destroyedBy", e.destroyedBy())
                        .put("recoveredBy", e.recoveredBy()).put("place", e.place()).put("recordHash", e.link().hash()),
                new AlertBook.Audience(e.recovererCountry(), countryOf(e.destroyedBy()), e.recoveredBy(), false),
                e.link().recordedAt());
    }

    @EventHandler
    void on(ItemSeized e) {
        obligation(e.itemId(), MarkType.CONFISCATION, e.seizerCountry(), e.link().recordedAt());
    }

    @EventHandler
    void on(ItemRegisteredUnmarked e, ReplayStatus replay) {
        obligation(e.itemId(), MarkType.CONFISCATION, e.country(), e.link().recordedAt());
        if (!replay.isReplay()) {
            traceHits.registered(e);
        }
    }

    @EventHandler
    void on(ItemReceived e) {
        if (e.transferKind() == TransferKind.EXPORT) {
            obligation(e.itemId(), MarkType.IMPORT, e.custodianCountry(), e.link().recordedAt());
        } else if (e.transferKind() == TransferKind.STATE_TO_CIVILIAN && !traceablyMarked(e.itemId())) {
            obligation(e.itemId(), MarkType.STATE_TO_CIVILIAN, e.senderCountry(), e.link().recordedAt());
        }
    }

    /**
     * A mark meets the item's own obligation of its type. A weapon's obligation met by a mark on its
     * identity component is the alert scanner's to see ({@link AlertSweep}): that mark is on another
     * stream, which the views may see before or after the weapon's.
     */
    @EventHandler
    void on(ItemMarked e, ReplayStatus replay) {
        String at = e.link().recordedAt();
        jdbc.update("UPDATE mark_obligation SET fulfilled_at = ? WHERE item_id = ? AND mark_type = ? "
                + "AND fulfilled_at IS NULL", at, e.itemId(), e.markType().name());
        if (e.markType() == MarkType.CONFISCATION) {
            alerts.resolveForItem(e.itemId(), "confiscation-marked", at, AlertType.LOST_OR_STOLEN_RECOVERED);
        }
        if (!replay.isReplay()) {
            traceHits.mark(e);
        }
    }

    @EventHandler
    void on(ItemDestroyed e, ReplayStatus replay) {
        String at = e.link().recordedAt();
        jdbc.update("UPDATE mark_obligation SET fulfilled_at = ? WHERE item_id = ? AND fulfilled_at IS NULL", at,
                e.itemId());
        alerts.resolveForItem(e.itemId(), "destroyed", at, rebuilt(replay, AlertType.LOST_OR_STOLEN_RECOVERED,
                AlertType.MARK_MISSING));
    }

    /** Marked by its maker or importer, itself or (a weapon) on its identity component. */
    private boolean traceablyMarked(String itemId) {
        List<String> carriers = new ArrayList<>(List.of(itemId));
        items.identityComponentOf(itemId).ifPresent(carriers::add);
        // the marks of this batch's records may still be held back
        inserts.flush();
        return carriers.stream().anyMatch(item -> jdbc.queryForObject("SELECT COUNT(*) FROM mark_index WHERE item_id = ? "
                + "AND mark_type IN ('MANUFACTURE', 'IMPORT')", Integer.class, item) > 0);
    }

    /**
     * The mark ITI asks for after a fact. A part installed in a host shares the fact with it and has no
     * obligation of its own: the mark is the weapon's, and goes on the weapon or its identity component.
     */
    private void obligation(String itemId, MarkType type, String country, String since) {
        if (items.hostOf(itemId).isPresent()) {
            return;
        }
        jdbc.update("DELETE FROM mark_obligation WHERE item_id = ? AND mark_type = ?", itemId, type.name());
        jdbc.update("INSERT INTO mark_obligation (item_id, mark_type, country, since) VALUES (?, ?, ?, ?)", itemId,
                type.name(), country, since);
    }

    /**
     * From the actor directory, which the write side fills with the records: the actor's own record may
     * be in another segment of the views, projected after this one (always, in a rebuild).
     */
    private String countryOf(String actorId) {
        return actorId == null ? null : actors.actor(actorId).map(ActorEntry::country).orElse(null);
    }

    /**
     * A rebuild raises again only what one record raises alone. The sweep's alerts stay, with their
     * history: they already are what these records made of them, and the next sweep settles them against
     * the rebuilt views. Trace hits stay too, and are not looked for again: they are
     * what the records make of them already (a mark recorded after the answer, in whatever order the views
     * see the two), kept with their history.
     */
    @ResetHandler
    void reset() {
        String byRecords = Arrays.stream(AlertType.values()).filter(AlertType::rebuiltFromRecords)
                .map(t -> "'" + t.name() + "'").reduce((a, b) -> a + ", " + b).orElseThrow();
        jdbc.update("TRUNCATE TABLE mark_obligation");
        jdbc.update("DELETE FROM alert_item WHERE alert_id IN (SELECT alert_id FROM alert WHERE type IN (" + byRecords + "))");
        jdbc.update("DELETE FROM alert WHERE type IN (" + byRecords + ")");
    }

    /** In a rebuild, an old record must not resolve what was raised since and kept across it. */
    private static AlertType[] rebuilt(ReplayStatus replay, AlertType... types) {
        return replay.isReplay() ? Arrays.stream(types).filter(AlertType::rebuiltFromRecords).toArray(AlertType[]::new)
                : types;
    }
}
