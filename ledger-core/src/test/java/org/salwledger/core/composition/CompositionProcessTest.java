package org.salwledger.core.composition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.InProcessLedger;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.command.MarkItem;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.event.ItemMarked;
import org.salwledger.core.item.marking.MarkType;
import org.salwledger.core.item.marking.MarkingMethod;

import static org.assertj.core.api.Assertions.assertThat;

/** One record on the host's stream and one on the part's, in the same unit of work; no cycles. */
class CompositionProcessTest {
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
    void assemblyAndDetachmentAreRecordedOnBothStreams() {
        String frame = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String slide = ledger.manufacture(fnh, ItemKind.PART, PartType.SLIDE);
        ledger.send(new AssemblePart(frame, slide, fnh));
        assertThat(ledger.types(frame)).containsExactly("ItemManufactured", "PartAssembled");
        assertThat(ledger.types(slide)).containsExactly("ItemManufactured", "ItemAssembledInto");

        ledger.send(new DetachPart(frame, slide, fnh));
        assertThat(ledger.types(frame)).endsWith("PartDetached");
        assertThat(ledger.types(slide)).endsWith("ItemDetachedFrom");
    }

    @Test
    void aPartCannotContainItsOwnHost() {
        String frame = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String upper = ledger.manufacture(fnh, ItemKind.PART, PartType.UPPER_RECEIVER);
        String barrel = ledger.manufacture(fnh, ItemKind.PART, PartType.BARREL);
        ledger.send(new AssemblePart(frame, upper, fnh));
        ledger.send(new AssemblePart(upper, barrel, fnh));

        ledger.refuses(new AssemblePart(frame, frame, fnh), "assembly-cycle");
        ledger.refuses(new AssemblePart(barrel, frame, fnh), "assembly-cycle");
        assertThat(ledger.types(barrel)).containsExactly("ItemManufactured", "ItemAssembledInto");
    }

    @Test
    void whenThePartRefusesTheHostKeepsNoRecordEither() {
        String first = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String second = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String slide = ledger.manufacture(fnh, ItemKind.PART, PartType.SLIDE);
        ledger.send(new AssemblePart(first, slide, fnh));

        ledger.refuses(new AssemblePart(second, slide, fnh), "part-already-installed");
        assertThat(ledger.types(second)).containsExactly("ItemManufactured");
        ledger.refuses(new DetachPart(second, slide, fnh), "part-not-installed");
        assertThat(ledger.types(slide)).containsExactly("ItemManufactured", "ItemAssembledInto");
    }

    @Test
    void aWeaponsSerialMayBeRepeatedOnItsOwnPartsAndOnNoOtherItem() {
        String pistol = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String fcu = ledger.manufacture(fnh, ItemKind.PART, PartType.FIRE_CONTROL_UNIT);
        String slide = ledger.manufacture(fnh, ItemKind.PART, PartType.SLIDE);
        String barrel = ledger.manufacture(fnh, ItemKind.PART, PartType.BARREL);
        String otherSlide = ledger.manufacture(fnh, ItemKind.PART, PartType.SLIDE);
        ledger.send(mark(fcu, PartType.FIRE_CONTROL_UNIT));
        ledger.send(new AssemblePart(pistol, fcu, fnh));
        ledger.send(new AssemblePart(pistol, slide, fnh));
        ledger.send(new AssemblePart(slide, barrel, fnh));

        ledger.send(mark(slide, PartType.SLIDE));
        ledger.send(mark(barrel, PartType.BARREL));
        ledger.send(mark(pistol, PartType.FIRE_CONTROL_UNIT));
        assertThat(ledger.last(barrel)).isInstanceOfSatisfying(ItemMarked.class,
                m -> assertThat(m.serial()).isEqualTo("M17-0042"));

        ledger.refuses(mark(otherSlide, PartType.SLIDE), "duplicate-marking");
        ledger.send(new DetachPart(pistol, slide, fnh));
        ledger.refuses(mark(otherSlide, PartType.SLIDE), "duplicate-marking");
        CommandOrigin sig = ledger.actor("US-SIG", Role.MANUFACTURER, "US");
        String foreign = ledger.manufacture(sig, ItemKind.PART, PartType.FIRE_CONTROL_UNIT);
        ledger.send(new MarkItem(foreign, MarkType.MANUFACTURE, "M17-0042", null, PartType.FIRE_CONTROL_UNIT,
                MarkingMethod.LASER, null, sig));
    }

    private MarkItem mark(String itemId, PartType component) {
        return new MarkItem(itemId, MarkType.MANUFACTURE, "M17-0042", null, component, MarkingMethod.LASER, null, fnh);
    }
}
