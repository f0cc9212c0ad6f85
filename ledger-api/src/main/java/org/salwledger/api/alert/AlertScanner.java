package org.salwledger.api.alert;

import org.salwledger.api.config.LedgerProperties;
import org.salwledger.api.store.ViewRebuild;
import org.salwledger.projections.alert.AlertSweep;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sweeps the time-based alerts every {@code ledger.alerts.scan-interval}, with the configured deadlines;
 * not while the views are rebuilt, which would show it a past that is only partly there.
 */
@Component
public class AlertScanner {
    private final AlertSweep sweep;
    private final AlertClock clock;
    private final AlertSweep.Deadlines deadlines;
    private final ViewRebuild rebuild;

    public AlertScanner(AlertSweep sweep, AlertClock clock, LedgerProperties properties, ViewRebuild rebuild) {
        this.sweep = sweep;
        this.rebuild = rebuild;
        this.clock = clock;
        LedgerProperties.Alerts alerts = properties.alerts();
        this.deadlines = new AlertSweep.Deadlines(alerts.markDeadline(), alerts.traceAcknowledgement(),
                alerts.traceAnswer(), alerts.traceInformation());
    }

    @Scheduled(fixedDelayString = "${ledger.alerts.scan-interval:PT10S}")
    @Transactional
    public void scan() {
        rebuild.unlessRebuilding(() -> sweep.sweep(clock.now(), deadlines));
    }
}
