package org.salwledger.core.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.ItemStatus;
import org.salwledger.core.item.description.Material;
import org.salwledger.core.item.description.PartType;
import org.salwledger.core.item.description.Production;
import org.salwledger.core.item.description.TransferKind;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.event.IdentityLinked;
import org.salwledger.core.item.event.ItemAssembledInto;
import org.salwledger.core.item.event.ItemDeactivated;
import org.salwledger.core.item.event.ItemDestroyed;
import org.salwledger.core.item.event.ItemDetachedFrom;
import org.salwledger.core.item.event.ItemDispatched;
import org.salwledger.core.item.event.ItemHandedOver;
import org.salwledger.core.item.event.ItemLost;
import org.salwledger.core.item.event.ItemManufactured;
import org.salwledger.core.item.event.ItemMarked;
import org.salwledger.core.item.event.ItemReceived;
import org.salwledger.core.item.event.ItemRecovered;
import org.salwledger.core.item.event.ItemRecoveredAfterDestruction;
import org.salwledger.core.item.event.ItemRegisteredUnmarked;
import org.salwledger.core.item.event.ItemReturned;
import org.salwledger.core.item.event.ItemSeized;
import org.salwledger.core.item.event.ItemStolen;
import org.salwledger.core.item.event.ItemTransformed;
import org.salwledger.core.item.event.PartAssembled;
import org.salwledger.core.item.event.PartDetached;
import org.salwledger.core.item.event.RecordCorrected;
import org.salwledger.core.item.marking.MarkType;
import org.salwledger.core.item.marking.MarkingMethod;
import org.salwledger.core.item.marking.ObservedMarking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EpcisExportTest {
    private static final EpcisIds IDS = EpcisIds.forOrigin("ledger.example.org/salw");
    private static final String PISTOL = "P-1";
    private static final String FRAME = "F-1";

    /** One record of every item-stream type, with facts exactly as the ledger records them. */
    static List<EpcisRecord> everyType() {
        ItemTransformed.Shape before = new ItemTransformed.Shape("G17", "9x19mm", WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL);
        ItemTransformed.Shape after = new ItemTransformed.Shape("G17 Training", "9x19mm FX", WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL);
        List<ObservedMarking> seen = List.of(new ObservedMarking("AB 123", PartType.FRAME, false));
        ObjectNode correctedFacts = CanonicalJson.mapper().createObjectNode().put("calibre", "9x19mm Parabellum");
        List<LedgerEvent> events = List.of(
                new ItemManufactured(PISTOL, ItemKind.WEAPON, WeaponCategory.REVOLVER_OR_SELF_LOADING_PISTOL, null,
                        PartType.FRAME, "Glock", "G17", "9x19mm", Material.POLYMER, Production.INDUSTRIAL, 2026,
                        "pistol", "maker-at", "AT", null),
                new ItemMarked(PISTOL, MarkType.MANUFACTURE, "GLOCK AT AB123", "AB123", "maker-at", "AT", PartType.FRAME,
                        MarkingMethod.LASER, "frame, right side", "maker-at", List.of(), null),
                new ItemDispatched(PISTOL, "T-1", "maker-at", "dealer-be", null),
                new ItemReceived(PISTOL, "T-1", TransferKind.EXPORT, "maker-at", "AT", "dealer-be", "BE", null),
                new ItemDispatched(PISTOL, "T-2", "dealer-be", "dealer-fr", null),
                new ItemReturned(PISTOL, "T-2", "dealer-be", "dealer-fr", null),
                new ItemHandedOver(PISTOL, "dealer-be", "club-be", "BE", "dealer-be", null),
                new ItemLost(PISTOL, null, "club-be", "club-be", "Liège range", "PV-1", null),
                new ItemRecovered(PISTOL, ItemStatus.LOST, "club-be", "police-be", "BE", "Liège", "found", seen, null),
                new ItemStolen(PISTOL, "club-be", "club-be", "Namur", "PV-2", null),
                new ItemSeized(PISTOL, "club-be", "police-be", "BE", "Namur", "evidence", null),
                new ItemTransformed(PISTOL, before, after, "training conversion", "police-be", null),
                new RecordCorrected(PISTOL, 0, "h0", "ItemManufactured", correctedFacts, "calibre misspelt", "maker-at", null),
                new PartAssembled(PISTOL, FRAME, "police-be", null),
                new ItemAssembledInto(FRAME, PISTOL, "police-be", null),
                new PartDetached(PISTOL, FRAME, "police-be", null),
                new ItemDetachedFrom(FRAME, PISTOL, "police-be", null),
                new ItemDeactivated(PISTOL, "police-be", "DEACT-1", "EU 2018/337", null),
                new ItemDestroyed(PISTOL, "police-be", "DESTR-1", "cutting", null),
                new ItemRecoveredAfterDestruction(PISTOL, "police-be", "police-nl", "NL", "Rotterdam", "market", seen, null),
                new ItemRegisteredUnmarked("U-1", ItemKind.WEAPON, WeaponCategory.RIFLE_OR_CARBINE, null, "unknown", null,
                        "5.56mm", Material.ADDITIVE, Production.ADDITIVE, "printed", "Ghent", seen, "police-be", "BE", null),
                new IdentityLinked(PISTOL, "U-1", "same frame", "police-be", null));
        List<EpcisRecord> records = new ArrayList<>();
        Map<String, Long> next = new java.util.HashMap<>();
        for (LedgerEvent event : events) {
            JsonNode facts = LedgerRecords.factsOf(event);
            String stream = facts.has("hostId") && !facts.has("itemId") ? facts.path("hostId").asText() : facts.path("itemId").asText();
            long sequence = next.merge(stream, 1L, Long::sum) - 1;
            Instant at = Instant.parse("2026-11-24T10:00:00Z").plusSeconds(60L * records.size());
            records.add(new EpcisRecord(stream, sequence, LedgerRecords.typeOf(event), at.minusSeconds(30).toString(),
                    at.toString(), facts, "%064x".formatted(records.size()), null));
        }
        // record 0 (manufacture) was corrected by the RecordCorrected above
        EpcisRecord manufactured = records.get(0);
        long correction = records.stream().filter(r -> r.type().equals("RecordCorrected")).findFirst().orElseThrow().sequence();
        records.set(0, new EpcisRecord(manufactured.itemId(), 0, manufactured.type(), manufactured.occurredAt(),
                manufactured.recordedAt(), manufactured.facts(), manufactured.recordHash(), correction));
        return records;
    }

    private static List<ObjectNode> export(List<EpcisRecord> records, boolean partCopies) {
        Map<String, List<EpcisRecord>> streams = records.stream().collect(Collectors.groupingBy(EpcisRecord::itemId));
        return new EpcisExport(IDS).events(records, streams::get, partCopies);
    }

    private static ObjectNode document(List<ObjectNode> events) {
        return EpcisDocument.of(IDS, Instant.parse("2026-11-29T00:00:00Z"), events);
    }

    @Test
    void everyRecordTypeValidatesAgainstTheOfficialEpcis2Xsd() {
        List<ObjectNode> events = export(everyType(), true);
        byte[] xml = EpcisXml.write(document(events), IDS);

        assertThat(EpcisSchema.errors(xml)).as(new String(xml, StandardCharsets.UTF_8)).isEmpty();
        assertThat(events.stream().map(e -> e.path("salw:recordType").asText()).distinct())
                .containsExactlyInAnyOrder("ItemManufactured", "ItemMarked", "ItemDispatched", "ItemReceived",
                        "ItemReturned", "ItemHandedOver", "ItemLost", "ItemRecovered", "ItemStolen", "ItemSeized",
                        "ItemTransformed", "RecordCorrected", "PartAssembled", "ItemAssembledInto", "PartDetached",
                        "ItemDetachedFrom", "ItemDeactivated", "ItemDestroyed", "ItemRecoveredAfterDestruction",
                        "ItemRegisteredUnmarked");
    }

    @Test
    void custodyRecordsUseTheCbvStepsAndDispositionsMadeForThem() {
        Map<String, ObjectNode> byType = new java.util.LinkedHashMap<>();
        export(everyType(), true).forEach(e -> byType.putIfAbsent(e.path("salw:recordType").asText(), e));

        ObjectNode made = byType.get("ItemManufactured");
        assertThat(made.path("type").asText()).isEqualTo("ObjectEvent");
        assertThat(made.path("action").asText()).isEqualTo("ADD");
        assertThat(made.path("bizStep").asText()).isEqualTo("commissioning");
        assertThat(made.path("epcList").get(0).asText()).isEqualTo("https://ledger.example.org/salw/item/P-1");
        assertThat(made.path("ilmd").path("salw:calibre").asText()).isEqualTo("9x19mm");
        ObjectNode shipped = byType.get("ItemDispatched");
        assertThat(shipped.path("bizStep").asText()).isEqualTo("shipping");
        assertThat(shipped.path("disposition").asText()).isEqualTo("in_transit");
        assertThat(shipped.path("bizTransactionList").get(0).path("bizTransaction").asText())
                .isEqualTo("https://ledger.example.org/salw/transfer/T-1");
        assertThat(shipped.path("sourceList").get(0).path("source").asText()).endsWith("/actor/maker-at");
        assertThat(shipped.path("destinationList").get(0).path("destination").asText()).endsWith("/actor/dealer-be");
        assertThat(byType.get("ItemReceived").path("bizStep").asText()).isEqualTo("receiving");
        assertThat(byType.get("ItemStolen").path("disposition").asText()).isEqualTo("stolen");
        assertThat(byType.get("ItemLost").path("disposition").asText()).isEqualTo("unknown");
        assertThat(byType.get("ItemRecovered").path("disposition").asText()).isEqualTo("active");
        assertThat(byType.get("ItemDeactivated").path("bizStep").asText()).isEqualTo("decommissioning");
        ObjectNode destroyed = byType.get("ItemDestroyed");
        assertThat(destroyed.path("action").asText()).isEqualTo("DELETE");
        assertThat(destroyed.path("disposition").asText()).isEqualTo("destroyed");
        ObjectNode assembled = byType.get("PartAssembled");
        assertThat(assembled.path("type").asText()).isEqualTo("AggregationEvent");
        assertThat(assembled.path("parentID").asText()).endsWith("/item/P-1");
        assertThat(assembled.path("childEPCs").get(0).asText()).endsWith("/item/F-1");
        assertThat(byType.get("PartDetached").path("action").asText()).isEqualTo("DELETE");
        assertThat(byType.get("ItemTransformed").path("type").asText()).isEqualTo("TransformationEvent");
    }

    @Test
    void aWindowOfEveryRecordExportsEachAssemblyOnceFromTheHostsRecord() {
        List<String> types = export(everyType(), false).stream().map(e -> e.path("salw:recordType").asText()).toList();

        assertThat(types).contains("PartAssembled", "PartDetached").doesNotContain("ItemAssembledInto", "ItemDetachedFrom");
    }

    @Test
    void aCorrectionIsAnErrorDeclarationOnTheRecordAndACorrectiveEvent() {
        List<ObjectNode> events = export(everyType(), true);
        ObjectNode original = events.get(0);
        ObjectNode corrective = events.stream().filter(e -> e.path("salw:recordType").asText().equals("RecordCorrected"))
                .findFirst().orElseThrow();

        JsonNode declaration = original.path("errorDeclaration");
        assertThat(declaration.path("reason").asText()).isEqualTo("incorrect_data");
        assertThat(declaration.path("correctiveEventIDs").get(0).asText()).isEqualTo(corrective.path("eventID").asText());
        assertThat(declaration.path("declarationTime").asText()).isEqualTo(corrective.path("recordTime").asText());
        assertThat(corrective.path("type").asText()).isEqualTo("ObjectEvent");
        assertThat(corrective.path("bizStep").asText()).isEqualTo("commissioning");
        assertThat(corrective.path("eventTime").asText()).isEqualTo(original.path("eventTime").asText());
        assertThat(corrective.path("ilmd").path("salw:calibre").asText()).isEqualTo("9x19mm Parabellum");
        assertThat(corrective.path("ilmd").path("salw:make").asText()).isEqualTo("Glock");
        assertThat(corrective.path("salw:corrects").asText()).isEqualTo(original.path("eventID").asText());
    }

    @Test
    void theSchemaCheckCatchesABrokenEvent() {
        List<ObjectNode> events = export(everyType(), true);
        events.get(2).remove("action");
        events.get(3).put("eventTime", "yesterday");

        List<String> errors = EpcisSchema.errors(EpcisXml.write(document(events), IDS));

        assertThat(errors).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theJsonLdDocumentNamesGs1sContextAndTheLedgersVocabulary() {
        ObjectNode document = document(export(everyType(), true));

        assertThat(document.path("@context").get(0).asText()).isEqualTo(EpcisDocument.GS1_CONTEXT);
        assertThat(document.path("@context").get(1).path("salw").asText()).isEqualTo("https://ledger.example.org/salw/epcis/");
        assertThat(document.path("type").asText()).isEqualTo("EPCISDocument");
        assertThat(document.path("schemaVersion").asText()).isEqualTo("2.0");
        document.path("epcisBody").path("eventList").forEach(event -> event.fieldNames().forEachRemaining(name ->
                assertThat(name).as("JSON-LD terms are GS1's or prefixed").matches("[A-Za-z]+|salw:[A-Za-z]+")));
    }
}
