package org.salwledger.core.identity;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.InProcessLedger;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.command.LinkIdentity;
import org.salwledger.core.item.command.RegisterUnmarkedItem;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.event.IdentityLinked;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A recovered item whose serial was restored is linked to the registered item on both streams, or on neither. */
class IdentityLinkProcessTest {
    private InProcessLedger ledger;
    private CommandOrigin fnh;
    private CommandOrigin police;

    @BeforeEach
    void setUp() {
        ledger = new InProcessLedger();
        fnh = ledger.actor("BE-FNH", Role.MANUFACTURER, "BE");
        police = ledger.actor("CD-PNC", Role.LAW_ENFORCEMENT, "CD");
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private String recoveredUnmarked() {
        String id = UUID.randomUUID().toString();
        ledger.send(new RegisterUnmarkedItem(id, ItemKind.WEAPON, WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL, null,
                null, null, "9x19mm", Material.POLYMER, Production.INDUSTRIAL, "serial ground off", "Goma", List.of(), police));
        return id;
    }


    @Test
    void theLinkIsRecordedOnBothStreams() {
        String known = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String unmarked = recoveredUnmarked();

        ledger.send(new LinkIdentity(unmarked, known, "serial restored by etching", police));

        assertThat(ledger.stream(unmarked).get(1)).isInstanceOfSatisfying(IdentityLinked.class,
                l -> assertThat(l.sameAs()).isEqualTo(known));
        assertThat(ledger.stream(known).get(1)).isInstanceOfSatisfying(IdentityLinked.class,
                l -> assertThat(l.sameAs()).isEqualTo(unmarked));
    }

    @Test
    void aRefusedLinkIsRecordedOnNeitherStream() {
        String known = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String other = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String unmarked = recoveredUnmarked();

        ledger.refuses(new LinkIdentity(unmarked, unmarked, "itself", police), "invalid-field");
        ledger.refuses(new LinkIdentity(other, known, "not unmarked", police), "not-registered-unmarked");
        ledger.refuses(new LinkIdentity(unmarked, known, "not mine", ledger.actor("UG-POL", Role.LAW_ENFORCEMENT, "UG")),
                "not-custodian");
        ledger.refuses(new LinkIdentity(unmarked, UUID.randomUUID().toString(), "nothing", police), "item-not-found");
        ledger.send(new LinkIdentity(unmarked, known, "restored", police));
        ledger.refuses(new LinkIdentity(unmarked, known, "again", police), "identity-already-linked");
        assertThat(ledger.types(other)).containsExactly("ItemManufactured");
        assertThat(ledger.types(known)).containsExactly("ItemManufactured", "IdentityLinked");
    }
}
