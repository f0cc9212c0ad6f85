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
    private final ThreadLocal<List<LedgerEvent>> collecting = new ThreadLocal<>();

    public RecordedEvents(EventBus eventBus) {
        eventBus.registerDispatchInterceptor(this);
    }

    public void start() {
        collecting.set(new ArrayList<>());
    }

    public List<LedgerEvent> finish() {
        List<LedgerEvent> events = collecting.get();
        collecting.remove();
        return events == null ? List.of() : events;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        List<LedgerEvent> sink = collecting.get();
        if (sink != null) {
            messages.stream().map(EventMessage::getPayload).filter(LedgerEvent.class::isInstance)
                    .map(LedgerEvent.class::cast).forEach(sink::add);
        }
        return (index, message) -> message;
    }
}
