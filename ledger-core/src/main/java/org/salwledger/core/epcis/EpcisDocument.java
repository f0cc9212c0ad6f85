package org.salwledger.core.epcis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.crypto.CanonicalJson;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** An EPCIS 2.0 document in its JSON-LD binding: GS1's context plus the ledger's {@code salw} namespace. */
public final class EpcisDocument {
    public static final String GS1_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    private EpcisDocument() {}

    public static ObjectNode of(EpcisIds ids, Instant created, List<ObjectNode> events) {
        ObjectNode document = CanonicalJson.mapper().createObjectNode();
        ArrayNode context = document.putArray("@context");
        context.add(GS1_CONTEXT);
        context.addObject().put("salw", ids.vocabulary());
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", "2.0");
        document.put("creationDate", created.toString());
        ArrayNode list = document.putObject("epcisBody").putArray("eventList");
        events.forEach(list::add);
        return document;
    }

    public static byte[] json(ObjectNode document) {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
