package org.salwledger.core.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.core.crypto.CanonicalJson;

import java.util.Optional;

/**
 * One custody record as one EPCIS 2.0 event (JSON-LD, CBV 2.0 terms; docs/ledger-format.md §8 has the table):
 * what the record states goes in the EPCIS field made for it, the rest in the ledger's own terms ({@code salw:}).
 * Custody is possession, so parties are {@code possessing_party}. Places are free text in the ledger, not
 * location identifiers, so they travel as {@code salw:place}, never as a readPoint.
 */
public final class EpcisEvents {
    private static final String[] DESCRIPTION = {"kind", "category", "partType", "identityComponent", "make", "model",
            "calibre", "material", "production", "yearOfManufacture", "description", "countryOfManufacture"};

    private final EpcisIds ids;

    public EpcisEvents(EpcisIds ids) {
        this.ids = ids;
    }

    /**
     * The event a record of {@code type} with {@code facts} states; empty for records EPCIS has no event for
     * (identity links: a statement about two identifiers, not about an object).
     *
     * @param record  where and when it was recorded: eventTime is when it happened, recordTime when the ledger
     *                recorded it
     * @param eventId the record's URI (a corrective event's is the correction's)
     */
    public Optional<ObjectNode> event(String type, JsonNode facts, EpcisRecord record, String eventId) {
        Event e = switch (type) {
            case "ItemManufactured" -> object(facts, "ADD").step("commissioning", "active")
                    .ilmd(facts, DESCRIPTION).party("salw:manufacturer", facts, "manufacturer");
            case "ItemRegisteredUnmarked" -> object(facts, "ADD").step("commissioning", "active")
                    .ilmd(facts, DESCRIPTION).text("salw:place", facts, "place").text("salw:country", facts, "country");
            case "ItemMarked" -> object(facts, "OBSERVE").step("encoding", null)
                    .text("salw:markType", facts, "markType").text("salw:markText", facts, "text")
                    .text("salw:serial", facts, "serial").text("salw:markCountry", facts, "country")
                    .text("salw:component", facts, "component").text("salw:markingMethod", facts, "method")
                    .text("salw:markLocation", facts, "location");
            case "ItemDispatched" -> object(facts, "OBSERVE").step("shipping", "in_transit").transfer(facts)
                    .source(facts, "sender").destination(facts, "consignee");
            case "ItemReceived" -> object(facts, "OBSERVE").step("receiving", "active").transfer(facts)
                    .source(facts, "sender").destination(facts, "custodian")
                    .text("salw:transferKind", facts, "transferKind").text("salw:senderCountry", facts, "senderCountry")
                    .text("salw:custodianCountry", facts, "custodianCountry");
            case "ItemReturned" -> object(facts, "OBSERVE").step("receiving", "returned").transfer(facts)
                    .source(facts, "rejectedBy").destination(facts, "custodian");
            case "ItemHandedOver" -> object(facts, "OBSERVE").step("accepting", "active")
                    .source(facts, "from").destination(facts, "to").text("salw:toCountry", facts, "toCountry");
            case "ItemLost" -> object(facts, "OBSERVE").step(null, "unknown").transfer(facts)
                    .party("salw:lastCustodian", facts, "lastCustodian").text("salw:place", facts, "place")
                    .text("salw:policeReference", facts, "policeReference");
            case "ItemStolen" -> object(facts, "OBSERVE").step(null, "stolen")
                    .party("salw:lastCustodian", facts, "lastCustodian").text("salw:place", facts, "place")
                    .text("salw:policeReference", facts, "policeReference");
            case "ItemSeized" -> object(facts, "OBSERVE").step("accepting", "non_sellable_other")
                    .source(facts, "fromCustodian").destination(facts, "seizedBy").text("salw:place", facts, "place")
                    .text("salw:reason", facts, "reason").text("salw:seizerCountry", facts, "seizerCountry");
            case "ItemRecovered" -> object(facts, "OBSERVE").step("accepting", "active")
                    .destination(facts, "recoveredBy").party("salw:lastLegalCustodian", facts, "lastLegalCustodian")
                    .text("salw:previousStatus", facts, "previousStatus").text("salw:place", facts, "place")
                    .text("salw:circumstances", facts, "circumstances")
                    .text("salw:recovererCountry", facts, "recovererCountry");
            case "ItemRecoveredAfterDestruction" -> object(facts, "OBSERVE").step("accepting", "active")
                    .destination(facts, "recoveredBy").party("salw:destroyedBy", facts, "destroyedBy")
                    .text("salw:place", facts, "place").text("salw:circumstances", facts, "circumstances")
                    .text("salw:recovererCountry", facts, "recovererCountry");
            case "ItemDeactivated" -> object(facts, "OBSERVE").step("decommissioning", "inactive")
                    .text("salw:certificateReference", facts, "certificateReference")
                    .text("salw:deactivationStandard", facts, "standard");
            case "ItemDestroyed" -> object(facts, "DELETE").step("destroying", "destroyed")
                    .text("salw:certificateReference", facts, "certificateReference")
                    .text("salw:destructionMethod", facts, "method");
            case "ItemTransformed" -> transformation(facts, eventId);
            case "PartAssembled" -> aggregation(facts.path("hostId").asText(), facts.path("partId").asText(), "ADD",
                    "assembling");
            case "PartDetached" -> aggregation(facts.path("hostId").asText(), facts.path("partId").asText(), "DELETE",
                    "disassembling");
            case "ItemAssembledInto" -> aggregation(facts.path("hostId").asText(), facts.path("itemId").asText(), "ADD",
                    "assembling");
            case "ItemDetachedFrom" -> aggregation(facts.path("hostId").asText(), facts.path("itemId").asText(),
                    "DELETE", "disassembling");
            default -> null;
        };
        if (e == null) {
            return Optional.empty();
        }
        ObjectNode event = e.node;
        event.put("eventTime", record.occurredAt());
        event.put("recordTime", record.recordedAt());
        event.put("eventTimeZoneOffset", "+00:00");
        event.put("eventID", eventId);
        event.put("salw:recordType", type);
        event.put("salw:recordHash", record.recordHash());
        return Optional.of(event);
    }

