package org.salwledger.core.trace;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * The last custody fact before an item left legal hands, read from its records alone: a theft, a
 * loss (or items missing from a receipt: a transfer never received), a dispatch still not received,
 * or a destruction the item outlived. The latest such fact wins; the custodian it names is the last
 * legal custodian.
 */
public record PointOfDiversion(Kind kind, long sequence, String recordType, String recordHash, String occurredAt,
                               String lastLegalCustodian) {

    public enum Kind { THEFT, LOSS, TRANSFER_NOT_RECEIVED, RECOVERED_AFTER_DESTRUCTION }

    /** One record of an item's stream: its position, type, facts and hash. */
    public record Fact(long sequence, String type, JsonNode facts, String recordHash, String occurredAt) {}

    public static Optional<PointOfDiversion> in(List<Fact> history, String currentStatus) {
        PointOfDiversion found = null;
        Fact dispatch = null;
        Fact destroyed = null;
        for (Fact fact : history) {
            JsonNode f = fact.facts();
            switch (fact.type()) {
                case "ItemStolen" -> found = of(Kind.THEFT, fact, f.path("lastCustodian").asText(null));
                case "ItemLost" -> found = of(f.hasNonNull("transferId") ? Kind.TRANSFER_NOT_RECEIVED : Kind.LOSS, fact,
                        f.path("lastCustodian").asText(null));
                case "ItemDispatched" -> dispatch = fact;
                case "ItemReceived", "ItemReturned" -> dispatch = null;
                case "ItemDestroyed" -> destroyed = fact;
                case "ItemRecoveredAfterDestruction" -> {
                    if (destroyed != null) {
                        found = of(Kind.RECOVERED_AFTER_DESTRUCTION, destroyed,
                                destroyed.facts().path("custodian").asText(null));
                    }
                }
                default -> { }
            }
        }
        if (dispatch != null && "IN_TRANSIT".equals(currentStatus)
                && (found == null || found.sequence() < dispatch.sequence())) {
            found = of(Kind.TRANSFER_NOT_RECEIVED, dispatch, dispatch.facts().path("sender").asText(null));
        }
        return Optional.ofNullable(found);
    }

    private static PointOfDiversion of(Kind kind, Fact fact, String custodian) {
        return new PointOfDiversion(kind, fact.sequence(), fact.type(), fact.recordHash(), fact.occurredAt(), custodian);
    }
}
