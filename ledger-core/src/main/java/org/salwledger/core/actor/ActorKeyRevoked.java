package org.salwledger.core.actor;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

public record ActorKeyRevoked(String actorId, String keyId, String reason, String revokedAt, String revokedBy,
                              RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return revokedBy;
    }
}
