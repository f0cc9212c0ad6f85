package org.salwledger.api.store;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message identifiers as UUID version 7 (RFC 9562: the millisecond first, then a counter and random
 * bits) instead of version 4. Every record's identifier goes into a unique index of the event store
 * ({@code DomainEventEntry.eventIdentifier}); random ones land on a random leaf of that index each time, which
 * on H2 is a page read when the cache no longer holds it and a page rewritten in the next chunk, and on
 * PostgreSQL a random B-tree page dirtied. Identifiers that grow with time are appended at the index's right
 * edge. Nothing reads them for their meaning: records are found by their stream and position, and the
 * ledger's hash chain does not include them. Installed through {@code META-INF/services}, which Axon's
 * {@link IdentifierFactory#getInstance()} reads.
 */
public final class TimeOrderedIdentifiers extends IdentifierFactory {
    // thread-safe, and monotonic within a millisecond (the counter goes up)
    private static final TimeBasedEpochGenerator V7 = Generators.timeBasedEpochGenerator();

    @Override
    public String generateIdentifier() {
        return V7.generate().toString();
    }
}
