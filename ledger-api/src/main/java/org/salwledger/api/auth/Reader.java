package org.salwledger.api.auth;

import org.salwledger.core.command.Role;

/** The actor behind a bearer token, as reads need it. */
public record Reader(String actorId, Role role, String country) {
}
