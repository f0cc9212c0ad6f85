package org.salwledger.api.problem;

import io.micrometer.core.instrument.Metrics;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/** Builds problem+json answers with the project's stable type URIs. */
public final class Problems {
    public static final String TYPE_PREFIX = "urn:salw-ledger:problem:";

    private Problems() {}

    public static ProblemDetail detail(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(slug.replace('-', ' '));
        return problem;
    }

    /** Also counted: {@code ledger.problems} by slug and status, in the global registry Spring Boot feeds. */
    public static ResponseEntity<ProblemDetail> response(HttpStatus status, String slug, String detail) {
        Metrics.counter("ledger.problems", "slug", slug, "status", Integer.toString(status.value())).increment();
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail(status, slug, detail));
    }
}