    private Event object(JsonNode facts, String action) {
        Event e = new Event("ObjectEvent");
        e.node.putArray("epcList").add(ids.item(facts.path("itemId").asText()));
        e.node.put("action", action);
        return e;
    }

    private Event aggregation(String hostId, String partId, String action, String bizStep) {
        Event e = new Event("AggregationEvent");
        e.node.put("parentID", ids.item(hostId));
        e.node.putArray("childEPCs").add(ids.item(partId));
        e.node.put("action", action);
        e.node.put("bizStep", bizStep);
        return e;
    }

    /** A conversion changes what the item is, not which item it is: the same identifier goes in and comes out. */
    private Event transformation(JsonNode facts, String eventId) {
        Event e = new Event("TransformationEvent");
        String item = ids.item(facts.path("itemId").asText());
        e.node.putArray("inputEPCList").add(item);
        e.node.putArray("outputEPCList").add(item);
        e.node.put("transformationID", eventId);
        e.ilmd(facts.path("after"), "model", "calibre", "category");
        JsonNode before = facts.path("before");
        e.text("salw:modelBefore", before, "model").text("salw:calibreBefore", before, "calibre")
                .text("salw:categoryBefore", before, "category").text("salw:description", facts, "description");
        return e;
    }

    private final class Event {
        final ObjectNode node = CanonicalJson.mapper().createObjectNode();

        Event(String type) {
            node.put("type", type);
        }

        Event step(String bizStep, String disposition) {
            if (bizStep != null) {
                node.put("bizStep", bizStep);
            }
            if (disposition != null) {
                node.put("disposition", disposition);
            }
            return this;
        }

        Event transfer(JsonNode facts) {
            if (facts.hasNonNull("transferId")) {
                node.putArray("bizTransactionList").addObject()
                        .put("bizTransaction", ids.transfer(facts.path("transferId").asText()));
            }
            return this;
        }

        Event source(JsonNode facts, String field) {
            return listed("sourceList", "source", facts, field);
        }

        Event destination(JsonNode facts, String field) {
            return listed("destinationList", "destination", facts, field);
        }

        private Event listed(String list, String key, JsonNode facts, String field) {
            if (facts.hasNonNull(field)) {
                ArrayNode entries = node.has(list) ? (ArrayNode) node.get(list) : node.putArray(list);
                entries.addObject().put("type", "possessing_party").put(key, ids.actor(facts.path(field).asText()));
            }
            return this;
        }

        Event party(String term, JsonNode facts, String field) {
            if (facts.hasNonNull(field)) {
                node.put(term, ids.actor(facts.path(field).asText()));
            }
            return this;
        }

        Event text(String term, JsonNode facts, String field) {
            if (facts.hasNonNull(field)) {
                node.put(term, facts.path(field).asText());
            }
            return this;
        }

        /** Instance/lot master data: what the item is, stated when it enters the record. */
        Event ilmd(JsonNode facts, String... fields) {
            ObjectNode ilmd = CanonicalJson.mapper().createObjectNode();
            for (String field : fields) {
                if (facts.hasNonNull(field)) {
                    ilmd.put("salw:" + field, facts.path(field).asText());
                }
            }
            if (!ilmd.isEmpty()) {
                node.set("ilmd", ilmd);
            }
            return this;
        }
    }
}
