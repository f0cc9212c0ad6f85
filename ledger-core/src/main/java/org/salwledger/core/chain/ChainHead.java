package org.salwledger.core.chain;

import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.command.Refusal;

import java.time.Instant;
import java.util.function.Function;

/**
 * The tip of one stream's hash chain, kept by its aggregate. Sealing builds the next record from
 * the event's facts, so an aggregate never hand-assembles a hash. It also keeps a stream's facts in
 * the order they happened: a late entry may not predate the stream's previous fact (docs/domain-rules.md 16).
 */
public record ChainHead(String stream, long nextSequence, String lastHash, String lastOccurredAt) {

    public static ChainHead start(String stream) {
        return new ChainHead(stream, 0, LedgerRecords.GENESIS, null);
    }

    /** Builds the event twice: once without a link to read its facts, once with the sealed link. */
    public <E extends LedgerEvent> E seal(Function<RecordLink, E> event, CommandOrigin origin) {
        String occurredAt = origin.occurredAtText();
        if (lastOccurredAt != null && origin.occurredAt().isBefore(Instant.parse(lastOccurredAt))) {
            throw Refusal.unprocessable("occurred-before-previous-fact", "occurredAt " + occurredAt
                    + " is before the previous fact recorded for " + stream + " (" + lastOccurredAt + ")");
        }
        E draft = event.apply(null);
        String recordedAt = origin.recordedAtText();
        var record = LedgerRecords.record(stream, nextSequence, LedgerRecords.typeOf(draft),
                LedgerRecords.factsOf(draft), origin.envelopeHash(), occurredAt, recordedAt, lastHash);
        RecordLink link = new RecordLink(stream, nextSequence, origin.envelopeHash(), occurredAt, recordedAt, lastHash,
                LedgerRecords.hash(record));
        return event.apply(link);
    }

    public ChainHead after(RecordLink link) {
        return new ChainHead(link.stream(), link.sequence() + 1, link.hash(), link.occurredAt());
    }
}
