package org.salwledger.projections.alert;

import org.junit.jupiter.api.Test;
import org.salwledger.core.chain.ChainHead;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.description.TransferKind;
import org.salwledger.core.transfer.TransferDispatched;
import org.salwledger.projections.ViewDatabase;
import org.salwledger.projections.transfer.TransferProjectionAccess;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Time raises alerts and the facts clear them: each sweep raises what holds now and resolves the rest. */
class AlertSweepTest {
    private static final String TRANSFER = "5a0b6c1e-1d2f-3a4b-8c9d-0e1f2a3b4c5d";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final CommandOrigin FNH = new CommandOrigin("BE-FNH", Role.MANUFACTURER, "BE", "e".repeat(64), NOW, NOW);
    private static final AlertSweep.Deadlines DEADLINES = new AlertSweep.Deadlines(Duration.ofDays(30),
            Duration.ofDays(14), Duration.ofDays(90), Duration.ofDays(30));

    private final JdbcTemplate jdbc = ViewDatabase.fresh();
    private final AlertBook book = new AlertBook(jdbc);
    private final AlertSweep sweep = new AlertSweep(jdbc, book, new org.salwledger.projections.item.ItemQueries(jdbc),
            new TraceHits(jdbc, book));

    @Test
    void anOverdueTransferIsRaisedOnceAndResolvedWhenItArrives() {
        TransferProjectionAccess.dispatch(jdbc, ChainHead.start(TRANSFER).seal(link -> new TransferDispatched(TRANSFER,
                TransferKind.DOMESTIC, "BE-FNH", "BE", "BE-ARMY", "BE", List.of("11111111-1111-4111-8111-111111111111"),
                LocalDate.of(2026, 12, 1), null, null, null, null, List.of(), null, link), FNH));

        sweep.sweep(Instant.parse("2026-11-30T12:00:00Z"), DEADLINES);
        assertThat(book.open(AlertType.TRANSFER_OVERDUE)).as("not due yet").isEmpty();

        sweep.sweep(Instant.parse("2026-12-02T12:00:00Z"), DEADLINES);
        sweep.sweep(Instant.parse("2026-12-03T12:00:00Z"), DEADLINES);
        assertThat(book.open(AlertType.TRANSFER_OVERDUE)).containsExactly("overdue:" + TRANSFER);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alert", Integer.class)).as("raised once").isEqualTo(1);

        jdbc.update("UPDATE transfer_view SET state = 'RECEIVED' WHERE transfer_id = ?", TRANSFER);
        sweep.sweep(Instant.parse("2026-12-04T12:00:00Z"), DEADLINES);
        assertThat(book.open(AlertType.TRANSFER_OVERDUE)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT status FROM alert WHERE alert_id = ?", String.class, "overdue:" + TRANSFER))
                .isEqualTo("RESOLVED");
    }

    @Test
    void aRefusalOnAStolenItemIsAnAlertWhileTheItemIsMissing() {
        String item = "11111111-1111-4111-8111-111111111111";
        jdbc.update("INSERT INTO item_view (item_id, kind, material, production, manufacturer, country_of_manufacture, "
                + "custodian, status, manufactured_at, last_sequence, last_hash) VALUES (?, 'WEAPON', 'METAL', "
                + "'INDUSTRIAL', 'BE-FNH', 'BE', 'BE-FNH', 'STOLEN', ?, 1, ?)", item, NOW.toString(), "a".repeat(64));
        sweep.recordRefusal(item, "item-stolen", "BE-DEAL", "BE", "DispatchTransfer", NOW);

        sweep.sweep(NOW.plusSeconds(60), DEADLINES);
        assertThat(book.open(AlertType.REFUSED_LOST_OR_STOLEN)).hasSize(1);

        jdbc.update("UPDATE item_view SET status = 'SEIZED' WHERE item_id = ?", item);
        sweep.sweep(NOW.plusSeconds(120), DEADLINES);
        assertThat(book.open(AlertType.REFUSED_LOST_OR_STOLEN)).isEmpty();
    }
}
