package org.salwledger.core.chain;

import org.junit.jupiter.api.Test;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.event.ItemManufactured;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked record vector of docs/ledger-format.md §3; if this test changes, the spec must too. */
class RecordVectorTest {
    static final String ITEM = "be43039d-8518-307e-bbbf-8a65bb6e252d";

    @Test
    void manufactureRecordMatchesTheSpecVector() {
        Instant at = Instant.parse("2026-11-24T10:00:00.250Z");
        // The itemId the API derives from the envelope hash: UUID v3 of "item:" + envelopeHash.
        assertThat(java.util.UUID.nameUUIDFromBytes(("item:3ab11fbdb378c266d9d1a662b15b799bcb527a8200b3f57b8fd8c1c56980da65")
                .getBytes(StandardCharsets.UTF_8)).toString()).isEqualTo(ITEM);
        CommandOrigin origin = new CommandOrigin("BE-FNH", Role.MANUFACTURER, "BE",
                "3ab11fbdb378c266d9d1a662b15b799bcb527a8200b3f57b8fd8c1c56980da65", Instant.parse("2026-11-24T10:00:00Z"), at);
        ItemManufactured event = ChainHead.start(ITEM).seal(link -> new ItemManufactured(
                ITEM, ItemKind.WEAPON, WeaponCategory.ASSAULT_RIFLE, null, null,
                "FN Herstal", "SCAR-L", "5.56x45mm", Material.POLYMER, Production.INDUSTRIAL, null, null,
                "BE-FNH", "BE", link), origin);

        String canonical = new String(LedgerRecords.canonicalBytes(LedgerRecords.recordOf(event)), StandardCharsets.UTF_8);
        assertThat(canonical).isEqualTo("{\"envelopeHash\":\"3ab11fbdb378c266d9d1a662b15b799bcb527a8200b3f57b8fd8c1c56980da65\","
                + "\"facts\":{\"calibre\":\"5.56x45mm\",\"category\":\"ASSAULT_RIFLE\",\"countryOfManufacture\":\"BE\","
                + "\"itemId\":\"" + ITEM + "\",\"kind\":\"WEAPON\",\"make\":\"FN Herstal\","
                + "\"manufacturer\":\"BE-FNH\",\"material\":\"POLYMER\",\"model\":\"SCAR-L\",\"production\":\"INDUSTRIAL\"},"
                + "\"occurredAt\":\"2026-11-24T10:00:00Z\",\"prevHash\":\"0000000000000000000000000000000000000000000000000000000000000000\","
                + "\"recordedAt\":\"2026-11-24T10:00:00.250Z\",\"sequence\":0,\"stream\":\"" + ITEM + "\","
                + "\"type\":\"ItemManufactured\"}");
        assertThat(event.link().hash()).isEqualTo(org.salwledger.core.crypto.Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8)));
        assertThat(event.link().hash()).isEqualTo("a1feccf90e23ef641efd4089158e8fd78ff8fc1d84570d90525e6e2b65b51b53");
    }
}
