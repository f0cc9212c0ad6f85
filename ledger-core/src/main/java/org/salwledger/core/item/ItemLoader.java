package org.salwledger.core.item;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.salwledger.core.command.Refusal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads items for processes that span several of them, answering an unknown or non-item id with
 * {@code item-not-found}, and finds the parts that travel inside a host.
 */
public class ItemLoader {
    private final Repository<Item> repository;

    public ItemLoader(Repository<Item> repository) {
        this.repository = repository;
    }

    public Aggregate<Item> load(String itemId) {
        if (!ItemIds.isItemId(itemId)) {
            throw Refusal.notFound("item-not-found", "no item " + itemId);
        }
        try {
            return repository.load(itemId);
        } catch (AggregateNotFoundException e) {
            throw Refusal.notFound("item-not-found", "no item " + itemId);
        }
    }

    public Map<String, Aggregate<Item>> loadAll(List<String> itemIds) {
        Map<String, Aggregate<Item>> loaded = new LinkedHashMap<>();
        itemIds.forEach(id -> loaded.put(id, load(id)));
        return loaded;
    }

    /** Every part installed in the given items, at any depth, mapped to the host it sits in. */
    public Map<String, Follower> partsInside(Map<String, Aggregate<Item>> hosts) {
        Map<String, Follower> parts = new LinkedHashMap<>();
        hosts.forEach((hostId, host) -> collect(hostId, host, parts));
        return parts;
    }

    private void collect(String hostId, Aggregate<Item> host, Map<String, Follower> parts) {
        for (String partId : host.invoke(Item::installedParts)) {
            Aggregate<Item> part = load(partId);
            if (parts.putIfAbsent(partId, new Follower(hostId, part)) == null) {
                collect(partId, part, parts);
            }
        }
    }

    /** A part and the host it travels in. */
    public record Follower(String hostId, Aggregate<Item> part) {}
}
