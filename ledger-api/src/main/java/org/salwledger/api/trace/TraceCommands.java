package org.salwledger.api.trace;

import org.salwledger.core.item.description.ItemKind;
import org.salwledger.core.item.description.WeaponCategory;
import org.salwledger.core.item.marking.ObservedMarking;
import org.salwledger.core.trace.IllicitGround;
import org.salwledger.core.trace.TraceOutcome;
import org.salwledger.core.trace.TracePriority;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Bodies of the trace commands as signers send them, besides the common header. */
public final class TraceCommands {
    private TraceCommands() {}

    public record SubmitTraceRequestBody(List<ObservedMarking> observedMarkings, ItemKind kind, WeaponCategory category,
                                         String calibre, String make, String model, Instant recoveredAt,
                                         String recoveredPlace, String circumstances, List<IllicitGround> illicitGrounds,
                                         String legalBasis, String intendedUse, TracePriority priority,
                                         String priorityJustification, String requestedState) {}

    public record AcknowledgeTraceRequestBody(String traceId) {}

    public record RequestTraceInformationBody(String traceId, String questions) {}

    public record ProvideTraceInformationBody(String traceId, String information) {}

    public record AnswerTraceRequestBody(String traceId, TraceOutcome outcome, String information, String reason,
                                         LocalDate newDate, List<String> identifiedItems, String useRestriction) {}
}
