package org.salwledger.api.session;

import org.salwledger.core.actor.Role;

/** The actor behind a bearer token, as reads need it. */
public record Reader(String actorId, Role role, String country) {
}
