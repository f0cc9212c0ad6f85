package org.salwledger.core.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The XML binding of an EPCIS document, written from its JSON-LD form by the standard's mapping rather than
 * from the records a second time: so the official XSD, which checks the XML, checks every field the JSON-LD
 * carries too. The rules: events in the XSD's element order, lists as repeated child elements, typed
 * entries ({@code source}, {@code destination}, {@code bizTransaction}) as text with a {@code type} attribute,
 * CBV bare words as their URNs, {@code salw:} terms as elements in the ledger's namespace.
 */
public final class EpcisXml {
    private static final String EPCIS_NS = "urn:epcglobal:epcis:xsd:2";

    /** EPCISEventType, then the event types' own fields, as the XSD sequences them (each type's subset keeps this order). */
    private static final List<String> ORDER = List.of("eventTime", "recordTime", "eventTimeZoneOffset", "eventID",
            "errorDeclaration", "certificationInfo", "parentID", "childEPCs", "epcList", "inputEPCList",
            "outputEPCList", "transformationID", "action", "bizStep", "disposition", "readPoint", "bizLocation",
            "bizTransactionList", "sourceList", "destinationList", "ilmd");

    private static final Map<String, String> LIST_ITEM = Map.of("epcList", "epc", "childEPCs", "epc",
            "inputEPCList", "epc", "outputEPCList", "epc", "bizTransactionList", "bizTransaction",
            "sourceList", "source", "destinationList", "destination", "correctiveEventIDs", "correctiveEventID");

    private static final Map<String, String> CBV_URN = Map.of("bizStep", "urn:epcglobal:cbv:bizstep:",
            "disposition", "urn:epcglobal:cbv:disp:", "reason", "urn:epcglobal:cbv:er:");

    private static final Map<String, String> TYPE_URN = Map.of("source", "urn:epcglobal:cbv:sdt:",
            "destination", "urn:epcglobal:cbv:sdt:", "bizTransaction", "urn:epcglobal:cbv:btt:");

    private EpcisXml() {}

    public static byte[] write(ObjectNode document, EpcisIds ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix("epcis", EPCIS_NS);
            xml.setPrefix("salw", ids.vocabulary());
            xml.writeStartElement("epcis", "EPCISDocument", EPCIS_NS);
            xml.writeNamespace("epcis", EPCIS_NS);
            xml.writeNamespace("salw", ids.vocabulary());
            xml.writeAttribute("schemaVersion", document.path("schemaVersion").asText());
            xml.writeAttribute("creationDate", document.path("creationDate").asText());
            xml.writeStartElement("EPCISBody");
            xml.writeStartElement("EventList");
            for (JsonNode event : document.path("epcisBody").path("eventList")) {
                xml.writeStartElement(event.path("type").asText());
                fields(xml, (ObjectNode) event, ids);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("EPCIS XML could not be written", e);
        }
        return out.toByteArray();
    }

    private static void fields(XMLStreamWriter xml, ObjectNode object, EpcisIds ids) throws XMLStreamException {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        names.remove("type");
        // Standard fields first, in the XSD's order; the ledger's own terms after them, where the XSD's wildcard is.
        names.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        for (String name : names) {
            field(xml, name, object.get(name), ids);
        }
    }

    private static int rank(String name) {
        int at = ORDER.indexOf(name);
        return at >= 0 ? at : name.startsWith("salw:") ? ORDER.size() + 1 : ORDER.size();
    }

    private static void field(XMLStreamWriter xml, String name, JsonNode value, EpcisIds ids) throws XMLStreamException {
        if (name.startsWith("salw:")) {
            xml.writeStartElement("salw", name.substring(5), ids.vocabulary());
        } else {
            xml.writeStartElement(name);
        }
        if (LIST_ITEM.containsKey(name)) {
            String item = LIST_ITEM.get(name);
            for (JsonNode entry : value) {
                xml.writeStartElement(item);
                if (entry.isObject()) {
                    String type = entry.path("type").asText(null);
                    if (type != null) {
                        xml.writeAttribute("type", type.contains(":") ? type : TYPE_URN.get(item) + type);
                    }
                    xml.writeCharacters(entry.path(item).asText());
                } else {
                    xml.writeCharacters(entry.asText());
                }
                xml.writeEndElement();
            }
        } else if (value.isObject()) {
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                String child = it.next();
                field(xml, child, value.get(child), ids);
            }
        } else {
            String text = value.asText();
            String urn = CBV_URN.get(name);
            xml.writeCharacters(urn != null && !text.contains(":") ? urn + text : text);
        }
        xml.writeEndElement();
    }
}
