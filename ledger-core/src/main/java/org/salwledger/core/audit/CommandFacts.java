package org.salwledger.core.audit;

import org.salwledger.core.chain.NewStreamIds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A record's facts come from the signed command that caused it (docs/ledger-format.md §3.1): the
 * command's type may cause the record's type; every fact named like a member of the command has that
 * member's value; every fact naming who stated it ({@code …By}, the manufacturer, the sender, the
 * requester …) is the command's actor; and the record occurred when the command says. Facts the
 * ledger derives itself (ids, countries, custodians, hashes) are not in the command and are checked
 * by the chain and by later records, not here.
 */
final class CommandFacts {
    /** Which records each signed command type may cause. */
    static final Map<String, Set<String>> RECORDS = Map.ofEntries(
            Map.entry("RegisterActor", Set.of("ActorRegistered")),
            Map.entry("RotateActorKey", Set.of("ActorKeyRotated")),
            Map.entry("RevokeActorKey", Set.of("ActorKeyRevoked")),
            Map.entry("CeaseBusiness", Set.of("ActorCeasedBusiness", "ItemHandedOver")),
            Map.entry("ManufactureItem", Set.of("ItemManufactured")),
            Map.entry("MarkItem", Set.of("ItemMarked")),
            Map.entry("ReportLost", Set.of("ItemLost")),
            Map.entry("ReportStolen", Set.of("ItemStolen")),
            Map.entry("ReportRecovered", Set.of("ItemRecovered", "ItemRecoveredAfterDestruction", "PartDetached",
                    "ItemDetachedFrom")),
            Map.entry("SeizeItem", Set.of("ItemSeized")),
            Map.entry("DeactivateItem", Set.of("ItemDeactivated")),
            Map.entry("DestroyItem", Set.of("ItemDestroyed")),
            Map.entry("RegisterUnmarkedItem", Set.of("ItemRegisteredUnmarked")),
            Map.entry("TransformItem", Set.of("ItemTransformed")),
            Map.entry("CorrectRecord", Set.of("RecordCorrected")),
            Map.entry("LinkIdentity", Set.of("IdentityLinked")),
            Map.entry("AssemblePart", Set.of("PartAssembled", "ItemAssembledInto")),
            Map.entry("DetachPart", Set.of("PartDetached", "ItemDetachedFrom")),
            Map.entry("DispatchTransfer", Set.of("TransferDispatched", "ItemDispatched")),
            Map.entry("ReceiveTransfer", Set.of("TransferReceived", "ItemReceived", "ItemLost")),
            Map.entry("RejectTransfer", Set.of("TransferRejected", "ItemReturned")),
            Map.entry("SubmitTraceRequest", Set.of("TraceRequested")),
            Map.entry("AcknowledgeTraceRequest", Set.of("TraceAcknowledged")),
            Map.entry("RequestTraceInformation", Set.of("TraceInformationRequested")),
            Map.entry("ProvideTraceInformation", Set.of("TraceInformationProvided")),
            Map.entry("AnswerTraceRequest", Set.of("TraceAnswered")));

    /** Facts that name the actor who stated the record: they must be the command's actor. */
    static final Set<String> STATED_BY = Set.of("registeredBy", "rotatedBy", "revokedBy", "recordedBy", "markedBy",
            "reportedBy", "recoveredBy", "seizedBy", "transformedBy", "correctedBy", "linkedBy", "assembledBy",
            "detachedBy", "acknowledgedBy", "requestedBy", "providedBy", "answeredBy", "manufacturer");

    /**
     * Command members not copied into the records they cause: the envelope's header, and {@code itemId},
     * because a command on a host also records on the parts installed in it (each record's itemId is its
     * own stream, checked below).
     */
    private static final Set<String> NOT_COPIED = Set.of("type", "actor", "nonce", "issuedAt", "occurredAt", "itemId");

    private CommandFacts() {}

    /** The records that open a new stream, and the prefix its id derives from (docs §2). */
    static final Map<String, String> NEW_STREAM_PREFIX = Map.of("ItemManufactured", NewStreamIds.ITEM,
            "ItemRegisteredUnmarked", NewStreamIds.ITEM, "TransferDispatched", NewStreamIds.TRANSFER,
            "TraceRequested", NewStreamIds.TRACE);

    /** Null when the record is what the command implies, else what is wrong. */
    static String problem(ObjectNode record, JsonNode command, String envelopeHash) {
        String commandType = command.path("type").asText();
        String recordType = record.path("type").asText();
        Set<String> allowed = RECORDS.get(commandType);
        if (allowed == null || !allowed.contains(recordType)) {
            return "its envelope is a " + commandType + " command, which does not cause " + recordType + " records";
        }
        String prefix = NEW_STREAM_PREFIX.get(recordType);
        if (prefix != null) {
            String expected = NewStreamIds.of(prefix, envelopeHash);
            if (!expected.equals(record.path("stream").asText())) {
                return "it opens stream " + record.path("stream").asText() + ", but its envelope names " + expected;
            }
        }
        String actor = command.path("actor").asText();
        JsonNode facts = record.path("facts");
        String stream = record.path("stream").asText();
        String own = recordType.startsWith("Transfer") ? "transferId" : "itemId";
        if (facts.has(own) && !facts.path(own).asText().equals(stream)) {
            return "its fact '" + own + "' is " + facts.path(own) + ", but it is a record of stream " + stream;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = facts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> fact = it.next();
            String name = fact.getKey();
            if (STATED_BY.contains(name) && !fact.getValue().asText().equals(actor)) {
                return "its fact '" + name + "' is " + fact.getValue() + ", but " + actor + " signed the command";
            }
            JsonNode stated = command.get(name);
            if (stated != null && !NOT_COPIED.contains(name) && !sameJson(stated, fact.getValue())) {
                return "its fact '" + name + "' is " + fact.getValue() + ", but the signed command says " + stated;
            }
        }
        String occurred = command.hasNonNull("occurredAt") ? command.path("occurredAt").asText()
                : command.path("issuedAt").asText();
        try {
            Instant expected = Instant.parse(occurred).truncatedTo(ChronoUnit.MILLIS);
            if (!expected.equals(Instant.parse(record.path("occurredAt").asText()))) {
                return "it occurred at " + record.path("occurredAt").asText() + ", but the signed command says " + expected;
            }
        } catch (DateTimeParseException e) {
            return "its occurredAt is not a time: " + e.getMessage();
        }
        return null;
    }

    /** Equal as JSON values: both sides come from one parser, so equal texts give equal node types. */
    private static boolean sameJson(JsonNode a, JsonNode b) {
        return a.equals(b);
    }
}
