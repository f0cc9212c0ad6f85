package org.salwledger.bench;

import org.salwledger.cli.LedgerClient;

import java.time.Duration;

/** The transparency log's size as the latest checkpoint the ledger publishes states it. */
final class LogCheckpoints {
    private LogCheckpoints() {}

    /** Waits until a signed checkpoint covers {@code size} records (or, with -1, until the log stops growing). */
    static long awaitCovers(LedgerClient client, long size, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = size(client);
            if (size >= 0 ? now >= size : now == last && now > 0) {
                return now;
            }
            last = now;
            Thread.sleep(size >= 0 ? 50 : 1_500);
        }
        throw new IllegalStateException("no checkpoint covered " + size + " records within " + limit);
    }

    static long size(LedgerClient client) throws Exception {
        LedgerClient.Answer checkpoint = client.get("/api/v1/log/checkpoint", null);
        return checkpoint.status() == 200 ? Long.parseLong(checkpoint.body().lines().skip(1).findFirst().orElse("0")) : 0;
    }
}
