package org.salwledger.core.consignment;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salwledger.core.InProcessLedger;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Role;
import org.salwledger.core.composition.AssemblePart;
import org.salwledger.core.item.command.ReportOnItem;
import org.salwledger.core.item.command.ReportStolen;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.TransferKind;
import org.salwledger.core.item.event.ItemDispatched;
import org.salwledger.core.transfer.DispatchRefused;
import org.salwledger.core.transfer.DispatchTransfer;
import org.salwledger.core.transfer.ReceiveTransfer;
import org.salwledger.core.transfer.RejectTransfer;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A consignment across the Transfer and its items, whole or not at all, with installed parts travelling along. */
class TransferProcessTest {
    private InProcessLedger ledger;
    private CommandOrigin fnh;
    private CommandOrigin army;

    @BeforeEach
    void setUp() {
        ledger = new InProcessLedger();
        fnh = ledger.actor("BE-FNH", Role.MANUFACTURER, "BE");
        army = ledger.actor("BE-ARMY", Role.HOLDER, "BE");
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private DispatchTransfer domestic(String transferId, List<String> items) {
        return new DispatchTransfer(transferId, items, "BE-ARMY", TransferKind.DOMESTIC, LocalDate.of(2026, 12, 31),
                null, null, null, null, List.of(), null, fnh);
    }

    @Test
    void aHostCarriesItsInstalledPartsThroughDispatchAndReceipt() {
        String pistol = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String slide = ledger.manufacture(fnh, ItemKind.PART, PartType.SLIDE);
        ledger.send(new AssemblePart(pistol, slide, fnh));
        String transferId = UUID.randomUUID().toString();

        ledger.send(domestic(transferId, List.of(pistol)));

        assertThat(ledger.types(transferId)).containsExactly("TransferDispatched");
        assertThat(ledger.types(pistol)).endsWith("ItemDispatched");
        assertThat(ledger.types(slide)).endsWith("ItemDispatched");
        ItemDispatched partDispatched = (ItemDispatched) ledger.last(slide);
        assertThat(partDispatched.transferId()).isEqualTo(transferId);
        assertThat(partDispatched.consignee()).isEqualTo("BE-ARMY");

        ledger.send(new ReceiveTransfer(transferId, List.of(), army));
        assertThat(ledger.types(transferId)).containsExactly("TransferDispatched", "TransferReceived");
        assertThat(ledger.types(pistol)).endsWith("ItemReceived");
        assertThat(ledger.types(slide)).endsWith("ItemReceived");
    }

    @Test
    void oneStolenItemRefusesTheWholeConsignmentAndAppendsNothing() {
        String a = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String b = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        ledger.send(new ReportOnItem(new ReportStolen(b, "Herstal", "HP-1", fnh)));
        String transferId = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        long before = ledger.recordCount(a, b, transferId);

        assertThatThrownBy(() -> ledger.send(domestic(transferId, List.of(a, b, unknown))))
                .isInstanceOfSatisfying(DispatchRefused.class, refused -> assertThat(refused.refusals())
                        .extracting(r -> r.itemId() + " " + r.code())
                        .containsExactlyInAnyOrder(b + " item-stolen", unknown + " item-not-found"));

        assertThat(ledger.recordCount(a, b, transferId)).isEqualTo(before);
    }

    @Test
    void anUnknownConsigneeIsRefusedBeforeAnyItemIsTouched() {
        String a = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        assertThatThrownBy(() -> ledger.send(new DispatchTransfer(UUID.randomUUID().toString(), List.of(a), "XX-NOBODY",
                TransferKind.DOMESTIC, LocalDate.of(2026, 12, 31), null, null, null, null, List.of(), null, fnh)))
                .isInstanceOfSatisfying(Refusal.class, v -> assertThat(v.code()).isEqualTo("unknown-consignee"));
        assertThat(ledger.types(a)).containsExactly("ItemManufactured");
    }

    @Test
    void aMissingItemIsLostAndARejectionGivesEveryItemBack() {
        String a = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String b = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String first = UUID.randomUUID().toString();
        ledger.send(domestic(first, List.of(a, b)));
        ledger.send(new ReceiveTransfer(first, List.of(b), army));
        assertThat(ledger.types(a)).endsWith("ItemReceived");
        assertThat(ledger.types(b)).endsWith("ItemLost");

        String c = ledger.manufacture(fnh, ItemKind.WEAPON, null);
        String second = UUID.randomUUID().toString();
        ledger.send(domestic(second, List.of(c)));
        ledger.send(new RejectTransfer(second, "not ordered", army));
        assertThat(ledger.types(c)).endsWith("ItemDispatched", "ItemReturned");
        assertThatThrownBy(() -> ledger.send(new ReceiveTransfer(second, List.of(), army)))
                .isInstanceOfSatisfying(Refusal.class, v -> assertThat(v.code()).isEqualTo("transfer-closed"));
        assertThatThrownBy(() -> ledger.send(new ReceiveTransfer(UUID.randomUUID().toString(), List.of(), army)))
                .isInstanceOfSatisfying(Refusal.class, v -> assertThat(v.code()).isEqualTo("transfer-not-found"));
    }
}
