package org.salwledger.api.store;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdentifiersTest {

    @Test
    void axonFindsTheTimeOrderedIdentifiersThroughItsServiceLoader() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifiers.class);
    }

    /** Strictly increasing as text, many to a millisecond: what keeps an index on them appending at its edge. */
    @Test
    void identifiersAreVersionSevenAndStrictlyIncreasingAsText() {
        IdentifierFactory factory = new TimeOrderedIdentifiers();
        long before = System.currentTimeMillis();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(factory.generateIdentifier());
        }
        long after = System.currentTimeMillis();
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).as("after %s", ids.get(i - 1)).isGreaterThan(ids.get(i - 1));
        }
        assertThat(ids).allSatisfy(id -> {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.getMostSignificantBits() >>> 16).isBetween(before, after); // RFC 9562: unix ms first
        });
    }
}
