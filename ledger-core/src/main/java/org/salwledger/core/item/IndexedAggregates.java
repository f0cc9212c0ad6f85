package org.salwledger.core.item;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.util.HashMap;

/**
 * The map in which Axon's {@code AbstractRepository} keeps the aggregates a unit of work loaded, answering
 * {@code containsValue} by the aggregate's key. At commit the repository asks {@code containsValue} once per
 * aggregate, and a {@code HashMap} answers by walking every entry: in a 10,000-item consignment that was 19 % of
 * the command writer's samples in the dispatch and 15 % in the receipt (async-profiler). Every answer is the one {@code HashMap} would give: a miss by key still
 * walks the entries.
 */
final class IndexedAggregates<A> extends HashMap<String, A> {
    /**
     * Axon names the resource after the repository instance ({@code AbstractRepository.aggregatesKey}). If a
     * later Axon names it otherwise, the repository makes its own map and only the speed is lost;
     * {@code IndexedAggregatesTest} says so.
     */
    static String resourceKey(Repository<?> repository) {
        return repository + "_AGGREGATES";
    }

    /** Puts the map in place before the repository's first load in the current unit of work, if there is one. */
    static void seed(Repository<?> repository) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root()
                .getOrComputeResource(resourceKey(repository), key -> new IndexedAggregates<>()));
    }

    @Override
    public boolean containsValue(Object value) {
        if (value instanceof Aggregate<?> aggregate) {
            String id = aggregate.identifierAsString();
            if (id != null && get(id) == value) {
                return true;
            }
        }
        return super.containsValue(value);
    }
}
