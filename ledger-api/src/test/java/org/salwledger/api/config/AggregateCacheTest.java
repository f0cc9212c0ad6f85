package org.salwledger.api.config;

import org.axonframework.common.caching.Cache;
import org.ehcache.CacheManager;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The aggregate cache keeps what it holds until it is full: a collection does not empty it. */
class AggregateCacheTest {

    @Test
    void anAggregateNothingElseHoldsSurvivesACollection() throws Exception {
        try (CacheManager caches = AxonSetup.aggregateCacheManager(1_000)) {
            Cache cache = AxonSetup.aggregateCache(caches);
            IntStream.range(0, 100).forEach(i -> cache.put("item-" + i, new byte[10_000]));
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(20);
            }
            assertThat(IntStream.range(0, 100).filter(i -> cache.containsKey("item-" + i)).count()).isEqualTo(100);
            assertThat((byte[]) cache.get("item-7")).hasSize(10_000);
        }
    }

    @Test
    void itHoldsNoMoreThanItsSizeAndKeepsTheOneJustUsed() {
        try (CacheManager caches = AxonSetup.aggregateCacheManager(100)) {
            Cache cache = AxonSetup.aggregateCache(caches);
            IntStream.range(0, 1_000).forEach(i -> cache.put("item-" + i, i));
            assertThat(IntStream.range(0, 1_000).filter(i -> cache.containsKey("item-" + i)).count()).isLessThanOrEqualTo(100);
            assertThat(cache.containsKey("item-999")).isTrue();
            cache.removeAll();
            assertThat(cache.containsKey("item-999")).isFalse();
        }
    }
}
