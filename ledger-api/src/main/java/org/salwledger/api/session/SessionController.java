package org.salwledger.api.session;

import org.salwledger.api.intake.Accepts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.salwledger.api.config.LedgerProperties;
import org.salwledger.core.command.Refusal;
import org.salwledger.api.store.EnvelopeStore;
import org.salwledger.api.intake.EnvelopeVerifier;
import org.salwledger.api.problem.CommitUnconfirmed;
import org.salwledger.api.store.DurableCommits;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.salwledger.api.auth.SessionTokens;
/**
 * POST /api/v1/sessions with a signed OpenSession. Unlike commands, an OpenSession envelope is
 * good for one token only: sending it again is refused, so a copied envelope cannot mint tokens.
 */
@RestController
@RequestMapping(path = "/api/v1/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "sessions")
public class SessionController {
    private final EnvelopeVerifier verifier;
    private final EnvelopeStore store;
    private final SessionTokens tokens;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration ttl;
    private final DurableCommits durable;

    /** OpenSession carries nothing but the header. */
    public record OpenSessionBody() {}

    public SessionController(EnvelopeVerifier verifier, EnvelopeStore store, SessionTokens tokens,
                             TransactionTemplate transaction, DurableCommits durable, Clock clock,
                             LedgerProperties properties) {
        this.durable = durable;
        this.verifier = verifier;
        this.store = store;
        this.tokens = tokens;
        this.transaction = transaction;
        this.clock = clock;
        this.ttl = properties.sessions().ttl();
    }

    @Accepts(type = "OpenSession", body = OpenSessionBody.class)
    @PostMapping
    @Operation(summary = "Open a read session with a signed OpenSession envelope")
    public ResponseEntity<Map<String, Object>> open(@RequestBody byte[] envelope) {
        var signed = verifier.verify(envelope, "OpenSession", OpenSessionBody.class);
        try {
            SessionTokens.Issued issued = transaction.execute(tx -> {
                store.useNonce(signed.signer().actorId(), signed.header().nonce(), signed.envelopeHash());
                return tokens.issue(signed.signer().actorId(), signed.keyId(), clock.instant().plus(ttl));
            });
            try {
                durable.await();
            } catch (RuntimeException notWritten) {
                throw new CommitUnconfirmed(notWritten);
            }
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("token", issued.token(),
                    "expiresAt", issued.expiresAt().toString(), "actorId", signed.signer().actorId(),
                    "role", signed.signer().role().name(), "country", signed.signer().country()));
        } catch (EnvelopeStore.AlreadySubmitted replayed) {
            if (!store.nonceOwner(signed.signer().actorId(), signed.header().nonce()).orElse("")
                    .equals(signed.envelopeHash())) {
                throw EnvelopeStore.nonceReused(signed.signer().actorId(), signed.header().nonce());
            }
            throw Refusal.conflict("session-envelope-reused",
                    "this OpenSession envelope was already used; sign a new one");
        }
    }
}
