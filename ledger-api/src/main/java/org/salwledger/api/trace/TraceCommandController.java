package org.salwledger.api.trace;

import org.salwledger.core.chain.NewStreamIds;
import org.salwledger.api.intake.Accepts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.salwledger.core.command.Refusal;
import org.salwledger.api.intake.CommandSubmitter;
import org.salwledger.api.intake.EnvelopeVerifier;
import org.salwledger.core.item.ItemIds;
import org.salwledger.core.trace.AcknowledgeTraceRequest;
import org.salwledger.core.trace.AnswerTraceRequest;
import org.salwledger.core.trace.ProvideTraceInformation;
import org.salwledger.core.trace.RequestTraceInformation;
import org.salwledger.core.trace.SubmitTraceRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping(path = "/api/v1/traces", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "traces", description = "ITI trace requests: signed DSSE envelopes")
public class TraceCommandController {
    private final EnvelopeVerifier verifier;
    private final CommandSubmitter submitter;
    private final TraceCandidates candidates;

    public TraceCommandController(EnvelopeVerifier verifier, CommandSubmitter submitter, TraceCandidates candidates) {
        this.verifier = verifier;
        this.submitter = submitter;
        this.candidates = candidates;
    }

    @Accepts(type = "SubmitTraceRequest", body = TraceCommands.SubmitTraceRequestBody.class)
    @PostMapping
    @Operation(summary = "SubmitTraceRequest by an AUTHORITY, LAW_ENFORCEMENT or INVESTIGATOR; the ledger matches "
            + "candidate items and names the requested State when the request does not; GET /traces/{id} is the report")
    public ResponseEntity<byte[]> submit(@RequestBody byte[] envelope) {
        var signed = verifier.verify(envelope, "SubmitTraceRequest", TraceCommands.SubmitTraceRequestBody.class);
        var b = signed.body();
        String traceId = NewStreamIds.trace(signed.envelopeHash());
        List<String> matched = candidates.match(b);
        String requestedState = candidates.requestedState(b.requestedState(), matched).orElse(null);
        return submitter.submit(signed, origin -> new SubmitTraceRequest(traceId, b.observedMarkings(), b.kind(),
                b.category(), b.calibre(), b.make(), b.model(), b.recoveredAt(), b.recoveredPlace(), b.circumstances(),
                b.illicitGrounds(), b.legalBasis(), b.intendedUse(), b.priority(), b.priorityJustification(),
                requestedState, matched, origin), requestedState == null ? Map.of("traceId", traceId)
                : Map.of("traceId", traceId, "requestedState", requestedState));
    }

    @Accepts(type = "AcknowledgeTraceRequest", body = TraceCommands.AcknowledgeTraceRequestBody.class)
    @PostMapping("/{traceId}/acknowledgement")
    @Operation(summary = "AcknowledgeTraceRequest by an AUTHORITY of the requested State")
    public ResponseEntity<byte[]> acknowledge(@PathVariable String traceId, @RequestBody byte[] envelope) {
        var signed = verifier.verify(envelope, "AcknowledgeTraceRequest", TraceCommands.AcknowledgeTraceRequestBody.class);
        samePath(traceId, signed.body().traceId());
        return submitter.submit(signed, origin -> new AcknowledgeTraceRequest(traceId, origin), Map.of("traceId", traceId));
    }

    @Accepts(type = "RequestTraceInformation", body = TraceCommands.RequestTraceInformationBody.class)
    @PostMapping("/{traceId}/information-request")
    @Operation(summary = "RequestTraceInformation by an AUTHORITY of the requested State: questions for the requester "
            + "(status INFO_REQUESTED until the requester provides)")
    public ResponseEntity<byte[]> requestInformation(@PathVariable String traceId, @RequestBody byte[] envelope) {
        var signed = verifier.verify(envelope, "RequestTraceInformation", TraceCommands.RequestTraceInformationBody.class);
        samePath(traceId, signed.body().traceId());
        return submitter.submit(signed, origin -> new RequestTraceInformation(traceId, signed.body().questions(), origin),
                Map.of("traceId", traceId));
    }

    @Accepts(type = "ProvideTraceInformation", body = TraceCommands.ProvideTraceInformationBody.class)
    @PostMapping("/{traceId}/information")
    @Operation(summary = "ProvideTraceInformation by the requester, answering the requested State's questions")
    public ResponseEntity<byte[]> provideInformation(@PathVariable String traceId, @RequestBody byte[] envelope) {
        var signed = verifier.verify(envelope, "ProvideTraceInformation", TraceCommands.ProvideTraceInformationBody.class);
        samePath(traceId, signed.body().traceId());
        return submitter.submit(signed, origin -> new ProvideTraceInformation(traceId, signed.body().information(),
                origin), Map.of("traceId", traceId));
    }

    @Accepts(type = "AnswerTraceRequest", body = TraceCommands.AnswerTraceRequestBody.class)
    @PostMapping("/{traceId}/answer")
    @Operation(summary = "AnswerTraceRequest by an AUTHORITY of the requested State: ANSWERED, ANSWERED_RESTRICTED, "
            + "DELAYED (reason, newDate), DECLINED (reason) or NOT_FOUND")
    public ResponseEntity<byte[]> answer(@PathVariable String traceId, @RequestBody byte[] envelope) {
        var signed = verifier.verify(envelope, "AnswerTraceRequest", TraceCommands.AnswerTraceRequestBody.class);
        var b = signed.body();
        samePath(traceId, b.traceId());
        return submitter.submit(signed, origin -> new AnswerTraceRequest(traceId, b.outcome(), b.information(), b.reason(),
                b.newDate(), b.identifiedItems(), b.useRestriction(), origin), Map.of("traceId", traceId));
    }

    private static void samePath(String path, String payload) {
        if (!path.equals(payload)) {
            throw Refusal.invalid("path-mismatch", "the path names trace " + path + ", the payload " + payload);
        }
        if (!ItemIds.isItemId(path)) {
            throw Refusal.notFound("trace-not-found", "no trace " + path);
        }
    }
}
