package org.salwledger.core.command;

/**
 * A command refused by a domain rule. {@code code} is the stable slug the API turns into a
 * problem+json {@code type}; it never changes once published.
 */
public class DomainRuleViolation extends RuntimeException {
    private final String code;
    private final Kind kind;

    public enum Kind { FORBIDDEN, CONFLICT, NOT_FOUND, UNPROCESSABLE }

    public DomainRuleViolation(Kind kind, String code, String message) {
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

    private String subject;

    /** The item (or other stream) the refusal is about, when there is one. */
    public DomainRuleViolation concerning(String streamId) {
        this.subject = streamId;
        return this;
    }

    public String subject() {
        return subject;
    }

    public static DomainRuleViolation forbidden(String code, String message) {
        return new DomainRuleViolation(Kind.FORBIDDEN, code, message);
    }

    public static DomainRuleViolation conflict(String code, String message) {
        return new DomainRuleViolation(Kind.CONFLICT, code, message);
    }

    public static DomainRuleViolation unprocessable(String code, String message) {
        return new DomainRuleViolation(Kind.UNPROCESSABLE, code, message);
    }

    public static DomainRuleViolation notFound(String code, String message) {
        return new DomainRuleViolation(Kind.NOT_FOUND, code, message);
    }
}
