package org.salwledger.projections.alert;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.actor.ActorDirectory;
import org.salwledger.core.actor.ActorEntry;
import org.salwledger.core.actor.ActorKey;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.description.ItemStatus;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.TransferKind;
import org.salwledger.core.item.event.ItemMarked;
import org.salwledger.core.item.event.ItemReceived;
import org.salwledger.core.item.event.ItemRecovered;
import org.salwledger.core.item.marking.MarkType;
import org.salwledger.core.item.marking.MarkingMethod;
import org.salwledger.projections.DeferredInserts;
import org.salwledger.projections.ViewDatabase;
import org.salwledger.projections.item.ItemQueries;
import org.salwledger.projections.search.MarkIndexProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A weapon whose identity is a separate fire-control unit: the mark obligations are the weapon's,
 * the unit's marks fulfil them, and the alerts name both.
 */
class WeaponMarksTest {
    private static final String PISTOL = "11111111-1111-4111-8111-111111111111";
    private static final String FCU = "22222222-2222-4222-8222-222222222222";
    private static final String GRIP = "33333333-3333-4333-8333-333333333333";
    private static final String EXPORT = "44444444-4444-4444-8444-444444444444";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final CommandOrigin CD = new CommandOrigin("CD-MOD", Role.AUTHORITY, "CD", "e".repeat(64), NOW, NOW);
    private static final AlertSweep.Deadlines DEADLINES = new AlertSweep.Deadlines(Duration.ofDays(30),
            Duration.ofDays(14), Duration.ofDays(90), Duration.ofDays(30));

    private final JdbcTemplate jdbc = ViewDatabase.fresh();
    private final AlertBook book = new AlertBook(jdbc);
    private final ItemQueries items = new ItemQueries(jdbc);
    private final DeferredInserts inserts = new DeferredInserts(jdbc);
    private final AlertProjection alerts = new AlertProjection(jdbc, inserts, book, items, new OneActor(CD),
            new TraceHits(jdbc, book));
    private final MarkIndexProjection marks = new MarkIndexProjection(jdbc, inserts);
    private final AlertSweep sweep = new AlertSweep(jdbc, book, items, new TraceHits(jdbc, book));

    @BeforeEach
    void aPistolWithItsFireControlUnitAndGripInstalled() {
        item(PISTOL, "WEAPON", null, "FIRE_CONTROL_UNIT");
        item(FCU, "PART", "FIRE_CONTROL_UNIT", null);
        item(GRIP, "PART", "FRAME", null);
        installed(FCU);
        installed(GRIP);
    }

    @Test
    void anImportMarkOnTheFireControlUnitIsTheWeaponsImportMark() {
        for (String item : List.of(PISTOL, FCU, GRIP)) {
            ItemReceived received = ChainHead.start(item).seal(link -> new ItemReceived(item, EXPORT,
                    TransferKind.EXPORT, "BE-FNH", "BE", "CD-MOD", "CD", link), CD);
            alerts.on(received);
        }
        assertThat(jdbc.queryForList("SELECT item_id FROM mark_obligation", String.class))
                .as("one weapon, one obligation").containsExactly(PISTOL);

        sweep.sweep(NOW.plus(Duration.ofDays(31)), DEADLINES);
        assertThat(book.open(AlertType.MARK_MISSING)).containsExactly("mark:" + PISTOL + ":IMPORT");
        assertThat(jdbc.queryForList("SELECT item_id FROM alert_item WHERE alert_id = ?", String.class,
                "mark:" + PISTOL + ":IMPORT")).containsExactlyInAnyOrder(PISTOL, FCU);

        marked(GRIP, MarkType.IMPORT, "CD");
        marked(FCU, MarkType.IMPORT, "BE");
        sweep.sweep(NOW.plus(Duration.ofDays(32)), DEADLINES);
        assertThat(book.open(AlertType.MARK_MISSING)).as("a grip is not the weapon's identity, and BE is not CD")
                .hasSize(1);

        marked(FCU, MarkType.IMPORT, "CD");
        sweep.sweep(NOW.plus(Duration.ofDays(33)), DEADLINES);
        assertThat(book.open(AlertType.MARK_MISSING)).isEmpty();
    }

