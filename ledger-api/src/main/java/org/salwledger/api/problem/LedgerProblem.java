package org.salwledger.api.problem;

import org.springframework.http.HttpStatus;

/**
 * A refusal the API answers as RFC 9457 problem+json. {@code slug} becomes the stable type
 * {@code urn:salw-ledger:problem:<slug>}; docs/ledger-format.md lists every one.
 */
public class LedgerProblem extends RuntimeException {
    private final HttpStatus status;
    private final String slug;

    public LedgerProblem(HttpStatus status, String slug, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public static LedgerProblem badRequest(String slug, String detail) {
        return new LedgerProblem(HttpStatus.BAD_REQUEST, slug, detail);
    }

    public static LedgerProblem unauthorized(String slug, String detail) {
        return new LedgerProblem(HttpStatus.UNAUTHORIZED, slug, detail);
    }

    public static LedgerProblem forbidden(String slug, String detail) {
        return new LedgerProblem(HttpStatus.FORBIDDEN, slug, detail);
    }

    public static LedgerProblem notFound(String slug, String detail) {
        return new LedgerProblem(HttpStatus.NOT_FOUND, slug, detail);
    }

    public static LedgerProblem conflict(String slug, String detail) {
        return new LedgerProblem(HttpStatus.CONFLICT, slug, detail);
    }
}
