package org.salwledger.core.actor;

import java.util.List;

/**
 * The write side's knowledge of who holds which item, updated in the same transaction as the events
 * that move custody. Used by rules about an actor's whole holding (ITI 13).
 */
public interface CustodyRegister {
    List<String> itemsHeldBy(String actorId);
}
