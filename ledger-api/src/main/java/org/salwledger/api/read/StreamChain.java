package org.salwledger.api.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.salwledger.api.problem.LedgerProblem;
import org.salwledger.api.write.EnvelopeStore;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.crypto.CanonicalJson;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream's records read from the event store itself (not a projection), each with its hash and
 * the signed envelope that caused it: what a verifier needs to recheck the chain offline.
 */
@Component
public class StreamChain {
    private final EventStore eventStore;
    private final EnvelopeStore envelopes;

    public record Entry(ObjectNode record, String hash, JsonNode envelope) {}

    public record Chain(String stream, List<Entry> records) {}

    public StreamChain(EventStore eventStore, EnvelopeStore envelopes) {
        this.eventStore = eventStore;
        this.envelopes = envelopes;
    }

    /** An item's chain; 404 when the event store has no record of it. */
    public Chain of(String stream) {
        List<Entry> entries = records(stream);
        if (entries.isEmpty()) {
            throw LedgerProblem.notFound("item-not-found", "no records for " + stream);
        }
        return new Chain(stream, entries);
    }

    public List<Entry> records(String stream) {
        List<Entry> entries = new ArrayList<>();
        // From sequence 0 on purpose: readEvents(id) would start at a snapshot, which is not a record.
        eventStore.readEvents(stream, 0).asStream().map(DomainEventMessage::getPayload)
                .filter(LedgerEvent.class::isInstance).map(LedgerEvent.class::cast)
                .forEach(event -> entries.add(new Entry(LedgerRecords.recordOf(event), event.link().hash(),
                        envelope(event.link().envelopeHash()))));
        return entries;
    }

    private JsonNode envelope(String hash) {
        if (hash == null) {
            return null;
        }
        return envelopes.envelope(hash).map(bytes -> {
            try {
                return CanonicalJson.mapper().readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(null);
    }
}
