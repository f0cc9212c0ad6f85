package org.salwledger.core.transfer;

import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.item.description.TransferKind;

import java.time.LocalDate;
import java.util.List;

/**
 * The custodian sends 1 to 10,000 items to a consignee. All or nothing: one item that may not go
 * refuses the whole consignment. EXPORT needs the licence, end-user certificate and importing country;
 * the licence's date of issue, when stated, puts the transfer in the authorized-basis annual report.
 * A STATE_TO_CIVILIAN transfer may name the civilian end user's licence, only by its
 * {@link LicenceCommitment}: the reference itself never enters a record, an envelope or the log.
 */
public record DispatchTransfer(String transferId, List<String> itemIds, String consignee, TransferKind kind,
                               LocalDate dueBy, String exportLicence, LocalDate exportLicenceIssuedOn,
                               String importingCountry,
                               String endUserCertificate, List<String> transitCountries, String licenceCommitment,
                               CommandOrigin origin) {
}
