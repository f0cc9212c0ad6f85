package org.salwledger.core.chain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of a stream a command opens (docs/ledger-format.md §2): the UUID v3 of a prefix naming the kind of
 * stream and the command's envelope hash. Derived, not chosen, so the same envelope always names the same
 * stream (a replay opens nothing new) and a verifier can recompute it.
 */
public final class NewStreamIds {
    public static final String ITEM = "item:";
    public static final String TRANSFER = "transfer:";
    public static final String TRACE = "trace:";

    private NewStreamIds() {}

    public static String of(String prefix, String envelopeHash) {
        return UUID.nameUUIDFromBytes((prefix + envelopeHash).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String item(String envelopeHash) {
        return of(ITEM, envelopeHash);
    }

    public static String transfer(String envelopeHash) {
        return of(TRANSFER, envelopeHash);
    }

    public static String trace(String envelopeHash) {
        return of(TRACE, envelopeHash);
    }
}
