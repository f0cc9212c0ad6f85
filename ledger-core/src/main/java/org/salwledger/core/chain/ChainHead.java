package org.salwledger.core.chain;

import org.salwledger.core.command.CommandOrigin;

import java.util.function.Function;

/**
 * The tip of one stream's hash chain, kept by its aggregate. Sealing builds the next record from
 * the event's facts, so an aggregate never hand-assembles a hash.
 */
public record ChainHead(String stream, long nextSequence, String lastHash) {

    public static ChainHead start(String stream) {
        return new ChainHead(stream, 0, LedgerRecords.GENESIS);
    }

    /** Builds the event twice: once without a link to read its facts, once with the sealed link. */
    public <E extends LedgerEvent> E seal(Function<RecordLink, E> event, CommandOrigin origin) {
        E draft = event.apply(null);
        String recordedAt = origin.recordedAtText();
        var record = LedgerRecords.record(stream, nextSequence, LedgerRecords.typeOf(draft),
                LedgerRecords.factsOf(draft), origin.envelopeHash(), recordedAt, lastHash);
        RecordLink link = new RecordLink(stream, nextSequence, origin.envelopeHash(), recordedAt, lastHash,
                LedgerRecords.hash(record));
        return event.apply(link);
    }

    public ChainHead after(RecordLink link) {
        return new ChainHead(link.stream(), link.sequence() + 1, link.hash());
    }
}
