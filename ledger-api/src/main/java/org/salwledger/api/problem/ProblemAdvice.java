package org.salwledger.api.problem;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.salwledger.core.command.Refusal;
import org.salwledger.core.transfer.DispatchRefused;
import org.salwledger.projections.log.IntegrityViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every refusal leaves as RFC 9457 problem+json with a stable type. */
@RestControllerAdvice
public class ProblemAdvice {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** The store no longer matches what the ledger recorded: nothing is served from it, nothing appended. */
    @ExceptionHandler(IntegrityViolation.class)
    ResponseEntity<ProblemDetail> integrity(IntegrityViolation e) {
        ResponseEntity<ProblemDetail> response = Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "integrity-failure",
                "the ledger found its stored records changed and refuses to serve or extend them: " + e.getMessage());
        response.getBody().setProperty("where", e.where());
        return response;
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> domain(Refusal e) {
        ResponseEntity<ProblemDetail> response = Problems.response(statusOf(e), e.code(), e.getMessage());
        if (e.kind() == Refusal.Kind.UNAUTHENTICATED) {
            response = ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header(HttpHeaders.WWW_AUTHENTICATE, challenge(e.code(), requestMethod())).body(response.getBody());
        }
        if (e instanceof DispatchRefused refused) {
            response.getBody().setProperty("offendingItems", refused.refusals());
        }
        return response;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> command(CommandExecutionException e) {
        Refusal refusal = Refusal.foundIn(e);
        if (refusal != null) {
            return domain(refusal);
        }
        Throwable cause = e.getCause();
        if (cause instanceof IntegrityViolation violation) {
            return integrity(violation);
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return notFound(notFound);
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return Problems.response(HttpStatus.NOT_FOUND, "item-not-found", "no item or actor " + e.getAggregateIdentifier());
    }

    /**
     * Two commands that each load the other's item (a mark on a part looks up its weapon while the
     * weapon's command looks at its parts): Axon breaks the lock cycle by failing one; nothing was
     * appended, and sending it again succeeds.
     */
    @ExceptionHandler({ConcurrencyException.class, DeadlockException.class})
    ResponseEntity<ProblemDetail> concurrency(RuntimeException e) {
        return Problems.response(HttpStatus.CONFLICT, "concurrent-modification",
                "another command changed the same stream at the same time; sign and send again");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.BodyTooLarge tooLarge) {
                return Problems.response(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", tooLarge.getMessage());
            }
        }
        return Problems.response(HttpStatus.BAD_REQUEST, "malformed-json", "the request body could not be read");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "send the DSSE envelope as application/json");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.response(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return Problems.response(HttpStatus.BAD_REQUEST, "invalid-query", e.getMessage());
    }

    /** A query parameter of the wrong type (page=abc, a page beyond int, year=abc). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameterType(MethodArgumentTypeMismatchException e) {
        return Problems.response(HttpStatus.BAD_REQUEST, "invalid-query", "'" + e.getName() + "' must be "
                + (e.getRequiredType() == null ? "valid" : "a " + e.getRequiredType().getSimpleName().toLowerCase(
                java.util.Locale.ROOT)) + ", got " + e.getValue());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return Problems.response(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "this resource is served as "
                + e.getSupportedMediaTypes() + "; ask for one of those in Accept");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return Problems.response(HttpStatus.NOT_FOUND, "not-found", "no such resource");
    }

    @ExceptionHandler(CommitUnconfirmed.class)
    ResponseEntity<ProblemDetail> unconfirmed(CommitUnconfirmed e) {
        return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, "commit-unconfirmed", "the ledger committed this "
                + "command but could not confirm it reached its files; send the same envelope again to learn whether "
                + "it was recorded");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the ledger could not complete the request; nothing was recorded");
    }

    /**
     * RFC 9110 §11.6.1: a 401 names how to authenticate. Reads (GET) take a session's bearer token
     * (RFC 6750; {@code error="invalid_token"} when one was sent and refused); commands (POST)
     * authenticate by their signed DSSE envelope.
     */
    static String challenge(String slug, String method) {
        if (!"GET".equals(method)) {
            return "DSSE realm=\"salw-ledger\"";
        }
        return "missing-token".equals(slug) ? "Bearer realm=\"salw-ledger\""
                : "Bearer realm=\"salw-ledger\", error=\"invalid_token\"";
    }

    private static String requestMethod() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getMethod() : null;
    }

    private static HttpStatus statusOf(Refusal e) {
        return switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }
}
