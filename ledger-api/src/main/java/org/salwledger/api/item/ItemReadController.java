package org.salwledger.api.item;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.salwledger.core.command.Refusal;
import org.salwledger.api.auth.Reader;
import org.salwledger.projections.composition.CompositionQueries;
import org.salwledger.projections.item.ItemQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

import org.salwledger.api.item.MarkSearchService.MarkSearch;
import org.salwledger.api.item.MarkSearchService.MarkSearchRequest;

import org.salwledger.api.evidence.EvidenceBundles;
import org.salwledger.api.read.ReadAccess;
import org.salwledger.api.read.StreamChain;
import org.salwledger.api.read.VerifiedHistory;
/** Item reads; an item the reader may not see answers exactly like an item that does not exist. */
@RestController
@RequestMapping("/api/v1/items")
@Tag(name = "items")
public class ItemReadController {
    private final ItemQueries items;
    private final ReadAccess access;
    private final StreamChain chain;
    private final CompositionQueries compositions;
    private final MarkSearchService search;

    public record History(String itemId, List<String> linkedItems, List<ItemQueries.HistoryEntry> events) {}


    public record Composition(String itemId, String at, List<CompositionQueries.InstalledPart> parts) {}

    private final VerifiedHistory history;

    private final EvidenceBundles bundles;

    public ItemReadController(ItemQueries items, ReadAccess access, StreamChain chain, CompositionQueries compositions,
                              MarkSearchService search, VerifiedHistory history, EvidenceBundles bundles) {
        this.bundles = bundles;
        this.history = history;
        this.search = search;
        this.items = items;
        this.access = access;
        this.chain = chain;
        this.compositions = compositions;
    }

    @GetMapping("/{itemId}")
    @Operation(summary = "Current state of an item with its markings")
    public ItemQueries.ItemView item(@PathVariable String itemId, Reader reader) {
        visible(itemId, reader);
        return items.find(itemId).orElseThrow(() -> ReadAccess.itemNotFound(itemId));
    }

    @GetMapping("/{itemId}/history")
    @Operation(summary = "The item's timeline: when, who, what, the facts, the record hash")
    public History history(@PathVariable String itemId, Reader reader) {
        visible(itemId, reader);
        List<String> linked = items.linkedItems(itemId);
        List<ItemQueries.HistoryEntry> events = new java.util.ArrayList<>(history.of(itemId));
        // Linked identities are one physical item: their histories join, in the order they were recorded.
        linked.stream().filter(id -> access.canRead(reader, id)).forEach(id -> events.addAll(history.of(id)));
        // A weapon's marks are on its identity component: they are part of the weapon's timeline.
        var identityMarks = items.identityMarkRecords(itemId);
        identityMarks.forEach((part, sequences) -> history.of(part).stream()
                .filter(e -> sequences.contains(e.sequence())).forEach(events::add));
        if (!linked.isEmpty() || !identityMarks.isEmpty()) {
            events.sort(ItemQueries.HistoryEntry.IN_RECORDED_ORDER);
        }
        return new History(itemId, linked, events);
    }

    @GetMapping("/{itemId}/chain")
    @Operation(summary = "The item's ledger records, hashes and signed envelopes, for verification")
    public StreamChain.Chain itemChain(@PathVariable String itemId, Reader reader) {
        visible(itemId, reader);
        return chain.of(itemId);
    }

    @GetMapping(path = "/{itemId}/evidence", produces = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The item's evidence bundle: its records, its linked identities' and parts' records, the "
            + "signers' actor records, their envelopes and an inclusion proof for each against the published "
            + "(witness-cosigned) checkpoint; canonical JSON, verified offline by `ledger verify-bundle`")
    public org.springframework.http.ResponseEntity<byte[]> evidence(@PathVariable String itemId, Reader reader) {
        visible(itemId, reader);
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"evidence-" + itemId + ".json\"")
                .body(bundles.forItem(itemId, reader));
    }

    @GetMapping("/{itemId}/composition")
    @Operation(summary = "The parts installed in the item at an instant (RFC 3339; default now)")
    public Composition composition(@PathVariable String itemId, @RequestParam(name = "at", required = false) String at,
                                   Reader reader) {
        visible(itemId, reader);
        Instant instant;
        try {
            instant = at == null ? Instant.now() : Instant.parse(at);
        } catch (java.time.format.DateTimeParseException e) {
            throw Refusal.invalid("invalid-query", "'at' must be an RFC 3339 UTC time, got " + at);
        }
        return new Composition(itemId, instant.toString(), compositions.partsAt(itemId, instant));
    }

    @GetMapping
    @Operation(summary = "Find items by what is left of a marking: '?' one unreadable character, '*' an unknown run; "
            + "case, spaces, dashes, dots and slashes ignored; look-alikes (O/0, I/1, S/5, B/8, Z/2, Cyrillic and Greek) "
            + "match below exact matches. Ranked, paged, filterable.")
    public MarkSearch byMark(@RequestParam("mark") String mark,
                             @RequestParam(name = "manufacturer", required = false) String manufacturer,
                             @RequestParam(name = "country", required = false) String country,
                             @RequestParam(name = "category", required = false) String category,
                             @RequestParam(name = "calibre", required = false) String calibre,
                             @RequestParam(name = "kind", required = false) String kind,
                             @RequestParam(name = "page", defaultValue = "0") int page,
                             @RequestParam(name = "size", defaultValue = "20") int size,
                             Reader reader) {
        return search.search(new MarkSearchRequest(mark, manufacturer, country, category, calibre, kind, page, size),
                reader);
    }

    private void visible(String itemId, Reader reader) {
        ItemPaths.require(itemId);
        access.requireReadable(reader, itemId);
    }
}
