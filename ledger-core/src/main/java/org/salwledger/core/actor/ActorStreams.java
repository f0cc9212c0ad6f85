package org.salwledger.core.actor;

/** Actor streams are named {@code actor:<actorId>} so they never collide with item UUID streams. */
public final class ActorStreams {
    private static final String PREFIX = "actor:";

    private ActorStreams() {}

    public static String of(String actorId) {
        return PREFIX + actorId;
    }
}
