package org.salwledger.api.write;

import java.time.Instant;

/** The fields every command payload carries besides its own: what, who, which nonce, when signed. */
public record CommandHeader(String type, String actor, String nonce, Instant issuedAt) {
}
