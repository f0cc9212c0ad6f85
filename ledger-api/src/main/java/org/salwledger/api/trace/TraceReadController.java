package org.salwledger.api.trace;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.salwledger.core.command.Refusal;
import org.salwledger.api.read.StreamChain;
import org.salwledger.api.auth.Reader;
import org.salwledger.core.command.Role;
import org.salwledger.core.item.ItemIds;
import org.salwledger.core.trace.TraceAnswered;
import org.salwledger.projections.trace.TraceQueries;
import org.salwledger.api.evidence.EvidenceBundles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Trace requests and reports are confidential (docs/domain-rules.md rule 26): the requester and the requested
 * State's AUTHORITY read them; anyone else gets 404 as for a trace that does not exist. Every read,
 * let in or not, is recorded and shown with the trace. The trace's own records come with it, since the
 * log serves them sealed to everyone else: they are the parties' evidence of each step.
 */
@RestController
@RequestMapping("/api/v1/traces")
@Tag(name = "traces")
public class TraceReadController {
    private final TraceQueries traces;
    private final TraceReports reports;
    private final StreamChain chain;
    private final Clock clock;

    public record Trace(String traceId, String status, String requester, String requesterCountry, String requestedState,
                        String priority, String submittedAt, String acknowledgedAt, String answeredAt,
                        String delayedUntil, String useRestriction, JsonNode request, List<TraceQueries.Step> steps,
                        List<StreamChain.Entry> records, TraceReports.Report report, List<TraceQueries.Read> reads) {}

    public record TraceSummary(String traceId, String status, String requester, String requestedState, String priority,
                               String submittedAt) {}

    private final EvidenceBundles bundles;

    public TraceReadController(TraceQueries traces, TraceReports reports, StreamChain chain, Clock clock,
                               EvidenceBundles bundles) {
        this.bundles = bundles;
        this.traces = traces;
        this.reports = reports;
        this.chain = chain;
        this.clock = clock;
    }

    @GetMapping("/{traceId}")
    @Operation(summary = "The trace request, its steps and their signed records, the trace report with proofs, "
            + "and who read it")
    public Trace trace(@PathVariable String traceId, Reader reader) {
        TraceQueries.TraceView view = readByParty(traceId, reader);
        List<String> candidates = candidates(view);
        List<TraceQueries.Step> steps = traces.steps(traceId);
        return new Trace(traceId, view.status(), view.requester(), view.requesterCountry(), view.requestedState(),
                view.priority(), view.submittedAt(), view.acknowledgedAt(), view.answeredAt(), view.delayedUntil(),
                useRestriction(steps), view.request(), steps, chain.records(traceId), reports.report(candidates),
                traces.reads(traceId));
    }

    @GetMapping(path = "/{traceId}/evidence", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The trace's evidence bundle, for its parties: the trace's records, its candidate items' "
            + "records, the signers' actor records, envelopes and inclusion proofs against the published checkpoint "
            + "(docs/ledger-format.md §5.5; `ledger verify-bundle`)")
    public ResponseEntity<byte[]> evidence(@PathVariable String traceId, Reader reader) {
        TraceQueries.TraceView view = readByParty(traceId, reader);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-" + traceId + ".json\"")
                .body(bundles.forTrace(traceId, candidates(view)));
    }

    /** A trace is read by its requester and the requested State's authorities; every attempt is recorded. */
    private TraceQueries.TraceView readByParty(String traceId, Reader reader) {
        if (!ItemIds.isItemId(traceId)) {
            throw notFound(traceId);
        }
        TraceQueries.TraceView view = traces.find(traceId).orElseThrow(() -> notFound(traceId));
        boolean allowed = reader.actorId().equals(view.requester())
                || (reader.role() == Role.AUTHORITY && reader.country().equals(view.requestedState()));
        traces.recordRead(traceId, reader.actorId(), reader.role().name(), reader.country(), allowed, clock.instant());
        if (!allowed) {
            throw notFound(traceId);
        }
        return view;
    }

    private static List<String> candidates(TraceQueries.TraceView view) {
        List<String> candidates = new ArrayList<>();
        view.request().path("candidateItems").forEach(id -> candidates.add(id.asText()));
        return candidates;
    }

    /** The latest answer's restriction on the use of its information travels with every copy of the trace. */
    private static String useRestriction(List<TraceQueries.Step> steps) {
        String restriction = null;
        for (TraceQueries.Step step : steps) {
            if (step.type().equals(TraceAnswered.class.getSimpleName())) {
                restriction = step.facts().path("useRestriction").asText(null);
            }
        }
        return restriction;
    }

    @GetMapping
    @Operation(summary = "Trace requests the reader made, or addressed to its State (AUTHORITY)")
    public List<TraceSummary> mine(Reader reader) {
        String country = reader.role() == Role.AUTHORITY ? reader.country() : "--";
        return traces.visibleTo(reader.actorId(), country).stream().map(t -> new TraceSummary(t.traceId(), t.status(),
                t.requester(), t.requestedState(), t.priority(), t.submittedAt())).toList();
    }

    private static Refusal notFound(String traceId) {
        return Refusal.notFound("trace-not-found", "no trace request " + traceId + " that you may read");
    }
}
