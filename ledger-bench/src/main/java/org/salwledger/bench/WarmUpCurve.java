package org.salwledger.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * How fast a cold service serves: commands acknowledged per second in each 10-second window from the first
 * command after a cold start, across the warm-up and the measured load (the pause between them, waiting for
 * the log, counts as time). Issue 14's warm-up target reads the window that ends at 60 s against steady state.
 */
final class WarmUpCurve {
    static final long WINDOW_NANOS = 10_000_000_000L;

    private WarmUpCurve() {}

    /**
     * @param start the first command's start, System.nanoTime
     * @param loads the acknowledgement instants of each load in order (System.nanoTime; unused slots are 0)
     */
    static List<Double> of(long start, long[]... loads) {
        List<Long> counts = new ArrayList<>();
        for (long[] acknowledged : loads) {
            for (long at : acknowledged) {
                if (at == 0) {
                    continue;
                }
                int window = (int) ((at - start) / WINDOW_NANOS);
                while (counts.size() <= window) {
                    counts.add(0L);
                }
                counts.set(window, counts.get(window) + 1);
            }
        }
        // the last window is cut short by the end of the load: it says nothing about the rate
        if (!counts.isEmpty()) {
            counts.remove(counts.size() - 1);
        }
        return counts.stream().map(count -> count / (WINDOW_NANOS / 1e9)).toList();
    }

    /** The rate in the window [50 s, 60 s) as a share of {@code steady}; null when the load ended before. */
    static Double atOneMinute(List<Double> curve, double steady) {
        return curve.size() < 6 ? null : curve.get(5) / steady;
    }
}
