package org.salwledger.api.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The aggregate cache as the command writer sees it: it notes every key written while a group is open, so
 * that what a rolled-back savepoint or group took back from the database is evicted, and only that. Axon
 * evicts on its own unit of work's rollback, but a command whose units of work committed (a consignment
 * changes each item in one of its own) can still be taken back by the savepoint around it; evicting the
 * whole cache then, as the writer once did, made every refused command cost the next ones their cached
 * aggregates.
 */
public final class AggregateCacheJournal implements Cache {
    private final Cache cache;
    private final List<Object> written = new ArrayList<>();
    private boolean open;

    public AggregateCacheJournal(Cache cache) {
        this.cache = cache;
    }

    /** Starts noting writes; the position of the group's start is 0. */
    public synchronized void openGroup() {
        written.clear();
        open = true;
    }

    /** A position in the group, to roll back to. */
    public synchronized int mark() {
        return written.size();
    }

    /** Evicts every key written since {@code mark}. */
    public synchronized void rollBackTo(int mark) {
        List<Object> since = written.subList(mark, written.size());
        since.forEach(cache::remove);
        since.clear();
    }

    public synchronized void closeGroup() {
        written.clear();
        open = false;
    }

    private synchronized void note(Object key) {
        if (open) {
            written.add(key);
        }
    }

    @Override
    public <K, V> V get(K key) {
        return cache.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        note(key);
        cache.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        note(key);
        return cache.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        note(key);
        return cache.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        note(key);
        cache.computeIfPresent(key, update);
    }

    @Override
    public boolean remove(Object key) {
        return cache.remove(key);
    }

    @Override
    public void removeAll() {
        cache.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return cache.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return cache.registerCacheEntryListener(cacheEntryListener);
    }
}
