package org.salwledger.api.trace;

import com.fasterxml.jackson.databind.JsonNode;
import org.salwledger.api.log.CheckpointPublisher;
import org.salwledger.api.store.ProtectedFacts;
import org.salwledger.core.log.MerkleTree;
import org.salwledger.core.trace.PointOfDiversion;
import org.salwledger.projections.composition.CompositionQueries;
import org.salwledger.projections.item.ItemQueries;
import org.salwledger.projections.log.LogStore;
import org.salwledger.projections.transfer.TransferQueries;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The trace report, built from records alone: for each candidate its custody chain, last legal
 * custodian and point of diversion, and every record's hash with an inclusion proof against a signed
 * checkpoint, so the report stands as evidence without trusting whoever forwards it.
 */
@Component
public class TraceReports {
    private final ItemQueries items;
    private final LogStore log;
    private final CheckpointPublisher checkpoints;
    private final TransferQueries transfers;
    private final ProtectedFacts protectedFacts;
    private final CompositionQueries composition;

    public record Proof(Long leafIndex, Long treeSize, List<String> inclusionProof) {}

    public record CustodyFact(String itemId, long sequence, String type, String actor, String occurredAt,
                              String recordedAt, JsonNode facts, String recordHash, Proof proof) {}

    /**
     * One item the observed markings match. {@code installedIn}: the weapon a matched part (a
     * fire-control unit, a frame) is installed in now; {@code formerlyInstalledIn}: the one it was last
     * taken from, and when, if it sits in none now; its markings include a weapon's identity
     * component's.
     */
    public record Candidate(String itemId, String kind, String partType, String status, String custodian, String make,
                            String model, String calibre, String category, String manufacturer,
                            String countryOfManufacture, Weapon installedIn, Weapon formerlyInstalledIn,
                            List<ItemQueries.Marking> markings,
                            String lastLegalCustodian, String lastLegalCustodianLicence,
                            PointOfDiversion pointOfDiversion, List<CustodyFact> custodyChain) {}

    public record Weapon(String itemId, String kind, String category, String make, String model, String calibre,
                         Instant detachedAt) {}

    public record Report(String checkpoint, List<Candidate> candidates) {}

    public TraceReports(ItemQueries items, LogStore log, CheckpointPublisher checkpoints, TransferQueries transfers,
                        ProtectedFacts protectedFacts, CompositionQueries composition) {
        this.items = items;
        this.composition = composition;
        this.log = log;
        this.checkpoints = checkpoints;
        this.transfers = transfers;
        this.protectedFacts = protectedFacts;
    }

    public Report report(List<String> candidateIds) {
        var latest = checkpoints.published();
        String note = latest.map(CheckpointPublisher.SignedCheckpoint::note).orElse(null);
        long size = latest.map(CheckpointPublisher.SignedCheckpoint::size).orElse(0L);
        MerkleTree tree = log.tree();
        List<Candidate> candidates = new ArrayList<>();
        for (String itemId : candidateIds) {
            items.find(itemId).ifPresent(view -> candidates.add(candidate(view, tree, size)));
        }
        return new Report(note, candidates);
    }

    private Candidate candidate(ItemQueries.ItemView view, MerkleTree tree, long size) {
        List<ItemQueries.HistoryEntry> ownHistory = items.history(view.itemId());
        List<ItemQueries.HistoryEntry> history = new ArrayList<>(ownHistory);
        // A linked identity is the same physical item: its records are part of the chain.
        items.linkedItems(view.itemId()).forEach(id -> history.addAll(items.history(id)));
        history.sort(ItemQueries.HistoryEntry.IN_RECORDED_ORDER);
        List<CustodyFact> chain = history.stream().map(e -> new CustodyFact(e.itemId(), e.sequence(), e.type(), e.actor(),
                e.occurredAt(), e.recordedAt(), e.correctedFacts() != null ? e.correctedFacts() : e.facts(),
                e.recordHash(), proof(e.itemId(), e.sequence(), tree, size))).toList();
        List<PointOfDiversion.Fact> own = ownHistory.stream()
                .map(e -> new PointOfDiversion.Fact(e.sequence(), e.type(), e.facts(), e.recordHash(), e.occurredAt()))
                .toList();
        PointOfDiversion diversion = PointOfDiversion.in(own, view.status()).orElse(null);
        Weapon weapon = view.installedIn() == null ? null : weapon(view.installedIn(), null);
        Weapon former = view.installedIn() != null ? null : composition.lastDetachment(view.itemId())
                .map(d -> weapon(d.hostId(), d.detachedAt())).orElse(null);
        return new Candidate(view.itemId(), view.kind(), view.partType(), view.status(), view.custodian(), view.make(),
                view.model(), view.calibre(), view.category(), view.manufacturer(), view.countryOfManufacture(), weapon, former,
                view.markings(), diversion == null ? null : diversion.lastLegalCustodian(),
                diversion == null ? null : licenceOf(ownHistory, diversion), diversion, chain);
    }

    private Weapon weapon(String hostId, Instant detachedAt) {
        return items.find(hostId).map(host -> new Weapon(host.itemId(), host.kind(), host.category(), host.make(),
                host.model(), host.calibre(), detachedAt)).orElse(null);
    }

    /**
     * The civilian end user's licence under which the last legal custodian held the item: the one the
     * STATE_TO_CIVILIAN transfer that brought it there committed to. A trace report is read by its
     * parties only (the requester and the requested State), who may see it.
     */
    private String licenceOf(List<ItemQueries.HistoryEntry> history, PointOfDiversion diversion) {
        for (int i = history.size() - 1; i >= 0; i--) {
            ItemQueries.HistoryEntry entry = history.get(i);
            if (entry.sequence() < diversion.sequence() && entry.type().equals("ItemReceived")
                    && entry.facts().path("custodian").asText().equals(diversion.lastLegalCustodian())) {
                if (!entry.facts().path("transferKind").asText().equals("STATE_TO_CIVILIAN")) {
                    return null;
                }
                return transfers.find(entry.facts().path("transferId").asText())
                        .flatMap(t -> protectedFacts.licenceReference(t.licenceCommitment())).orElse(null);
            }
        }
        return null;
    }

    private Proof proof(String stream, long sequence, MerkleTree tree, long size) {
        return log.leaf(stream, sequence).filter(leaf -> leaf.index() < size)
                .map(leaf -> new Proof(leaf.index(), size, tree.inclusionProof(leaf.index(), size).stream()
                        .map(Base64.getEncoder()::encodeToString).toList()))
                .orElse(new Proof(null, null, List.of()));
    }
}
