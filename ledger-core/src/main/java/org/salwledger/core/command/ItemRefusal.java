package org.salwledger.core.command;

/** Why one item of a consignment was refused. */
public record ItemRefusal(String itemId, String code, String detail) {
}
