package org.salwledger.core.item.event;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

/** {@code itemId} and {@code sameAs} are one physical item; recorded on both streams. */
public record IdentityLinked(String itemId, String sameAs, String evidence, String linkedBy, RecordLink link)
        implements LedgerEvent {
    @Override
    public String statedBy() {
        return linkedBy;
    }
}
