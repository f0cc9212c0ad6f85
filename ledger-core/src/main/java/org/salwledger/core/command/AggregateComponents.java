package org.salwledger.core.command;

/**
 * Names of the components the service provides to every aggregate's repository. Core's
 * {@code @Aggregate} annotations and the service's bean definitions both use these, so the names
 * live in one place.
 */
public final class AggregateComponents {
    /** Snapshot trigger for aggregates whose history grows without bound (items, actors). */
    public static final String SNAPSHOT_TRIGGER = "ledgerSnapshotTrigger";
    /** Cache of loaded aggregates, shared by all repositories. */
    public static final String CACHE = "ledgerAggregateCache";

    private AggregateComponents() {
    }
}
