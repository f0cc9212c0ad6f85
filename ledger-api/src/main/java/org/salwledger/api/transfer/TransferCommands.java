package org.salwledger.api.transfer;

import org.salwledger.core.item.description.TransferKind;

import java.time.LocalDate;
import java.util.List;

/** Bodies of the transfer commands as signers send them, besides the common header. */
public final class TransferCommands {
    private TransferCommands() {}

    public record DispatchTransferBody(List<String> itemIds, String consignee, TransferKind kind, LocalDate dueBy,
                                       String exportLicence, LocalDate exportLicenceIssuedOn, String importingCountry,
                                       String endUserCertificate,
                                       List<String> transitCountries, String licenceCommitment) {}

    public record ReceiveTransferBody(String transferId, List<String> missingItems) {}

    public record RejectTransferBody(String transferId, String reason) {}
}
