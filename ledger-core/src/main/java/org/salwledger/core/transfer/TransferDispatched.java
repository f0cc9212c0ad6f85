package org.salwledger.core.transfer;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;
import org.salwledger.core.item.description.TransferKind;

import java.time.LocalDate;
import java.util.List;

public record TransferDispatched(String transferId, TransferKind kind, String sender, String senderCountry,
                                 String consignee, String consigneeCountry, List<String> itemIds, LocalDate dueBy,
                                 String exportLicence, LocalDate exportLicenceIssuedOn, String importingCountry,
                                 String endUserCertificate,
                                 List<String> transitCountries, String licenceCommitment, RecordLink link)
        implements LedgerEvent {
    @Override
    public String statedBy() {
        return sender;
    }
}
