package org.salwledger.core.transfer;

import org.salwledger.core.item.description.TransferKind;

import java.util.List;

/** What closing a transfer means for its items: those that arrived (or return) and those missing. */
public record TransferItems(TransferKind kind, String sender, String senderCountry, String consignee,
                            String consigneeCountry, List<String> arrived, List<String> missing) {
}
