package org.salwledger.core.trace;

/** What the requested State answers (docs/domain-rules.md rule 25); DELAYED is the only one that is not final. */
public enum TraceOutcome {
    ANSWERED, ANSWERED_RESTRICTED, DELAYED, DECLINED, NOT_FOUND;

    public boolean isFinal() {
        return this != DELAYED;
    }
}
