package org.salwledger.core.transfer;

import org.salwledger.core.command.CommandOrigin;

/** The consignee refuses the consignment; every item returns to the sender's custody. */
public record RejectTransfer(String transferId, String reason, CommandOrigin origin) {
}
