package org.salwledger.core.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal: closes a Transfer as received; answers which items arrived and which are missing. */
public record ConfirmReceipt(@TargetAggregateIdentifier String transferId, ReceiveTransfer receipt) {
}
