package org.salwledger.core.item.command;

import org.salwledger.core.command.Refusal;

import java.util.List;

/**
 * A recovery as the recovering authority found it (docs/domain-rules.md rule 23): the item named by
 * {@code report}, the other known items found with it ({@code alsoRecovered}), and the parts that
 * the ledger has installed in them but that were not there ({@code partsMissing}: they leave their
 * host and stay lost or stolen). Everything else installed in the recovered items is recovered with
 * them. All or nothing, in one unit of work.
 */
public record RecoverItems(ReportRecovered report, List<String> alsoRecovered, List<String> partsMissing) {
    public RecoverItems {
        alsoRecovered = ids(alsoRecovered, "alsoRecovered");
        partsMissing = ids(partsMissing, "partsMissing");
    }

    private static List<String> ids(List<String> ids, String field) {
        if (ids == null) {
            return List.of();
        }
        if (ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw Refusal.invalid("invalid-field", "'" + field + "' lists item ids; null is not one");
        }
        return List.copyOf(ids);
    }
}
