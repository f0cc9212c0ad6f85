package org.salwledger.core.transfer;

import org.salwledger.core.command.CommandOrigin;

import java.util.List;

/** The consignee confirms receipt; items it lists as missing become LOST with the transfer as context. */
public record ReceiveTransfer(String transferId, List<String> missingItems, CommandOrigin origin) {
}
