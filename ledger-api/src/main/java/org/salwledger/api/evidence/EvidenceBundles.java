package org.salwledger.api.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import org.salwledger.api.auth.Reader;
import org.salwledger.api.log.CheckpointPublisher;
import org.salwledger.api.log.LogKey;
import org.salwledger.api.read.ReadAccess;
import org.salwledger.api.read.StreamChain;
import org.salwledger.core.actor.ActorStreams;
import org.salwledger.core.audit.EvidenceBundle;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.core.log.MerkleTree;
import org.salwledger.projections.composition.CompositionQueries;
import org.salwledger.projections.item.ItemQueries;
import org.salwledger.projections.log.LogStore;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds evidence bundles against the published checkpoint: the subject's streams (an item's, or a trace's
 * and its candidates'), then, to a fixed point, the stream of every actor whose key signed one of those records, so the bundle carries the keys its
 * signatures are checked against. Records written after the checkpoint are left out: everything in the
 * bundle is proven by that one checkpoint.
 */
@Component
public class EvidenceBundles {
    private final CheckpointPublisher checkpoints;
    private final LogStore log;
    private final LogKey key;
    private final StreamChain chain;
    private final ItemQueries items;
    private final CompositionQueries composition;
    private final ReadAccess access;

    public EvidenceBundles(CheckpointPublisher checkpoints, LogStore log, LogKey key, StreamChain chain,
                           ItemQueries items, CompositionQueries composition, ReadAccess access) {
        this.checkpoints = checkpoints;
        this.log = log;
        this.key = key;
        this.chain = chain;
        this.items = items;
        this.composition = composition;
        this.access = access;
    }

    /** An item's bundle: its stream, the identities linked to it and every part ever installed in it that the reader may read. */
    public byte[] forItem(String itemId, Reader reader) {
        Set<String> subjects = new LinkedHashSet<>(itemAndRelated(itemId, id -> access.canRead(reader, id)));
        return bundle(itemId, subjects);
    }

    /**
     * A trace's bundle, for its parties: the trace's own stream (confidential to them) and each candidate
     * item's streams, as the trace report shows them.
     */
    public byte[] forTrace(String traceId, List<String> candidates) {
        Set<String> subjects = new LinkedHashSet<>();
        subjects.add(traceId);
        candidates.forEach(candidate -> subjects.addAll(itemAndRelated(candidate, id -> true)));
        return bundle(traceId, subjects);
    }

    private List<String> itemAndRelated(String itemId, java.util.function.Predicate<String> readable) {
        List<String> streams = new ArrayList<>();
        streams.add(itemId);
        items.linkedItems(itemId).stream().filter(readable).forEach(streams::add);
        composition.partsEver(itemId).stream().filter(readable).forEach(streams::add);
        return streams;
    }

    private byte[] bundle(String subject, Set<String> subjects) {
        CheckpointPublisher.SignedCheckpoint published = checkpoints.published().orElseThrow(() ->
                Refusal.notFound("no-checkpoint", "no checkpoint is published yet to prove the records against"));
        MerkleTree tree = log.tree();
        List<EvidenceBundle.Entry> entries = new ArrayList<>();
        Map<String, JsonNode> envelopes = new LinkedHashMap<>();
        Set<String> done = new LinkedHashSet<>();
        Deque<String> streams = new ArrayDeque<>(subjects);
        while (!streams.isEmpty()) {
            String stream = streams.poll();
            if (!done.add(stream)) {
                continue;
            }
            for (StreamChain.Entry entry : chain.records(stream)) {
                long sequence = entry.record().path("sequence").asLong();
                Optional<LogStore.Leaf> leaf = log.leaf(stream, sequence);
                if (leaf.isEmpty() || leaf.get().index() >= published.size()) {
                    break;
                }
                entries.add(new EvidenceBundle.Entry(leaf.get().index(), entry.record(),
                        tree.inclusionProof(leaf.get().index(), published.size())));
                if (entry.envelope() != null) {
                    envelopes.put(entry.record().path("envelopeHash").asText(), entry.envelope());
                    streams.add(ActorStreams.of(signer(entry.envelope())));
                }
            }
        }
        if (entries.stream().noneMatch(e -> e.record().path("stream").asText().equals(subject))) {
            throw Refusal.notFound("not-in-log", subject + " is not under the published checkpoint yet");
        }
        entries.sort(Comparator.comparingLong(EvidenceBundle.Entry::index));
        return EvidenceBundle.write(subject, key.origin(), key.verifierKey().encode(), published.note(), entries, envelopes);
    }

    private static String signer(JsonNode envelope) {
        try {
            return CanonicalJson.mapper().readTree(Base64.getDecoder().decode(envelope.path("payload").asText()))
                    .path("actor").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
