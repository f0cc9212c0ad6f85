package org.salwledger.core.item.command;

import org.salwledger.core.command.CommandOrigin;

/**
 * An item registered unmarked turns out to be a known item (a restored serial): the two are linked,
 * neither is deleted, and their histories join.
 */
public record LinkIdentity(String unmarkedItemId, String knownItemId, String evidence, CommandOrigin origin) {
}
