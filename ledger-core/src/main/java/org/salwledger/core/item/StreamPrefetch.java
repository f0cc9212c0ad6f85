package org.salwledger.core.item;

import java.util.Collection;

/**
 * Reads the records of many items at once, for a process that is about to load them one by one in the current unit
 * of work (a consignment). Loading an item the store's way takes a round trip for its snapshot and two for its
 * records; on PostgreSQL, where a node keeps no aggregate cache, that was most of a 10,000-item receipt.
 */
@FunctionalInterface
public interface StreamPrefetch {
    StreamPrefetch NONE = streams -> {
    };

    void prefetch(Collection<String> streamIds);
}
