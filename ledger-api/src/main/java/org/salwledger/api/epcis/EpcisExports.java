package org.salwledger.api.epcis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.salwledger.api.auth.Reader;
import org.salwledger.api.log.LogKey;
import org.salwledger.api.read.ReadAccess;
import org.salwledger.api.read.VerifiedHistory;
import org.salwledger.core.epcis.EpcisDocument;
import org.salwledger.core.epcis.EpcisExport;
import org.salwledger.core.epcis.EpcisIds;
import org.salwledger.core.epcis.EpcisRecord;
import org.salwledger.projections.item.ItemQueries;
import org.salwledger.projections.item.ItemQueries.RecordedCursor;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * EPCIS documents of custody records: an item's whole stream, or a window of every item's records in pages,
 * each record only as far as the reader may read its item and only from a history the event store's verified
 * chain confirms.
 */
@Component
public class EpcisExports {
    /** A page of a window, and where the next one starts (null on the last). */
    public record Page(ObjectNode document, RecordedCursor next) {}

    private final EpcisIds ids;
    private final EpcisExport export;
    private final VerifiedHistory history;
    private final ItemQueries items;
    private final ReadAccess access;

    public EpcisExports(LogKey key, VerifiedHistory history, ItemQueries items, ReadAccess access) {
        this.ids = EpcisIds.forOrigin(key.origin());
        this.export = new EpcisExport(ids);
        this.history = history;
        this.items = items;
        this.access = access;
    }

    public EpcisIds ids() {
        return ids;
    }

    public ObjectNode forItem(String itemId) {
        List<EpcisRecord> records = history.of(itemId).stream().map(EpcisExports::record).toList();
        if (records.isEmpty()) {
            throw ReadAccess.itemNotFound(itemId);
        }
        return EpcisDocument.of(ids, Instant.now(), export.events(records, stream -> records, true));
    }

    public Page window(Instant from, Instant to, RecordedCursor after, int perPage, Reader reader) {
        // Whole-second text bounds that cover [from, to): see ItemQueries.recordedBetween.
        String lower = from.truncatedTo(ChronoUnit.SECONDS).toString().substring(0, 19);
        String upper = to.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString().substring(0, 19);
        List<ItemQueries.HistoryEntry> rows = items.recordedBetween(lower, upper, after, perPage);
        RecordedCursor next = rows.size() < perPage ? null : cursor(rows.get(rows.size() - 1));
        Map<String, Boolean> readable = new HashMap<>();
        Map<String, List<EpcisRecord>> streams = new HashMap<>();
        List<EpcisRecord> records = rows.stream()
                .filter(row -> {
                    Instant at = Instant.parse(row.recordedAt());
                    return !at.isBefore(from) && at.isBefore(to);
                })
                .filter(row -> readable.computeIfAbsent(row.itemId(), id -> access.canRead(reader, id)))
                .sorted(Comparator.comparing((ItemQueries.HistoryEntry row) -> Instant.parse(row.recordedAt()))
                        .thenComparing(ItemQueries.HistoryEntry::itemId).thenComparingLong(ItemQueries.HistoryEntry::sequence))
                .map(EpcisExports::record).toList();
        // Every item on the page is checked against its verified chain before any of its records is served.
        records.forEach(r -> streams.computeIfAbsent(r.itemId(),
                id -> history.of(id).stream().map(EpcisExports::record).toList()));
        return new Page(EpcisDocument.of(ids, Instant.now(), export.events(records, streams::get, false)), next);
    }

    private static RecordedCursor cursor(ItemQueries.HistoryEntry row) {
        return new RecordedCursor(row.recordedAt(), row.itemId(), row.sequence());
    }

    private static EpcisRecord record(ItemQueries.HistoryEntry entry) {
        String occurred = entry.occurredAt() == null ? entry.recordedAt() : entry.occurredAt();
        return new EpcisRecord(entry.itemId(), entry.sequence(), entry.type(), occurred, entry.recordedAt(),
                entry.facts(), entry.recordHash(), entry.correctedIn());
    }
}
