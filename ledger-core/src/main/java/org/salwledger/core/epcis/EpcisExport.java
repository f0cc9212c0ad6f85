package org.salwledger.core.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An item's records, or a window of records, as EPCIS events. A correction follows EPCIS's own model: the
 * corrected event carries an {@code errorDeclaration} naming its corrective event, and the correction becomes
 * that corrective event (the corrected record's type, with the facts as corrected so far); a record corrected
 * twice yields a chain of them.
 */
public final class EpcisExport {
    private static final String CORRECTION = "RecordCorrected";

    private final EpcisIds ids;
    private final EpcisEvents events;

    public EpcisExport(EpcisIds ids) {
        this.ids = ids;
        this.events = new EpcisEvents(ids);
    }

    /**
     * @param records    the records to export, in the order the document lists them
     * @param streams    an item's whole stream; asked only for corrected records and corrections
     * @param partCopies whether a part's own record of entering or leaving a host is exported: an item's export
     *                   wants it, a window of every record has the host's record of the same act already
     */
    public List<ObjectNode> events(List<EpcisRecord> records, Function<String, List<EpcisRecord>> streams,
                                   boolean partCopies) {
        List<ObjectNode> out = new ArrayList<>();
        for (EpcisRecord record : records) {
            if (!partCopies && (record.type().equals("ItemAssembledInto") || record.type().equals("ItemDetachedFrom"))) {
                continue;
            }
            Optional<ObjectNode> event = record.type().equals(CORRECTION)
                    ? corrective(record, streams.apply(record.itemId()))
                    : events.event(record.type(), record.facts(), record, ids.record(record.itemId(), record.sequence()));
            event.ifPresent(e -> {
                if (record.correctedIn() != null) {
                    corrections(streams.apply(record.itemId()), record.sequence()).stream().findFirst()
                            .ifPresent(first -> declare(e, first));
                }
                out.add(e);
            });
        }
        return out;
    }

    private Optional<ObjectNode> corrective(EpcisRecord correction, List<EpcisRecord> stream) {
        long correctedSequence = correction.facts().path("correctedSequence").asLong();
        EpcisRecord original = stream.stream().filter(r -> r.sequence() == correctedSequence).findFirst()
                .orElseThrow(() -> new IllegalStateException(correction.itemId() + " has no record "
                        + correctedSequence + " that record " + correction.sequence() + " corrects"));
        List<EpcisRecord> chain = corrections(stream, correctedSequence);
        ObjectNode facts = original.facts().deepCopy();
        EpcisRecord next = null;
        for (EpcisRecord c : chain) {
            if (c.sequence() <= correction.sequence()) {
                facts.setAll((ObjectNode) c.facts().path("correctedFacts"));
            } else if (next == null) {
                next = c;
            }
        }
        EpcisRecord at = new EpcisRecord(correction.itemId(), correction.sequence(), original.type(),
                original.occurredAt(), correction.recordedAt(), facts, correction.recordHash(), null);
        Optional<ObjectNode> event = events.event(original.type(), facts, at,
                ids.record(correction.itemId(), correction.sequence()));
        EpcisRecord later = next;
        event.ifPresent(e -> {
            e.put("salw:recordType", CORRECTION);
            e.put("salw:corrects", ids.record(original.itemId(), original.sequence()));
            if (later != null) {
                declare(e, later);
            }
        });
        return event;
    }

    private static List<EpcisRecord> corrections(List<EpcisRecord> stream, long correctedSequence) {
        return stream.stream().filter(r -> r.type().equals(CORRECTION)
                        && r.facts().path("correctedSequence").asLong() == correctedSequence)
                .sorted(java.util.Comparator.comparingLong(EpcisRecord::sequence)).toList();
    }

    private void declare(ObjectNode event, EpcisRecord correction) {
        ObjectNode declaration = event.putObject("errorDeclaration");
        declaration.put("declarationTime", correction.recordedAt());
        declaration.put("reason", "incorrect_data");
        declaration.putArray("correctiveEventIDs").add(ids.record(correction.itemId(), correction.sequence()));
        JsonNode reason = correction.facts().path("reason");
        if (reason.isTextual()) {
            declaration.put("salw:reason", reason.asText());
        }
    }
}
