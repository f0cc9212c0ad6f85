package org.salwledger.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.transfer.LicenceCommitment;

import static org.assertj.core.api.Assertions.assertThat;

class ProtectedFieldsTest {

    @Test
    void aLicenceReferenceIsSignedOnlyAsACommitmentAndTravelsAsItsOpening() {
        ObjectNode sale = CanonicalJson.mapper().createObjectNode().put("type", "DispatchTransfer")
                .put("kind", "STATE_TO_CIVILIAN").put("licenceReference", "BE-WL-2026-000417");
        ProtectedFields.Prepared prepared = ProtectedFields.prepare(sale);
        assertThat(prepared.command().has("licenceReference")).isFalse();
        assertThat(prepared.command().toString()).doesNotContain("BE-WL-2026-000417");
        LicenceCommitment.Opening opening = LicenceCommitment.Opening.decode(
                prepared.headers().get(ProtectedFields.LICENCE_OPENING));
        assertThat(opening.reference()).isEqualTo("BE-WL-2026-000417");
        assertThat(prepared.command().get("licenceCommitment").asText()).isEqualTo(opening.commitment());
        assertThat(sale.get("licenceReference").asText()).as("the caller's command is left as it was")
                .isEqualTo("BE-WL-2026-000417");
    }

    @Test
    void otherCommandsPassUnchanged() {
        ObjectNode mark = CanonicalJson.mapper().createObjectNode().put("type", "MarkItem").put("text", "X");
        assertThat(ProtectedFields.prepare(mark).command()).isSameAs(mark);
        assertThat(ProtectedFields.prepare(mark).headers()).isEmpty();
    }
}
