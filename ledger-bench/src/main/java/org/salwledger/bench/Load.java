package org.salwledger.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code total} operations from {@code clients} threads, each timed; the i-th acknowledgement's instant
 * is kept, for the log's lag.
 */
final class Load {
    interface Operation {
        void run(int i) throws Exception;
    }

    record Result(int operations, double seconds, long[] sortedLatencies, long[] acknowledgedAt) {
        double perSecond() {
            return operations / seconds;
        }

        double percentileMillis(double p) {
            int index = (int) Math.ceil(p * sortedLatencies.length) - 1;
            return sortedLatencies[Math.max(0, Math.min(index, sortedLatencies.length - 1))] / 1e6;
        }
    }

    private final AtomicInteger acknowledged = new AtomicInteger();
    private volatile long[] acknowledgedAt = new long[0];

    /** How many operations of the running (or last) load have been acknowledged. */
    int acknowledged() {
        return acknowledged.get();
    }

    /** When the n-th acknowledgement (0-based) of the running load came, in System.nanoTime. */
    long acknowledgedAt(int n) {
        return acknowledgedAt[n];
    }

    Result run(int total, int clients, Operation operation) throws Exception {
        long[] latencies = new long[total];
        long[] acks = new long[total];
        acknowledged.set(0);
        acknowledgedAt = acks;
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        operation.run(i);
                        long t1 = System.nanoTime();
                        latencies[i] = t1 - t0;
                        acks[acknowledged.getAndIncrement()] = t1;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        return new Result(total, seconds, latencies, acks);
    }
}
