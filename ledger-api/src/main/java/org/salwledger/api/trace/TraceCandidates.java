package org.salwledger.api.trace;

import com.fasterxml.jackson.databind.JsonNode;
import org.salwledger.api.item.MarkSearchService;
import org.salwledger.api.trace.TraceCommands.SubmitTraceRequestBody;
import org.salwledger.core.item.marking.MarkText;
import org.salwledger.core.item.marking.ObservedMarking;
import org.salwledger.projections.item.ItemQueries;
import org.salwledger.projections.search.MarkSearchQueries;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a trace request's observed markings against every marking on the ledger, best first, and
 * names the State to ask: the one that import-marked the best candidate last, else its country of
 * manufacture (docs/domain-rules.md rule 24).
 */
@Component
public class TraceCandidates {
    static final int MAX_CANDIDATES = 10;

    private final MarkSearchService search;
    private final ItemQueries items;

    public TraceCandidates(MarkSearchService search, ItemQueries items) {
        this.search = search;
        this.items = items;
    }

    public List<String> match(SubmitTraceRequestBody request) {
        List<MarkSearchQueries.Hit> hits = new ArrayList<>();
        for (ObservedMarking marking : request.observedMarkings() == null ? List.<ObservedMarking>of()
                : request.observedMarkings()) {
            if (marking == null || marking.text() == null || known(marking.text()) < 2) {
                continue;
            }
            hits.addAll(search.candidates(marking.text(), MAX_CANDIDATES * 3));
        }
        // One candidate per weapon: its parts may all carry its serial; the identity component stands for it.
        Map<String, MarkSearchQueries.Hit> best = new LinkedHashMap<>();
        hits.stream().filter(hit -> fits(hit, request))
                .sorted(Comparator.comparing(MarkSearchQueries.Hit::match).thenComparingInt(MarkSearchQueries.Hit::unknowns)
                        .thenComparing(hit -> isIdentityComponent(hit) ? 0 : 1)
                        .thenComparing(MarkSearchQueries.Hit::itemId))
                .forEach(hit -> best.putIfAbsent(hit.host() == null ? hit.itemId() : hit.host().itemId(),
                        hit));
        return best.values().stream().map(MarkSearchQueries.Hit::itemId).distinct().limit(MAX_CANDIDATES).toList();
    }

    private static boolean isIdentityComponent(MarkSearchQueries.Hit hit) {
        return hit.host() != null && hit.partType() != null
                && hit.partType().equals(hit.host().identityComponent());
    }

    /**
     * What the requester stated about the item must not contradict the candidate, or the weapon it is
     * installed in (or was last taken from): a trace that names a pistol finds it through the serial on
     * its fire-control unit, also when the unit was found alone.
     */
    private static boolean fits(MarkSearchQueries.Hit hit, SubmitTraceRequestBody request) {
        MarkSearchQueries.Host host = hit.host();
        return fits(request, hit.kind(), hit.category(), hit.calibre())
                || host != null && fits(request, host.kind(), host.category(), host.calibre());
    }

    private static boolean fits(SubmitTraceRequestBody request, String kind, String category, String calibre) {
        return (request.kind() == null || request.kind().name().equals(kind))
                && (request.category() == null || category == null || request.category().name().equals(category))
                && (request.calibre() == null || calibre == null || request.calibre().equalsIgnoreCase(calibre));
    }

    private static long known(String text) {
        return MarkText.normalize(text).chars().filter(c -> c != MarkText.ONE_UNKNOWN && c != MarkText.UNKNOWN_RUN).count();
    }

    /** The State the request names, else the best candidate's; empty when neither (the trace refuses). */
    public Optional<String> requestedState(String stated, List<String> candidates) {
        if (stated != null) {
            return Optional.of(stated);
        }
        return candidates.stream().findFirst().flatMap(this::stateOf);
    }

    /**
     * The State that import-marked the item last — on the item, on the weapon it is installed in, or on
     * that weapon's identity component, where a weapon's marks live — else its country of manufacture.
     */
    private Optional<String> stateOf(String itemId) {
        List<String> carriers = new ArrayList<>(List.of(itemId));
        items.hostOf(itemId).ifPresent(carriers::add);
        List.copyOf(carriers).forEach(id -> items.identityComponentOf(id).filter(c -> !carriers.contains(c))
                .ifPresent(carriers::add));
        List<ItemQueries.HistoryEntry> marks = new ArrayList<>();
        carriers.forEach(id -> marks.addAll(items.history(id)));
        marks.sort(ItemQueries.HistoryEntry.IN_RECORDED_ORDER);
        for (int i = marks.size() - 1; i >= 0; i--) {
            ItemQueries.HistoryEntry entry = marks.get(i);
            JsonNode facts = entry.correctedFacts() != null ? entry.correctedFacts() : entry.facts();
            if (entry.type().equals("ItemMarked") && "IMPORT".equals(facts.path("markType").asText())
                    && facts.hasNonNull("country")) {
                return Optional.of(facts.get("country").asText());
            }
        }
        return items.find(itemId).map(ItemQueries.ItemView::countryOfManufacture);
    }
}
