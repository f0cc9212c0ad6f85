package org.salwledger.api.intake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.salwledger.api.integrity.LogAgreement;
import org.salwledger.api.store.EnvelopeStore;
import org.salwledger.api.store.ViewPositions;
import org.salwledger.core.chain.LedgerEvent;
import org.salwledger.core.chain.LedgerRecords;
import org.salwledger.core.command.CommandOrigin;
import org.salwledger.core.crypto.CanonicalJson;
import org.salwledger.projections.log.LogIntegrity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs one verified command: in one transaction (a savepoint of the {@link CommandWriter}'s group) it uses the
 * nonce, dispatches the command, and stores the envelope with its answer. An identical envelope submitted again
 * gets that stored answer and appends nothing (header {@code Ledger-Replayed: true}).
 */
@Component
public class CommandSubmitter {
    public static final String REPLAYED_HEADER = "Ledger-Replayed";

    private final CommandGateway gateway;
    private final EnvelopeStore store;
    private final RecordedEvents recorded;
    private final CommandWriter writer;
    private final Clock clock;
    private final RefusalListener refusals;

    private final LogIntegrity integrity;
    private final LogAgreement logAgreement;
    private final CommandMetrics metrics;
    private final ViewPositions positions;

    public CommandSubmitter(CommandGateway gateway, EnvelopeStore store, RecordedEvents recorded,
                            CommandWriter writer, Clock clock, RefusalListener refusals, LogIntegrity integrity,
                            LogAgreement logAgreement, CommandMetrics metrics, ViewPositions positions) {
        this.positions = positions;
        this.metrics = metrics;
        this.integrity = integrity;
        this.logAgreement = logAgreement;
        this.refusals = refusals;
        this.gateway = gateway;
        this.store = store;
        this.recorded = recorded;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * @param command builds the domain command from the origin the signature established
     * @param ids     identifiers to name in the answer besides the records (e.g. itemId)
     */
    public ResponseEntity<byte[]> submit(SignedCommand<?> signed, Function<CommandOrigin, Object> command,
                                         Map<String, String> ids) {
        try (CommandLog commandLog = CommandLog.of(signed)) {
            return run(signed, command, ids, commandLog);
        }
    }

    private ResponseEntity<byte[]> run(SignedCommand<?> signed, Function<CommandOrigin, Object> command,
                                       Map<String, String> ids, CommandLog commandLog) {
        String type = signed.header().type();
        int[] appended = {0};
        long started = System.nanoTime();
        try {
            ResponseEntity<byte[]> answer = writer.write(() -> {
                // The nonce's insert finds a resubmission (AlreadySubmitted, answered below) inside the group's
                // transaction: a look for a stored answer before it cost every command a statement, on PostgreSQL
                // a transaction of its own. A resubmission is answered even while the log is found broken.
                store.useNonce(signed.signer().actorId(), signed.header().nonce(), signed.envelopeHash());
                integrity.requireIntact();
                Instant now = clock.instant();
                RecordedEvents.Recording recording;
                recorded.start();
                try {
                    gateway.sendAndWait(command.apply(signed.origin(now)));
                } finally {
                    recording = recorded.finish();
                }
                List<LedgerEvent> events = recording.events();
                logAgreement.check(events);
                byte[] body = answer(signed, events, ids);
                var submission = new EnvelopeStore.Submission(signed.envelopeHash(), signed.signer().actorId(),
                        signed.header().nonce(), signed.header().type());
                store.save(submission, signed.envelope().canonicalBytes(), now, HttpStatus.CREATED.value(), body);
                appended[0] = events.size();
                return created(body, recording.lastEventIdentifier() == null ? null
                        : positions.positionOf(recording.lastEventIdentifier()));
            });
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            metrics.accepted(type, appended[0], took);
            commandLog.accepted(appended[0], took);
            return answer;
        } catch (EnvelopeStore.AlreadySubmitted twin) {
            metrics.replayed(type);
            commandLog.replayed();
            return replay(store.resultOf(signed.envelopeHash()).orElseThrow(() ->
                    EnvelopeStore.nonceReused(signed.signer().actorId(), signed.header().nonce())));
        } catch (RuntimeException e) {
            metrics.refused(type, e, Duration.ofNanos(System.nanoTime() - started));
            commandLog.refused(e);
            refusals.refused(signed, e);
            throw e;
        }
    }

    private static byte[] answer(SignedCommand<?> signed, List<LedgerEvent> events, Map<String, String> ids) {
        ObjectNode answer = CanonicalJson.mapper().createObjectNode();
        ids.forEach(answer::put);
        answer.put("envelopeHash", signed.envelopeHash());
        ArrayNode records = answer.putArray("records");
        for (LedgerEvent event : events) {
            records.addObject()
                    .put("stream", event.link().stream())
                    .put("sequence", event.link().sequence())
                    .put("type", LedgerRecords.typeOf(event))
                    .put("hash", event.link().hash());
        }
        return CanonicalJson.canonicalize(answer);
    }

    /** With the event store position of its last record, for reads that must see it ({@link ViewPositions}). */
    private static ResponseEntity<byte[]> created(byte[] body, Long position) {
        var answer = ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON);
        if (position != null) {
            answer.header(ViewPositions.POSITION_HEADER, Long.toString(position));
        }
        return answer.body(body);
    }

    private static ResponseEntity<byte[]> replay(EnvelopeStore.StoredResult stored) {
        return ResponseEntity.status(stored.status()).contentType(MediaType.APPLICATION_JSON)
                .header(REPLAYED_HEADER, "true").header(HttpHeaders.CACHE_CONTROL, "no-store").body(stored.body());
    }
}
