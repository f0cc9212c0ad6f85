package org.salwledger.core.audit;

/** The first thing found broken: the record (leaf index, stream, sequence) when there is one, and what is wrong. */
public final class VerificationFailure extends RuntimeException {
    private final Long index;
    private final String stream;
    private final Long sequence;

    VerificationFailure(Long index, String stream, Long sequence, String problem) {
        super(problem);
        this.index = index;
        this.stream = stream;
        this.sequence = sequence;
    }

    public static VerificationFailure ofLog(String problem) {
        return new VerificationFailure(null, null, null, problem);
    }

    public Long index() {
        return index;
    }

    public String stream() {
        return stream;
    }

    public Long sequence() {
        return sequence;
    }

    /** e.g. {@code record 41 (item-7/2): its hash does not match its content}. */
    public String describe() {
        if (index == null) {
            return "log: " + getMessage();
        }
        return "record " + index + (stream == null ? "" : " (" + stream + "/" + sequence + ")") + ": " + getMessage();
    }
}
