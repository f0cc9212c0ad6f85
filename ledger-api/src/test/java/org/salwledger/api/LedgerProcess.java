package org.salwledger.api;

import org.salwledger.core.crypto.SigningKey;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

/** A whole ledger service on a random port over an H2 data directory, for tests that stop and restart it. */
final class LedgerProcess {
    private LedgerProcess() {}

    static ConfigurableApplicationContext start(Path dataDir, SigningKey admin, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
                "--ledger.data-dir=" + dataDir, "--ledger.admin.public-key=" + admin.publicKeyBase64()));
        args.addAll(java.util.List.of(more));
        return new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
