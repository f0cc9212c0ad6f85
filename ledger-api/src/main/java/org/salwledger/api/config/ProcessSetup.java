package org.salwledger.api.config;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.salwledger.core.actor.ActorDirectory;
import org.salwledger.core.transfer.TransferProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Command handlers of core that span several aggregates; Axon subscribes them as beans. */
@Configuration
public class ProcessSetup {
    @Bean
    public TransferProcess transferProcess(CommandGateway gateway, ActorDirectory directory) {
        return new TransferProcess(gateway, directory);
    }
}
