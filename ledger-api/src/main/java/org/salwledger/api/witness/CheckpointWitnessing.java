package org.salwledger.api.witness;

import org.salwledger.api.config.LedgerProperties;
import org.salwledger.api.log.CheckpointPublisher;
import org.salwledger.api.log.Cosignatures;
import org.salwledger.core.log.Checkpoint;
import org.salwledger.core.log.SignedNote;
import org.salwledger.core.witness.AddCheckpoint;
import org.salwledger.core.witness.Cosignature;
import org.salwledger.core.witness.WitnessPolicy;
import org.salwledger.projections.log.LogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Takes each newly signed checkpoint to the policy's witnesses (C2SP tlog-witness), all at once, and keeps
 * every cosignature that verifies under the witness's key. Submissions run beside the scheduler, one at a
 * time per witness, so a witness that is down or slow delays neither the others nor the signing of
 * checkpoints: writes never wait for witnesses, the published checkpoint does ({@link CheckpointPublisher#published}).
 */
@Component
public class CheckpointWitnessing {
    private static final Logger log = LoggerFactory.getLogger(CheckpointWitnessing.class);

    private final CheckpointPublisher checkpoints;
    private final Cosignatures cosignatures;
    private final LogStore store;
    private final Clock clock;
    private final List<WitnessClient> witnesses;
    private final ExecutorService rounds;
    /** The size each witness last said it cosigned (its answer to us, or a 409's body); read from the database at first. */
    private final Map<String, Long> witnessSize = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    /** The last problem logged per witness, so a witness that stays down is logged once, not every second. */
    private final Map<String, String> problems = new ConcurrentHashMap<>();

    public CheckpointWitnessing(CheckpointPublisher checkpoints, Cosignatures cosignatures, LogStore store, Clock clock,
                                LedgerProperties properties) {
        this.checkpoints = checkpoints;
        this.cosignatures = cosignatures;
        this.store = store;
        this.clock = clock;
        Duration timeout = properties.log().witnessTimeout();
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.witnesses = cosignatures.policy().witnesses().stream().filter(w -> w.url().isPresent())
                .map(w -> new WitnessClient(w, http, timeout)).toList();
        this.rounds = witnesses.isEmpty() ? null : Executors.newFixedThreadPool(witnesses.size(), r -> {
            Thread thread = new Thread(r, "witness-submit");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(fixedDelayString = "${ledger.log.checkpoint-interval:PT1S}")
    public void submitLatest() {
        if (witnesses.isEmpty()) {
            return;
        }
        checkpoints.latestSigned().ifPresent(latest -> {
            for (WitnessClient witness : witnesses) {
                // a witness still answering the last round (slow, or down until its timeout) sits this one out
                inFlight.compute(witness.witness().name(), (name, running) -> running != null && !running.isDone()
                        ? running : CompletableFuture.runAsync(() -> submit(witness, latest), rounds));
            }
        });
    }

    /** Submissions still waiting on a witness stop with the node. */
    @jakarta.annotation.PreDestroy
    void stop() {
        if (rounds != null) {
            rounds.shutdownNow();
        }
    }

    /** The size the witness cosigned last, as far as this node knows; the lag metric reads it. */
    long witnessSize(String witness) {
        return witnessSize.computeIfAbsent(witness, cosignatures::cosignedSize);
    }

    List<WitnessPolicy.Member> members() {
        return witnesses.stream().map(WitnessClient::witness).toList();
    }

    private void submit(WitnessClient client, CheckpointPublisher.SignedCheckpoint latest) {
        String name = client.witness().name();
        try {
            long from = witnessSize(name);
            // a 409 names the witness's real size: one retry from there
            for (int attempt = 0; attempt < 2 && from <= latest.size(); attempt++) {
                if (from == latest.size() && cosignatures.cosignedSize(name) == latest.size()) {
                    return;
                }
                List<byte[]> proof = from == 0 || from == latest.size() ? List.of()
                        : store.tree().consistencyProof(from, latest.size());
                WitnessClient.Reply reply = client.add(new AddCheckpoint(from, proof, latest.note()));
                if (reply.status() == 200) {
                    keep(client.witness(), latest, reply.body());
                    return;
                }
                if (reply.status() != 409 || !reply.body().strip().matches("[0-9]{1,19}")) {
                    problem(name, "refused the checkpoint of size " + latest.size() + ": " + reply.status() + " "
                            + reply.body().strip());
                    return;
                }
                long theirs = Long.parseLong(reply.body().strip());
                if (theirs == from) {
                    problem(name, "holds another checkpoint of size " + from + " than this log signed: a fork");
                    return;
                }
                witnessSize.put(name, theirs);
                from = theirs;
            }
            if (from > latest.size()) {
                problem(name, "cosigned a checkpoint of size " + from + ", larger than this log's " + latest.size());
            }
        } catch (java.io.IOException e) {
            problem(name, "cannot be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            problem(name, "failed: " + e);
        }
    }

    private void keep(WitnessPolicy.Member witness, CheckpointPublisher.SignedCheckpoint latest, String body) {
        String text = SignedNote.split(latest.note()).text();
        SignedNote.Parts answer = SignedNote.split(text + "\n" + body);
        for (SignedNote.Signature signature : answer.signatures()) {
            if (Cosignature.verify(witness.key(), text, signature).isPresent()) {
                cosignatures.keep(Checkpoint.parse(text).size(), witness.name(),
                        SignedNote.line(signature.name(), signature.keyId(), signature.bytes()), clock.instant());
                witnessSize.put(witness.name(), latest.size());
                if (problems.remove(witness.name()) != null) {
                    log.info("Witness {} cosigns again (size {})", witness.name(), latest.size());
                }
                return;
            }
        }
        problem(witness.name(), "answered without a cosignature that verifies under its key");
    }

    private void problem(String witness, String what) {
        if (!Objects.equals(problems.put(witness, what), what)) {
            log.warn("Witness {} {}", witness, what);
        }
    }
}
