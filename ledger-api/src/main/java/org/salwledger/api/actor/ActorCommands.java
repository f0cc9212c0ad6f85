package org.salwledger.api.actor;

import org.salwledger.core.command.Role;

/** Bodies of the actor commands as signers send them, besides the common header. */
public final class ActorCommands {
    private ActorCommands() {}

    public record RegisterActorBody(String actorId, String name, Role role, String country, String publicKey) {}

    public record RotateActorKeyBody(String actorId, String publicKey) {}

    public record RevokeActorKeyBody(String actorId, String keyId, String reason) {}

    public record CeaseBusinessBody(String actorId, String handOverTo, String reason) {}
}
