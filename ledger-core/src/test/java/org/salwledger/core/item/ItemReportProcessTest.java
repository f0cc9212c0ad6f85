package org.salwledger.core.item;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.InProcessLedger;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Role;
import org.salwledger.core.composition.AssemblePart;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A report on a host is a report on everything installed in it; the identity link is recorded on both streams. */
class ItemReportProcessTest {
    private InProcessLedger ledger;
    private CommandOrigin fnh;

    @BeforeEach
    void setUp() {
        ledger = new InProcessLedger();
        fnh = ledger.actor("BE-FNH", Role.MANUFACTURER, "BE");
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    @Test
    void aStolenHostTakesItsPartsAtEveryDepthWithIt() {
        String frame = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String upper = ledger.manufacture(fnh, ItemKind.PART, PartType.UPPER_RECEIVER);
        String barrel = ledger.manufacture(fnh, ItemKind.PART, PartType.BARREL);
        String loose = ledger.manufacture(fnh, ItemKind.PART, PartType.SLIDE);
        ledger.send(new AssemblePart(frame, upper, fnh));
        ledger.send(new AssemblePart(upper, barrel, fnh));

        ledger.send(new ReportOnItem(new ReportStolen(frame, "Herstal", "HP-7", fnh)));

        for (String item : List.of(frame, upper, barrel)) {
            assertThat(ledger.last(item))
                    .isInstanceOfSatisfying(ItemStolen.class, s -> assertThat(s.policeReference()).isEqualTo("HP-7"));
        }
        assertThat(ledger.types(loose)).containsExactly("ItemManufactured");
    }

    @Test
    void aReportRefusedOnTheHostIsRecordedOnNoPart() {
        String frame = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String slide = ledger.manufacture(fnh, ItemKind.PART, PartType.SLIDE);
        ledger.send(new AssemblePart(frame, slide, fnh));
        CommandOrigin stranger = ledger.actor("DE-HK", Role.MANUFACTURER, "DE");

        assertThatThrownBy(() -> ledger.send(new ReportOnItem(new ReportStolen(frame, "Herstal", "HP-8", stranger))))
                .isInstanceOfSatisfying(Refusal.class, v -> assertThat(v.code()).isEqualTo("not-custodian"));
        assertThat(ledger.types(slide)).containsExactly("ItemManufactured", "ItemAssembledInto");
    }
}
