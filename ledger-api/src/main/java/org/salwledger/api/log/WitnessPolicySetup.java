package org.salwledger.api.log;

import org.salwledger.api.config.LedgerProperties;
import org.salwledger.core.witness.WitnessPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The witnesses this log submits its checkpoints to and the quorum that publishes one ({@code ledger.log.witness-policy}). */
@Configuration(proxyBeanMethods = false)
public class WitnessPolicySetup {
    private static final Logger log = LoggerFactory.getLogger(WitnessPolicySetup.class);

    @Bean
    public WitnessPolicy witnessPolicy(LedgerProperties properties) {
        Path file = properties.log().witnessPolicy();
        if (file == null) {
            return WitnessPolicy.none();
        }
        WitnessPolicy policy;
        try {
            policy = WitnessPolicy.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the witness policy " + file, e);
        }
        long reachable = policy.witnesses().stream().filter(w -> w.url().isPresent()).count();
        if (reachable < policy.quorum()) {
            throw new IllegalStateException("the witness policy " + file + " requires " + policy.quorum()
                    + " cosignatures but names a URL for only " + reachable + " witness(es)");
        }
        log.info("Checkpoints are published once {} of {} witnesses cosigned them ({})", policy.quorum(),
                policy.witnesses().size(), file);
        return policy;
    }
}
