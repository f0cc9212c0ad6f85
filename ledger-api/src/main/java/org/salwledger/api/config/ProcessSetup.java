package org.salwledger.api.config;

import org.axonframework.modelling.command.Repository;
import org.salwledger.core.actor.Actor;
import org.salwledger.core.actor.ActorDirectory;
import org.salwledger.core.actor.CustodyRegister;
import org.salwledger.core.cessation.CessationProcess;
import org.salwledger.core.composition.CompositionProcess;
import org.salwledger.core.consignment.TransferProcess;
import org.salwledger.core.identity.IdentityLinkProcess;
import org.salwledger.core.item.Item;
import org.salwledger.core.item.ItemLoader;
import org.salwledger.core.report.ItemReportProcess;
import org.salwledger.core.transfer.Transfer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Command handlers of core that span several aggregates; Axon subscribes them as beans. */
@Configuration
public class ProcessSetup {
    /**
     * Reads a consignment's items ahead from the event store, those the aggregate cache does not hold: on PostgreSQL
     * (no cache) all of them, on H2 those a restart or the cache's size left out.
     */
    @Bean
    public ItemLoader itemLoader(Repository<Item> itemRepository, PrefetchingEventStorageEngine events,
                                 AggregateCacheJournal cache) {
        return new ItemLoader(itemRepository,
                streams -> events.prefetch(streams.stream().filter(id -> !cache.containsKey(id)).toList()));
    }

    @Bean
    public TransferProcess transferProcess(ItemLoader items, Repository<Transfer> transferRepository,
                                           ActorDirectory directory) {
        return new TransferProcess(items, transferRepository, directory);
    }

    @Bean
    public CompositionProcess compositionProcess(ItemLoader items) {
        return new CompositionProcess(items);
    }

    @Bean
    public CessationProcess cessationProcess(ActorDirectory directory, CustodyRegister custody, ItemLoader items,
                                             Repository<Actor> actorRepository) {
        return new CessationProcess(directory, custody, items, actorRepository);
    }

    @Bean
    public ItemReportProcess itemReportProcess(ItemLoader items) {
        return new ItemReportProcess(items);
    }

    @Bean
    public IdentityLinkProcess identityLinkProcess(ItemLoader items) {
        return new IdentityLinkProcess(items);
    }
}
