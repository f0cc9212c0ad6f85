package org.salwledger.api.witness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.salwledger.api.log.CheckpointPublisher;
import org.salwledger.api.log.Cosignatures;
import org.salwledger.core.witness.WitnessPolicy;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Witnesses as operators watch them: {@code ledger.witness.lag} (leaves the log signed beyond what the
 * witness cosigned; it grows while a witness is down), {@code ledger.witness.cosignature.age} (seconds since
 * its last cosignature), both tagged {@code witness}; {@code ledger.log.published.size} (leaves under the
 * checkpoint a quorum cosigned).
 */
@Component
public class WitnessMetrics implements MeterBinder {
    private final CheckpointWitnessing witnessing;
    private final CheckpointPublisher checkpoints;
    private final Cosignatures cosignatures;
    private final Clock clock;

    public WitnessMetrics(CheckpointWitnessing witnessing, CheckpointPublisher checkpoints, Cosignatures cosignatures,
                          Clock clock) {
        this.witnessing = witnessing;
        this.checkpoints = checkpoints;
        this.cosignatures = cosignatures;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ledger.log.published.size", this, m -> m.checkpoints.published()
                        .map(CheckpointPublisher.SignedCheckpoint::size).orElse(0L))
                .description("leaves under the published checkpoint (cosigned by the witness quorum)").register(registry);
        for (WitnessPolicy.Member witness : witnessing.members()) {
            Gauge.builder("ledger.witness.lag", this, m -> m.lag(witness.name())).tag("witness", witness.name())
                    .description("leaves the log signed beyond the witness's latest cosignature").register(registry);
            Gauge.builder("ledger.witness.cosignature.age", this, m -> m.age(witness.name())).baseUnit("seconds")
                    .tag("witness", witness.name())
                    .description("time since the witness's latest cosignature (NaN before the first)").register(registry);
        }
    }

    private double lag(String witness) {
        long signed = checkpoints.latestSigned().map(CheckpointPublisher.SignedCheckpoint::size).orElse(0L);
        return Math.max(0, signed - cosignatures.cosignedSize(witness));
    }

    private double age(String witness) {
        return cosignatures.lastCosigned(witness)
                .map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0).orElse(Double.NaN);
    }
}
