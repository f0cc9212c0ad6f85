package org.salwledger.api.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.salwledger.api.integrity.StreamCheck;
import org.salwledger.core.command.Refusal;
import org.salwledger.api.store.EnvelopeStore;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.crypto.CanonicalJson;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private final StreamCheck check;

    public StreamChain(EventStore eventStore, EnvelopeStore envelopes, StreamCheck check) {
        this.eventStore = eventStore;
        this.envelopes = envelopes;
        this.check = check;
    }

    /** An item's chain; 404 when the event store has no record of it. */
    public Chain of(String stream) {
        List<Entry> entries = records(stream);
        if (entries.isEmpty()) {
            throw Refusal.notFound("item-not-found", "no records for " + stream);
        }
        return new Chain(stream, entries);
    }

    /** The stream's records, verified against their chain, their envelopes and the log ({@link StreamCheck}). */
    public List<Entry> records(String stream) {
        // From sequence 0 on purpose: readEvents(id) would start at a snapshot, which is not a record.
        List<LedgerEvent> events = eventStore.readEvents(stream, 0).asStream().map(DomainEventMessage::getPayload)
                .filter(LedgerEvent.class::isInstance).map(LedgerEvent.class::cast).toList();
        Map<String, byte[]> stored = new HashMap<>();
        List<byte[]> envelopeBytes = new ArrayList<>();
        for (LedgerEvent event : events) {
            String hash = event.link().envelopeHash();
            envelopeBytes.add(hash == null ? null
                    : stored.computeIfAbsent(hash, h -> envelopes.envelope(h).orElse(null)));
        }
        check.verify(stream, events, envelopeBytes);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            LedgerEvent event = events.get(i);
            entries.add(new Entry(LedgerRecords.recordOf(event), event.link().hash(), json(envelopeBytes.get(i))));
        }
        return entries;
    }

    private static JsonNode json(byte[] envelope) {
        if (envelope == null) {
            return null;
        }
        try {
            return CanonicalJson.mapper().readTree(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
