package org.salwledger.api.config;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.salwledger.core.actor.ActorDirectory;
import org.salwledger.core.actor.ActorStreams;
import org.salwledger.core.actor.RegisterActor;
import org.salwledger.core.command.Role;
import org.salwledger.core.actor.RotateActorKey;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.crypto.KeyIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * Puts the administrator on the ledger like any actor: registered on first start, and given the
 * configured key when that changes. These records have no envelope; their signer is the ledger.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {
    public static final String ADMIN_ID = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final CommandGateway gateway;
    private final ActorDirectory directory;
    private final LedgerProperties properties;
    private final Clock clock;

    public AdminBootstrap(CommandGateway gateway, ActorDirectory directory, LedgerProperties properties, Clock clock) {
        this.gateway = gateway;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        byte[] publicKey = AdminKeys.publicKey(properties);
        String encoded = Base64.getEncoder().encodeToString(publicKey);
        Instant now = clock.instant();
        CommandOrigin ledger = new CommandOrigin("ledger", Role.ADMIN, properties.admin().country(), null, now, now);
        try {
            if (directory.actor(ADMIN_ID).isEmpty()) {
                gateway.sendAndWait(new RegisterActor(ActorStreams.of(ADMIN_ID), ADMIN_ID, "Ledger administrator",
                        Role.ADMIN, properties.admin().country(), encoded, ledger));
                log.info("Registered actor '{}' with key {}", ADMIN_ID, KeyIds.of(publicKey));
            } else if (directory.key(KeyIds.of(publicKey)).isEmpty()) {
                gateway.sendAndWait(new RotateActorKey(ActorStreams.of(ADMIN_ID), ADMIN_ID, encoded, ledger));
                log.info("Rotated actor '{}' to the configured key {}", ADMIN_ID, KeyIds.of(publicKey));
            }
        } catch (Refusal raced) {
            // Another node bootstrapped the same admin first.
            log.info("Admin bootstrap already done elsewhere: {}", raced.getMessage());
        }
    }
}
