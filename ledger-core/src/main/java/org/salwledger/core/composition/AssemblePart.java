package org.salwledger.core.composition;

import org.salwledger.core.command.CommandOrigin;

/** Installs a part (a frame, slide, barrel, fire-control unit...) into a host item; same custodian for both. */
public record AssemblePart(String hostId, String partId, CommandOrigin origin) {
}
