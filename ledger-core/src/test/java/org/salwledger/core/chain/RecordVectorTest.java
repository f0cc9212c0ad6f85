package org.salwledger.core.chain;

import org.junit.jupiter.api.Test;
import org.salwledger.core.actor.Role;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.item.ItemKind;
import org.salwledger.core.item.ItemManufactured;
import org.salwledger.core.item.Material;
import org.salwledger.core.item.Production;
import org.salwledger.core.item.WeaponCategory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked record vector of docs/ledger-format.md §3; if this test changes, the spec must too. */
class RecordVectorTest {

    @Test
    void manufactureRecordMatchesTheSpecVector() {
        Instant at = Instant.parse("2026-11-24T10:00:00Z");
        CommandOrigin origin = new CommandOrigin("BE-FNH", Role.MANUFACTURER, "BE",
                "3f1d2b9c5a4e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8", at, at);
        ItemManufactured event = ChainHead.start("6b1f8f6e-6a8e-3c52-9a52-3f0e2b1c0d9e").seal(link -> new ItemManufactured(
                "6b1f8f6e-6a8e-3c52-9a52-3f0e2b1c0d9e", ItemKind.WEAPON, WeaponCategory.ASSAULT_RIFLE, null, null,
                "FN Herstal", "SCAR-L", "5.56x45mm", Material.POLYMER, Production.INDUSTRIAL, null, null,
                "BE-FNH", "BE", link), origin);

        String canonical = new String(LedgerRecords.canonicalBytes(LedgerRecords.recordOf(event)), StandardCharsets.UTF_8);
        assertThat(canonical).isEqualTo("{\"envelopeHash\":\"3f1d2b9c5a4e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8\","
                + "\"facts\":{\"calibre\":\"5.56x45mm\",\"category\":\"ASSAULT_RIFLE\",\"countryOfManufacture\":\"BE\","
                + "\"itemId\":\"6b1f8f6e-6a8e-3c52-9a52-3f0e2b1c0d9e\",\"kind\":\"WEAPON\",\"make\":\"FN Herstal\","
                + "\"manufacturer\":\"BE-FNH\",\"material\":\"POLYMER\",\"model\":\"SCAR-L\",\"production\":\"INDUSTRIAL\"},"
                + "\"prevHash\":\"0000000000000000000000000000000000000000000000000000000000000000\","
                + "\"recordedAt\":\"2026-11-24T10:00:00Z\",\"sequence\":0,\"stream\":\"6b1f8f6e-6a8e-3c52-9a52-3f0e2b1c0d9e\","
                + "\"type\":\"ItemManufactured\"}");
        assertThat(event.link().hash()).isEqualTo(org.salwledger.core.crypto.Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8)));
        assertThat(event.link().hash()).isEqualTo("e7838a671ff525e7ed1f8e518d74c94d5d3f67ee4e253d4d64331e9fecf5bbaa");
    }
}
