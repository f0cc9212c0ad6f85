package org.salwledger.core.item;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.salwledger.core.command.Refusal;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Loads items for processes that span several of them, answering an unknown or non-item id with
 * {@code item-not-found}, and finds the parts that travel inside a host.
 */
public class ItemLoader {
    private final Supplier<Repository<Item>> repository;
    private final StreamPrefetch prefetch;

    public ItemLoader(Repository<Item> repository) {
        this(() -> repository);
    }

    public ItemLoader(Repository<Item> repository, StreamPrefetch prefetch) {
        this(() -> repository, prefetch);
    }

    /**
     * For configurations that build the item repository after the loader: the item's own handlers
     * take the loader as a resource, so the repository cannot be needed to make it.
     */
    public ItemLoader(Supplier<Repository<Item>> repository) {
        this(repository, StreamPrefetch.NONE);
    }

    public ItemLoader(Supplier<Repository<Item>> repository, StreamPrefetch prefetch) {
        this.repository = repository;
        this.prefetch = prefetch;
    }

    /** Reads these items' records at once, before they are loaded one by one in this unit of work. */
    public void prefetch(Collection<String> itemIds) {
        prefetch.prefetch(itemIds.stream().filter(ItemIds::isItemId).toList());
    }

    public Aggregate<Item> load(String itemId) {
        if (!ItemIds.isItemId(itemId)) {
            throw Refusal.notFound("item-not-found", "no item " + itemId);
        }
        Repository<Item> items = repository.get();
        IndexedAggregates.seed(items);
        try {
            return items.load(itemId);
        } catch (AggregateNotFoundException e) {
            throw Refusal.notFound("item-not-found", "no item " + itemId);
        }
    }

    public Map<String, Aggregate<Item>> loadAll(List<String> itemIds) {
        prefetch(itemIds);
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

    /**
     * The weapon an item is part of: the outermost host it is installed in, or the item itself.
     * An id that names no item is its own weapon.
     */
    public String weaponOf(String itemId) {
        String weapon = itemId;
        Set<String> seen = new HashSet<>();
        while (ItemIds.isItemId(weapon) && seen.add(weapon)) {
            String host;
            try {
                host = repository.get().load(weapon).invoke(Item::installedIn);
            } catch (AggregateNotFoundException notAnItem) {
                return weapon;
            }
            if (host == null) {
                return weapon;
            }
            weapon = host;
        }
        return weapon;
    }

    /** A part and the host it travels in. */
    public record Follower(String hostId, Aggregate<Item> part) {}
}
