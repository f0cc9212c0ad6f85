package org.salwledger.core.actor;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

import java.util.List;

public record ActorCeasedBusiness(String actorId, String handedOverTo, int itemsHandedOver, String reason,
                                  List<String> revokedKeyIds, String recordedBy, RecordLink link) implements LedgerEvent {
    @Override
    public String statedBy() {
        return recordedBy;
    }
}
