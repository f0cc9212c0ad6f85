package org.salwledger.core.composition;

import org.salwledger.core.command.CommandOrigin;

/** Removes a part from its host. A swap is a removal and an assembly. */
public record DetachPart(String hostId, String partId, CommandOrigin origin) {
}
