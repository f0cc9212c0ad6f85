package org.salwledger.api.intake;

import org.salwledger.core.command.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;

/**
 * One log line per signed command, on logger {@code org.salwledger.commands}: its outcome, type,
 * signer and envelope hash, which also go into the MDC while the command runs, so every line logged
 * on its behalf carries them (as fields of structured JSON logs). Never the envelope, a key or a token.
 */
final class CommandLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("org.salwledger.commands");
    static final String ENVELOPE_HASH = "envelopeHash";
    static final String ACTOR = "actor";
    static final String COMMAND_TYPE = "commandType";

    private final String type;
    private final String actor;
    private final String envelopeHash;

    private CommandLog(String type, String actor, String envelopeHash) {
        this.type = type;
        this.actor = actor;
        this.envelopeHash = envelopeHash;
        MDC.put(ENVELOPE_HASH, envelopeHash);
        MDC.put(ACTOR, actor);
        MDC.put(COMMAND_TYPE, type);
    }

    static CommandLog of(SignedCommand<?> signed) {
        return new CommandLog(signed.header().type(), signed.signer().actorId(), signed.envelopeHash());
    }

    void accepted(int records, Duration took) {
        log.info("accepted {} from {}: {} record(s) in {} ms, envelope {}", type, actor, records, took.toMillis(),
                envelopeHash);
    }

    void replayed() {
        log.info("replayed {} from {}: envelope {} was answered before, nothing appended", type, actor, envelopeHash);
    }

    void refused(Throwable failure) {
        Refusal refusal = Refusal.foundIn(failure);
        if (refusal != null) {
            log.info("refused {} from {}: {}, envelope {}", type, actor, refusal.code(), envelopeHash);
        } else {
            log.warn("failed {} from {}: {}, envelope {}", type, actor, failure.getClass().getSimpleName(), envelopeHash);
        }
    }

    @Override
    public void close() {
        MDC.remove(ENVELOPE_HASH);
        MDC.remove(ACTOR);
        MDC.remove(COMMAND_TYPE);
    }
}
