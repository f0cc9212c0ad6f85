package org.salwledger.core.actor;

import java.time.Duration;
import java.time.Instant;

/**
 * When a key may sign (docs/ledger-format.md §1): a command's issuedAt is the signer's clock, at the
 * signer's precision (often whole seconds), while a key's validity starts at the ledger's recordedAt.
 * The start is therefore widened by the skew a command's issuedAt may have, so an actor who signs in
 * the second its key was registered is not refused; the ledger and every verifier apply this one rule.
 * The end (a rotation) is exact: a retired key signs nothing issued after it was retired; revocation
 * ends a key whatever the issuedAt.
 */
public final class KeyValidity {
    /** Fixed by the format, not by configuration, so that offline verifiers agree with the ledger. */
    public static final Duration SKEW = Duration.ofMinutes(5);

    private KeyValidity() {}

    public static boolean covers(Instant validFrom, Instant validUntil, Instant issuedAt) {
        return !issuedAt.isBefore(validFrom.minus(SKEW)) && (validUntil == null || issuedAt.isBefore(validUntil));
    }
}
