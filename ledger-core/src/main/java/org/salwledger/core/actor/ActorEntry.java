package org.salwledger.core.actor;


import org.salwledger.core.command.Role;
/** What the write side needs to know of a registered actor to accept its commands. */
public record ActorEntry(String actorId, String name, Role role, String country) {
}
