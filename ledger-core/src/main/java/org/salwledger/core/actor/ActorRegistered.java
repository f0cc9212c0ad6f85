package org.salwledger.core.actor;

import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.RecordLink;

import org.salwledger.core.command.Role;
public record ActorRegistered(String actorId, String name, Role role, String country, String publicKey,
                              String keyId, String validFrom, String registeredBy, RecordLink link)
        implements LedgerEvent {
    @Override
    public String statedBy() {
        return registeredBy;
    }
}
