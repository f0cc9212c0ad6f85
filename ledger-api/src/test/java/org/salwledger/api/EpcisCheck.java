package org.salwledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.openepcis.validation.model.ValidationError;
import io.openepcis.validation.xml.Xml20SchemaValidator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An item's EPCIS export over HTTP in both bindings: the XML must pass GS1's official EPCIS 2.0 XSD (OpenEPCIS's
 * validator) and carry the same events as the JSON-LD.
 */
final class EpcisCheck {
    private EpcisCheck() {}

    /** The JSON-LD document's events, after both bindings were checked. */
    static JsonNode events(LedgerTestClient ledger, String path, String token) {
        LedgerTestClient.Answer jsonLd = ledger.get(path, token);
        assertThat(jsonLd.status()).as(jsonLd.body()).isEqualTo(200);
        assertThat(jsonLd.contentType()).startsWith("application/ld+json");
        LedgerTestClient.Answer xml = ledger.get(path, token, "application/xml");
        assertThat(xml.status()).as(xml.body()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("application/xml");
        assertThat(schemaErrors(xml.body())).as(xml.body()).isEmpty();
        JsonNode events = jsonLd.json().at("/epcisBody/eventList");
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add("<eventID>" + e.get("eventID").asText() + "</eventID>"));
        assertThat(ids).allSatisfy(id -> assertThat(xml.body()).contains(id));
        assertThat(xml.body().split("<eventID>", -1)).hasSize(events.size() + 1);
        return events;
    }

    static List<String> recordTypes(JsonNode events) {
        return events.findValuesAsText("salw:recordType");
    }

    static List<String> schemaErrors(String xml) {
        // a validator per document: OpenEPCIS's keeps the errors of earlier documents
        return new Xml20SchemaValidator().validateAgainstCaptureSchema(
                        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .collect().asList().await().indefinitely().stream().map(ValidationError::toString).toList();
    }
}
