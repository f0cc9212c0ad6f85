package org.salwledger.core.actor;

import org.salwledger.core.command.CommandOrigin;

/**
 * ITI 13: an actor that goes out of business. Refused while it still holds items, unless the same
 * command hands them to {@code handOverTo}, an AUTHORITY of the actor's country.
 */
public record CeaseBusiness(String actorId, String handOverTo, String reason, CommandOrigin origin) {
}
