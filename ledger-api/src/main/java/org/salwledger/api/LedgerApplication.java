package org.salwledger.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "org.salwledger")
@ConfigurationPropertiesScan
public class LedgerApplication {
    static {
        // A ledger runs on closed networks: no phoning home to check for Axon updates.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        // Nor an advertisement for AxonIQ Console in every start-up log: the ledger is watched through
        // /actuator (README "Watching it").
        if (System.getProperty("disable-axoniq-console-message") == null) {
            System.setProperty("disable-axoniq-console-message", "true");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}
