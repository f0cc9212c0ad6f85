package org.salwledger.api.alert;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/** The time alerts are judged at: the ledger's clock; tests replace it to let days pass. */
@Component
public class AlertClock {
    private final Clock clock;

    public AlertClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }
}
