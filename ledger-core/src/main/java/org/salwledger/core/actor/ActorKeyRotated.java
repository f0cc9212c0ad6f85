package org.salwledger.core.actor;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

import java.util.List;

public record ActorKeyRotated(String actorId, String publicKey, String keyId, String validFrom,
                              List<String> retiredKeyIds, String rotatedBy, RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return rotatedBy;
    }
}
