package org.salwledger.api;

import org.salwledger.api.alert.AlertClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Lets a test judge alerts days ahead; commands keep the real clock, so signatures stay fresh. */
public class AdjustableAlertClock extends AlertClock {
    private volatile Duration ahead = Duration.ZERO;

    AdjustableAlertClock() {
        super(Clock.systemUTC());
    }

    void setAhead(Duration ahead) {
        this.ahead = ahead;
    }

    @Override
    public Instant now() {
        return super.now().plus(ahead);
    }

    @TestConfiguration
    static class Setup {
        @Bean
        @Primary
        AdjustableAlertClock adjustableAlertClock() {
            return new AdjustableAlertClock();
        }
    }
}