    @Test
    void aRecoveredWeaponIsOneAlertClearedByTheConfiscationMarkOnItsIdentityComponent() {
        // the views may see the parts' records before the weapon's: the outcome is the same
        for (String item : List.of(GRIP, PISTOL, FCU)) {
            ItemRecovered recovered = ChainHead.start(item).seal(link -> new ItemRecovered(item, ItemStatus.STOLEN,
                    "BE-DEAL", "CD-PNC", "CD", "Goma", null, List.of(), link), CD);
            alerts.on(recovered, ReplayStatus.REGULAR);
        }
        assertThat(book.open(AlertType.LOST_OR_STOLEN_RECOVERED)).hasSize(1);
        assertThat(jdbc.queryForList("SELECT item_id FROM alert_item", String.class))
                .containsExactlyInAnyOrder(PISTOL, FCU, GRIP);
        assertThat(jdbc.queryForList("SELECT item_id FROM mark_obligation", String.class)).containsExactly(PISTOL);

        sweep.sweep(NOW.plus(Duration.ofDays(31)), DEADLINES);
        assertThat(book.open(AlertType.MARK_MISSING)).containsExactly("mark:" + PISTOL + ":CONFISCATION");

        alerts.on(mark(FCU, MarkType.CONFISCATION), ReplayStatus.REGULAR);
        marked(FCU, MarkType.CONFISCATION, "CD");
        assertThat(book.open(AlertType.LOST_OR_STOLEN_RECOVERED)).isEmpty();
        sweep.sweep(NOW.plus(Duration.ofDays(32)), DEADLINES);
        assertThat(book.open(AlertType.MARK_MISSING)).isEmpty();
    }

    /** In one batch of the views, the mark's index row is held back until the commit: the receipt still sees it. */
    @Test
    void aMarkInTheSameBatchAsAStateToCivilianReceiptMeetsItsObligation() {
        ItemMarked marked = ChainHead.start(FCU).seal(link -> new ItemMarked(FCU, MarkType.MANUFACTURE, "SIG M17-0042",
                "M17-0042", "US-SIG", "US", PartType.FIRE_CONTROL_UNIT, MarkingMethod.LASER, null, "US-SIG", List.of(),
                link), CD);
        ItemReceived received = ChainHead.start(PISTOL).seal(link -> new ItemReceived(PISTOL, EXPORT,
                TransferKind.STATE_TO_CIVILIAN, "CD-MOD", "CD", "CD-DEAL", "CD", link), CD);
        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())).executeWithoutResult(status -> {
            try {
                new AnnotationEventHandlerAdapter(marks).handle(GenericEventMessage.asEventMessage(marked));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            alerts.on(received);
        });
        assertThat(jdbc.queryForList("SELECT item_id FROM mark_obligation", String.class))
                .as("marked by its maker on its identity component").isEmpty();
    }

    @Test
    void theWeaponShowsTheMarksOfItsIdentityComponent() {
        jdbc.update("INSERT INTO item_marking (item_id, sequence, mark_type, text, serial, normalized_text, "
                + "normalized_serial, component, method) VALUES (?, 1, 'MANUFACTURE', 'M17-0042', 'M17-0042', "
                + "'M170042', 'M170042', 'FIRE_CONTROL_UNIT', 'LASER')", FCU);
        assertThat(items.find(PISTOL)).hasValueSatisfying(view -> {
            assertThat(view.identityItem()).isEqualTo(FCU);
            assertThat(view.markings()).singleElement().satisfies(m -> {
                assertThat(m.itemId()).isEqualTo(FCU);
                assertThat(m.serial()).isEqualTo("M17-0042");
            });
        });
        assertThat(items.find(FCU)).hasValueSatisfying(view -> assertThat(view.installedIn()).isEqualTo(PISTOL));
        assertThat(items.find(GRIP)).hasValueSatisfying(view -> assertThat(view.identityItem()).isNull());
    }

    private ItemMarked mark(String item, MarkType type) {
        return ChainHead.start(item).seal(link -> new ItemMarked(item, type, "CD 26", null, null, "CD",
                PartType.FIRE_CONTROL_UNIT, MarkingMethod.LASER, null, "CD-MOD", List.of(), link), CD);
    }

    private void item(String id, String kind, String partType, String identityComponent) {
        jdbc.update("INSERT INTO item_view (item_id, kind, part_type, identity_component, make, model, calibre, material, "
                + "production, manufacturer, country_of_manufacture, custodian, status, manufactured_at, last_sequence, "
                + "last_hash) VALUES (?, ?, ?, ?, 'SIG', 'P320', '9x19mm', 'POLYMER', 'INDUSTRIAL', 'US-SIG', 'US', "
                + "'CD-MOD', 'ACTIVE', ?, 0, ?)", id, kind, partType, identityComponent, NOW.toString(), "a".repeat(64));
    }

    /** The item view's side of a mark (the item projection's row). */
    private void marked(String item, MarkType type, String country) {
        jdbc.update("INSERT INTO item_marking (item_id, sequence, mark_type, text, normalized_text, component, method, "
                + "country) VALUES (?, (SELECT COUNT(*) + 10 FROM item_marking), ?, 'M', 'M', 'FIRE_CONTROL_UNIT', "
                + "'LASER', ?)", item, type.name(), country);
    }

    private void installed(String part) {
        jdbc.update("UPDATE item_view SET installed_in = ? WHERE item_id = ?", PISTOL, part);
        jdbc.update("INSERT INTO composition (host_id, part_id, assembled_at, assembled_hash) VALUES (?, ?, ?, ?)", PISTOL,
                part, Timestamp.from(NOW.minusSeconds(60)), "b".repeat(64));
    }
}
