package org.salwledger.core.report;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.InProcessLedger;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Role;
import org.salwledger.core.composition.AssemblePart;
import org.salwledger.core.composition.DetachPart;
import org.salwledger.core.item.command.RecoverItems;
import org.salwledger.core.item.command.RegisterUnmarkedItem;
import org.salwledger.core.item.command.ReportOnItem;
import org.salwledger.core.item.command.ReportRecovered;
import org.salwledger.core.item.command.ReportStolen;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.event.ItemAssembledInto;
import org.salwledger.core.item.event.ItemDetachedFrom;
import org.salwledger.core.item.event.ItemRecovered;
import org.salwledger.core.item.event.ItemStolen;

import java.util.List;
import java.util.UUID;

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

    @Test
    void aRecoveryNamesWhatWasFoundAndThePartsThatWereNotThere() {
        String pistol = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String fcu = ledger.manufacture(fnh, ItemKind.PART, PartType.FIRE_CONTROL_UNIT);
        String grip = ledger.manufacture(fnh, ItemKind.PART, PartType.FRAME);
        String slide = ledger.manufacture(fnh, ItemKind.PART, PartType.SLIDE);
        String barrel = ledger.manufacture(fnh, ItemKind.PART, PartType.BARREL);
        String spareSlide = ledger.manufacture(fnh, ItemKind.PART, PartType.SLIDE);
        ledger.send(new AssemblePart(pistol, fcu, fnh));
        ledger.send(new AssemblePart(pistol, grip, fnh));
        ledger.send(new AssemblePart(pistol, slide, fnh));
        ledger.send(new AssemblePart(slide, barrel, fnh));
        ledger.send(new ReportOnItem(new ReportStolen(pistol, "Herstal", "HP-9", fnh)));
        ledger.send(new ReportOnItem(new ReportStolen(spareSlide, "Herstal", "HP-9", fnh)));
        CommandOrigin police = ledger.actor("CD-PNC", Role.LAW_ENFORCEMENT, "CD");

        ledger.send(new RecoverItems(new ReportRecovered(pistol, "Goma", "traffic stop", List.of(), police),
                List.of(spareSlide), List.of(grip)));

        for (String item : List.of(fcu, slide, barrel, spareSlide)) {
            assertThat(ledger.last(item)).as(item).isInstanceOfSatisfying(ItemRecovered.class,
                    r -> assertThat(r.recoveredBy()).isEqualTo("CD-PNC"));
        }
        assertThat(ledger.types(pistol)).endsWith("ItemStolen", "ItemRecovered", "PartDetached");
        assertThat(ledger.types(grip)).endsWith("ItemStolen", "ItemDetachedFrom");
        // The authority holding the recovered pistol records it as found: a grip nobody registered goes in.
        String unknownGrip = UUID.randomUUID().toString();
        ledger.send(new RegisterUnmarkedItem(unknownGrip, ItemKind.PART, null, PartType.FRAME, null, null, null,
                Material.POLYMER, Production.INDUSTRIAL, "black polymer grip module", "Goma", null, police));
        ledger.send(new AssemblePart(pistol, unknownGrip, police));
        assertThat(ledger.last(unknownGrip)).isInstanceOf(ItemAssembledInto.class);
    }

    @Test
    void aRecoveryThatContradictsItselfRecordsNothing() {
        String pistol = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String slide = ledger.manufacture(fnh, ItemKind.PART, PartType.SLIDE);
        String loose = ledger.manufacture(fnh, ItemKind.PART, PartType.BARREL);
        ledger.send(new AssemblePart(pistol, slide, fnh));
        ledger.send(new ReportOnItem(new ReportStolen(pistol, "Herstal", "HP-10", fnh)));
        ledger.send(new ReportOnItem(new ReportStolen(loose, "Herstal", "HP-10", fnh)));
        CommandOrigin police = ledger.actor("CD-PNC", Role.LAW_ENFORCEMENT, "CD");
        long before = ledger.recordCount(pistol, slide, loose);
        ReportRecovered found = new ReportRecovered(pistol, "Goma", null, List.of(), police);

        ledger.refuses(new RecoverItems(found, List.of(), List.of(loose)), "part-not-installed");
        ledger.refuses(new RecoverItems(found, List.of(slide), List.of(slide)), "invalid-field");
        ledger.refuses(new RecoverItems(found, List.of(pistol), List.of()), "invalid-field");
        CommandOrigin dealer = ledger.actor("BE-DEAL", Role.HOLDER, "BE");
        ledger.refuses(new RecoverItems(new ReportRecovered(pistol, "Goma", null, List.of(), dealer), List.of(loose),
                List.of()), "role-not-allowed");
        assertThat(ledger.recordCount(pistol, slide, loose)).isEqualTo(before);
    }

    @Test
    void nobodyChangesAStolenWeaponsCompositionAndOnlyItsHolderASeizedOnes() {
        String pistol = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String grip = ledger.manufacture(fnh, ItemKind.PART, PartType.FRAME);
        ledger.send(new AssemblePart(pistol, grip, fnh));
        ledger.send(new ReportOnItem(new ReportStolen(pistol, "Herstal", "HP-11", fnh)));

        ledger.refuses(new DetachPart(pistol, grip, fnh), "item-stolen");

        CommandOrigin police = ledger.actor("BE-POL", Role.LAW_ENFORCEMENT, "BE");
        ledger.send(new ReportOnItem(new ReportRecovered(pistol, "Liege", null, List.of(), police)));
        ledger.refuses(new DetachPart(pistol, grip, fnh), "not-custodian");
        ledger.send(new DetachPart(pistol, grip, police));
        assertThat(ledger.last(grip)).isInstanceOf(ItemDetachedFrom.class);
    }
}
