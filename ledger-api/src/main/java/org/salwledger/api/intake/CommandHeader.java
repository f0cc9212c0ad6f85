package org.salwledger.api.intake;

import java.time.Instant;

/**
 * The fields every command payload carries besides its own: what, who, which nonce, when signed,
 * and optionally when the fact happened ({@code occurredAt}, for late entries; null when not given).
 */
public record CommandHeader(String type, String actor, String nonce, Instant issuedAt, Instant occurredAt) {
}
