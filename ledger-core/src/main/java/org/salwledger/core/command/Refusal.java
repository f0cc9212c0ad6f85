package org.salwledger.core.command;

import org.axonframework.commandhandling.CommandExecutionException;

/**
 * The one way the ledger says no: to a command (a domain rule), to a request (a field, a query,
 * a token) or to a read. {@code code} is the stable slug the API turns into a problem+json
 * {@code type}; it never changes once published. {@link Kind} says what sort of no it is; the
 * API alone maps a kind to an HTTP status.
 */
public class Refusal extends RuntimeException {
    private final String code;
    private final Kind kind;
    private String subject;

    public enum Kind {
        /** The request itself is malformed or out of range. */
        INVALID,
        /** Nobody, or nobody valid, asked. */
        UNAUTHENTICATED,
        /** The asker may not do this. */
        FORBIDDEN,
        /** What the request names does not exist (for this asker). */
        NOT_FOUND,
        /** The request contradicts what is already recorded. */
        CONFLICT,
        /** Well-formed, but a rule refuses its content. */
        UNPROCESSABLE
    }

    public Refusal(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The item (or other stream) the refusal is about, when there is one. */
    public Refusal concerning(String streamId) {
        this.subject = streamId;
        return this;
    }

    public String subject() {
        return subject;
    }

    /** The refusal behind a failed command, however the command bus wrapped it; null when there is none. */
    public static Refusal foundIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Refusal refusal) {
                return refusal;
            }
            if (t instanceof CommandExecutionException cee && cee.getDetails().orElse(null) instanceof Refusal refusal) {
                return refusal;
            }
        }
        return null;
    }

    public static Refusal invalid(String code, String message) {
        return new Refusal(Kind.INVALID, code, message);
    }

    public static Refusal unauthenticated(String code, String message) {
        return new Refusal(Kind.UNAUTHENTICATED, code, message);
    }

    public static Refusal forbidden(String code, String message) {
        return new Refusal(Kind.FORBIDDEN, code, message);
    }

    public static Refusal conflict(String code, String message) {
        return new Refusal(Kind.CONFLICT, code, message);
    }

    public static Refusal unprocessable(String code, String message) {
        return new Refusal(Kind.UNPROCESSABLE, code, message);
    }

    public static Refusal notFound(String code, String message) {
        return new Refusal(Kind.NOT_FOUND, code, message);
    }
}
