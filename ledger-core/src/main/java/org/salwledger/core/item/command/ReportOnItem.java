package org.salwledger.core.item.command;

/** Carries an {@link ItemReport} to the item and every part installed in it, in one unit of work. */
public record ReportOnItem(ItemReport report) {
}
