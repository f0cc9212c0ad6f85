package org.salwledger.core.trace;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PointOfDiversionTest {

    private static PointOfDiversion.Fact fact(long sequence, String type, ObjectNode facts) {
        return new PointOfDiversion.Fact(sequence, type, facts, "h" + sequence, "2026-11-0" + (sequence + 1) + "T10:00:00Z");
    }

    private static ObjectNode facts() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Test
    void aTheftAfterASaleNamesTheDealer() {
        var found = PointOfDiversion.in(List.of(fact(0, "ItemManufactured", facts()),
                fact(1, "ItemDispatched", facts().put("sender", "BE-FNH")),
                fact(2, "ItemReceived", facts().put("custodian", "CD-DEALER")),
                fact(3, "ItemStolen", facts().put("lastCustodian", "CD-DEALER")),
                fact(4, "ItemRecovered", facts())), "SEIZED").orElseThrow();
        assertThat(found.kind()).isEqualTo(PointOfDiversion.Kind.THEFT);
        assertThat(found.sequence()).isEqualTo(3);
        assertThat(found.lastLegalCustodian()).isEqualTo("CD-DEALER");
    }

    @Test
    void aDispatchNeverReceivedAMissingItemAndADestructionOutlived() {
        assertThat(PointOfDiversion.in(List.of(fact(0, "ItemManufactured", facts()),
                fact(1, "ItemDispatched", facts().put("sender", "BE-FNH"))), "IN_TRANSIT").orElseThrow())
                .extracting(PointOfDiversion::kind, PointOfDiversion::lastLegalCustodian)
                .containsExactly(PointOfDiversion.Kind.TRANSFER_NOT_RECEIVED, "BE-FNH");
        assertThat(PointOfDiversion.in(List.of(fact(0, "ItemDispatched", facts()),
                fact(1, "ItemLost", facts().put("transferId", "t-1").put("lastCustodian", "BE-FNH"))), "LOST")
                .orElseThrow().kind()).isEqualTo(PointOfDiversion.Kind.TRANSFER_NOT_RECEIVED);
        assertThat(PointOfDiversion.in(List.of(fact(0, "ItemDestroyed", facts().put("custodian", "CD-PNC")),
                fact(1, "ItemRecoveredAfterDestruction", facts())), "DESTROYED").orElseThrow())
                .extracting(PointOfDiversion::kind, PointOfDiversion::sequence, PointOfDiversion::lastLegalCustodian)
                .containsExactly(PointOfDiversion.Kind.RECOVERED_AFTER_DESTRUCTION, 0L, "CD-PNC");
        assertThat(PointOfDiversion.in(List.of(fact(0, "ItemManufactured", facts())), "ACTIVE")).isEmpty();
    }
}
