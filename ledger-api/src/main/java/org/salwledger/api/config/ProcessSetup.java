package org.salwledger.api.config;

import org.axonframework.modelling.command.Repository;
import org.salwledger.core.actor.ActorDirectory;
import org.salwledger.core.item.Item;
import org.salwledger.core.transfer.Transfer;
import org.salwledger.core.transfer.TransferProcess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Command handlers of core that span several aggregates; Axon subscribes them as beans. */
@Configuration
public class ProcessSetup {
    @Bean
    public TransferProcess transferProcess(Repository<Item> itemRepository, Repository<Transfer> transferRepository,
                                           ActorDirectory directory) {
        return new TransferProcess(itemRepository, transferRepository, directory);
    }
}
