package org.salwledger.core;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.salwledger.core.actor.Actor;
import org.salwledger.core.actor.ActorDirectory;
import org.salwledger.core.actor.ActorStreams;
import org.salwledger.core.actor.CustodyRegister;
import org.salwledger.core.actor.RegisterActor;
import org.salwledger.core.cessation.CessationProcess;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.command.Role;
import org.salwledger.core.composition.CompositionProcess;
import org.salwledger.core.consignment.TransferProcess;
import org.salwledger.core.crypto.SigningKey;
import org.salwledger.core.identity.IdentityLinkProcess;
import org.salwledger.core.item.Item;
import org.salwledger.core.item.ItemLoader;
import org.salwledger.core.item.command.ManufactureItem;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.marking.ManufactureMarkRegistry;
import org.salwledger.core.report.ItemReportProcess;
import org.salwledger.core.trace.TraceRequest;
import org.salwledger.core.transfer.Transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Core's aggregates and processes wired by plain Axon (no Spring, no database): an in-memory event
 * store, the in-memory write-side lookups of {@link Fixtures}, every command through the command bus
 * in its own unit of work, as the service runs them. For testing processes below HTTP.
 */
public final class InProcessLedger implements AutoCloseable {
    public final Fixtures.InMemoryActorDirectory directory = new Fixtures.InMemoryActorDirectory();
    public final Fixtures.InMemoryMarkRegistry marks = new Fixtures.InMemoryMarkRegistry();
    /** Who holds what, as the service's register keeps it; tests set it where a rule reads it. */
    public final Map<String, List<String>> holdings = new HashMap<>();
    private final Configuration axon;
    private final CommandGateway gateway;

    public InProcessLedger() {
        CustodyRegister custody = actorId -> holdings.getOrDefault(actorId, List.of());
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(ActorDirectory.class, c -> directory)
                .registerComponent(ManufactureMarkRegistry.class, c -> marks)
                .registerComponent(CustodyRegister.class, c -> custody)
                .configureAggregate(Item.class)
                .configureAggregate(Actor.class)
                .configureAggregate(Transfer.class)
                .configureAggregate(TraceRequest.class)
                .registerComponent(ItemLoader.class, c -> new ItemLoader(() -> c.repository(Item.class)))
                .registerCommandHandler(c -> new TransferProcess(c.getComponent(ItemLoader.class),
                        c.repository(Transfer.class), directory))
                .registerCommandHandler(c -> new CompositionProcess(c.getComponent(ItemLoader.class)))
                .registerCommandHandler(c -> new CessationProcess(directory, custody, c.getComponent(ItemLoader.class),
                        c.repository(Actor.class)))
                .registerCommandHandler(c -> new ItemReportProcess(c.getComponent(ItemLoader.class)))
                .registerCommandHandler(c -> new IdentityLinkProcess(c.getComponent(ItemLoader.class)))
                .start();
        gateway = axon.commandGateway();
    }

    public static final CommandOrigin ADMIN = Fixtures.origin("admin", Role.ADMIN, "BE");

    /** Sends the command and waits; a refusal comes back as the {@link Refusal} itself. */
    public void send(Object command) {
        try {
            gateway.sendAndWait(command);
        } catch (org.axonframework.commandhandling.CommandExecutionException e) {
            if (e.getDetails().orElse(null) instanceof Refusal violation) {
                throw violation;
            }
            throw e;
        }
    }

    /** Sends the command and expects the refusal with this slug (and nothing else). */
    public void refuses(Object command, String slug) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> send(command))
                .isInstanceOfSatisfying(Refusal.class, v -> org.assertj.core.api.Assertions.assertThat(v.code())
                        .as(v.getMessage()).isEqualTo(slug));
    }

    /** Registers an actor through its aggregate, as the ADMIN would, and answers its origin. */
    public CommandOrigin actor(String actorId, Role role, String country) {
        send(new RegisterActor(ActorStreams.of(actorId), actorId, actorId + " Ltd", role, country,
                SigningKey.generate().publicKeyBase64(), ADMIN));
        return Fixtures.origin(actorId, role, country);
    }

    public String manufacture(CommandOrigin maker, ItemKind kind, PartType partType) {
        String itemId = UUID.randomUUID().toString();
        send(new ManufactureItem(itemId, kind, kind == ItemKind.WEAPON ? WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL
                : null, partType, null, "FN Herstal", "FN 509", "9x19mm", Material.POLYMER, Production.INDUSTRIAL,
                2026, null, maker));
        return itemId;
    }

    /** A component of the running configuration, e.g. the {@link ItemLoader} the processes use. */
    public <T> T component(Class<T> type) {
        return axon.getComponent(type);
    }

    public org.axonframework.modelling.command.Repository<Item> itemRepository() {
        return axon.repository(Item.class);
    }

    /** The stream's records in order. */
    public List<LedgerEvent> stream(String streamId) {
        List<LedgerEvent> out = new ArrayList<>();
        axon.eventStore().readEvents(streamId).asStream().map(DomainEventMessage::getPayload)
                .forEach(p -> out.add((LedgerEvent) p));
        return out;
    }

    /** The stream's newest record. */
    public LedgerEvent last(String streamId) {
        List<LedgerEvent> records = stream(streamId);
        return records.get(records.size() - 1);
    }

    public List<String> types(String streamId) {
        return stream(streamId).stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    /** Every record of every stream, for "nothing was appended" checks. */
    public long recordCount(String... streams) {
        return Stream.of(streams).mapToLong(s -> stream(s).size()).sum();
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
