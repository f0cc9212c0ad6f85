package org.salwledger.core.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal: closes a Transfer as rejected; answers the items that go back to the sender. */
public record ConfirmRejection(@TargetAggregateIdentifier String transferId, RejectTransfer rejection) {
}
