package org.salwledger.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WarmUpCurveTest {
    private static final long S = 1_000_000_000L;

    @Test
    void countsAcknowledgementsPerTenSecondsAcrossLoadsAndDropsTheCutLastWindow() {
        long start = 1_000 * S;
        long[] warm = {start + S, start + 2 * S, start + 11 * S, 0};
        long[] measured = {start + 12 * S, start + 13 * S, start + 14 * S, start + 25 * S};

        List<Double> curve = WarmUpCurve.of(start, warm, measured);

        assertThat(curve).containsExactly(0.2, 0.4);
    }

    @Test
    void theMinuteMarkIsTheSixthWindowAgainstSteadyState() {
        assertThat(WarmUpCurve.atOneMinute(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 8.0, 10.0), 10.0)).isEqualTo(0.8);
        assertThat(WarmUpCurve.atOneMinute(List.of(1.0, 2.0), 10.0)).isNull();
    }
}
