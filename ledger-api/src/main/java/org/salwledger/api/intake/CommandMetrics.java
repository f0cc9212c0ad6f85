package org.salwledger.api.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.salwledger.core.command.Refusal;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * What operators watch of intake: {@code ledger.commands} by type and outcome (accepted, replayed,
 * refused with its slug, failed), {@code ledger.records.appended}, and how long verifying an envelope
 * and running its transaction take ({@code ledger.command.verification}, {@code ledger.command.transaction},
 * with histograms for percentiles).
 */
@Component
public class CommandMetrics {
    private final MeterRegistry registry;
    private final Timer verification;
    private final Counter records;

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.verification = Timer.builder("ledger.command.verification")
                .description("parsing, checking and verifying the signature of a command envelope")
                .publishPercentileHistogram().register(registry);
        this.records = Counter.builder("ledger.records.appended").description("records appended to the event store")
                .register(registry);
    }

    void verified(Duration took) {
        verification.record(took);
    }

    void accepted(String type, int appended, Duration took) {
        count(type, "accepted", "none");
        records.increment(appended);
        transaction(type, "accepted", took);
    }

    void replayed(String type) {
        count(type, "replayed", "none");
    }

    void refused(String type, Throwable failure, Duration took) {
        Refusal refusal = Refusal.foundIn(failure);
        count(type, refusal == null ? "failed" : "refused", refusal == null ? "none" : refusal.code());
        transaction(type, refusal == null ? "failed" : "refused", took);
    }

    private void count(String type, String outcome, String slug) {
        Counter.builder("ledger.commands").description("signed commands by type and outcome")
                .tag("type", type).tag("outcome", outcome).tag("slug", slug).register(registry).increment();
    }

    private void transaction(String type, String outcome, Duration took) {
        Timer.builder("ledger.command.transaction").description("one command's transaction: nonce, handlers, "
                        + "log agreement, envelope store")
                .tag("type", type).tag("outcome", outcome).publishPercentileHistogram().register(registry).record(took);
    }
}
