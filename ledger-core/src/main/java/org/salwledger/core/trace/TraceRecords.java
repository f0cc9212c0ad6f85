package org.salwledger.core.trace;

import java.util.Set;

/**
 * Trace records are confidential (docs/domain-rules.md rule 26: only the requester and the requested State read
 * them), yet they are leaves of the public log like every record. Whoever else reads the log gets them
 * sealed: position and leaf hash, no content, no envelope.
 */
public final class TraceRecords {
    private static final String OPENING = TraceRequested.class.getSimpleName();
    private static final Set<String> TYPES = Set.of(OPENING, TraceAcknowledged.class.getSimpleName(),
            TraceInformationRequested.class.getSimpleName(), TraceInformationProvided.class.getSimpleName(),
            TraceAnswered.class.getSimpleName());

    private TraceRecords() {}

    public static boolean isConfidential(String recordType) {
        return TYPES.contains(recordType);
    }

    /** A trace stream starts with the request and never again. */
    public static boolean opensStream(String recordType) {
        return OPENING.equals(recordType);
    }
}
