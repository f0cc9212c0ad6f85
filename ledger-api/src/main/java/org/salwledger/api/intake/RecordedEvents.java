package org.salwledger.api.intake;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.salwledger.core.chain.LedgerEvent;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Collects the ledger events a command applies, so the answer can name their records and hashes.
 * Works because the command bus is the synchronous SimpleCommandBus: events are published on the
 * submitting thread.
 */
@Component
public class RecordedEvents implements MessageDispatchInterceptor<EventMessage<?>> {
    /** What a command applied: its ledger events, and the event store id of the last message it published. */
    public record Recording(List<LedgerEvent> events, String lastEventIdentifier) {}

    private static final class Collector {
        final List<LedgerEvent> events = new ArrayList<>();
        String lastEventIdentifier;
    }

    private final ThreadLocal<Collector> collector = new ThreadLocal<>();

    public RecordedEvents(EventBus eventBus) {
        eventBus.registerDispatchInterceptor(this);
    }

    public void start() {
        collector.set(new Collector());
    }

    public Recording finish() {
        Collector collected = collector.get();
        collector.remove();
        return collected == null ? new Recording(List.of(), null)
                : new Recording(List.copyOf(collected.events), collected.lastEventIdentifier);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Collector sink = collector.get();
        if (sink != null) {
            for (EventMessage<?> message : messages) {
                if (message.getPayload() instanceof LedgerEvent event) {
                    sink.events.add(event);
                    sink.lastEventIdentifier = message.getIdentifier();
                }
            }
        }
        return (index, message) -> message;
    }
}
