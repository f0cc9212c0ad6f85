package org.salwledger.bench;

import org.salwledger.cli.LedgerClient;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Samples, every 200 ms, how long the oldest acknowledged record not in a signed checkpoint has waited. */
final class LogLagSampler {
    private final LedgerClient client;
    private final Load load;
    private final long offset;
    private final List<Double> samples = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong errors = new AtomicLong();
    private Thread thread;

    LogLagSampler(LedgerClient client, Load load, long offset) {
        this.client = client;
        this.load = load;
        this.offset = offset;
    }

    void start() {
        running.set(true);
        thread = new Thread(() -> {
            while (running.get()) {
                try {
                    int covered = (int) (LogCheckpoints.size(client) - offset);
                    long now = System.nanoTime();
                    int acknowledged = load.acknowledged();
                    synchronized (samples) {
                        samples.add(covered < acknowledged ? (now - load.acknowledgedAt(Math.max(0, covered))) / 1e9 : 0.0);
                    }
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }
        }, "log-lag-sampler");
        thread.start();
    }

    void stop() throws InterruptedException {
        running.set(false);
        thread.interrupt();
        thread.join();
    }

    Double p99Seconds() {
        synchronized (samples) {
            if (samples.isEmpty()) {
                return null;
            }
            List<Double> sorted = samples.stream().sorted().toList();
            return sorted.get(Math.max(0, (int) Math.ceil(0.99 * sorted.size()) - 1));
        }
    }
}
