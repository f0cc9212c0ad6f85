package org.salwledger.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.transfer.LicenceCommitment;

import java.util.Map;

/**
 * What a signer writes in clear but the ledger must only ever record as a commitment: a
 * DispatchTransfer's {@code licenceReference} becomes a signed {@code licenceCommitment}, and its
 * opening goes beside the envelope in the {@code Ledger-Licence-Opening} header (docs/ledger-format.md §2.2).
 */
public final class ProtectedFields {
    public static final String LICENCE_OPENING = "Ledger-Licence-Opening";

    private ProtectedFields() {}

    /** The command to sign and the headers to send with it. */
    public record Prepared(ObjectNode command, Map<String, String> headers) {}

    public static Prepared prepare(ObjectNode command) {
        if (!"DispatchTransfer".equals(command.path("type").asText()) || !command.hasNonNull("licenceReference")) {
            return new Prepared(command, Map.of());
        }
        ObjectNode signed = command.deepCopy();
        LicenceCommitment.Opening opening = LicenceCommitment.Opening.of(signed.remove("licenceReference").asText());
        signed.put("licenceCommitment", opening.commitment());
        return new Prepared(signed, Map.of(LICENCE_OPENING, opening.encode()));
    }
}
