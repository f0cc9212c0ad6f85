package org.salwledger.core.witness;

import org.salwledger.core.crypto.SigningKey;
import org.salwledger.core.log.Checkpoint;
import org.salwledger.core.log.MerkleProofs;
import org.salwledger.core.log.NoteVerifierKey;
import org.salwledger.core.log.ProofFailure;
import org.salwledger.core.log.SignedNote;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A C2SP tlog-witness: cosigns a log's checkpoint only if the log signed it and it extends, by a verified
 * RFC 6962 consistency proof, the last checkpoint this witness cosigned for that origin; every other
 * request gets the status the spec names. Plain Java: {@code ledger witness} serves it over HTTP.
 */
public final class Witness {
    /** The HTTP answer to one request: status, content type and body. */
    public record Answer(int status, String contentType, String body) {
        static Answer refuse(int status, String why) {
            return new Answer(status, "text/plain; charset=utf-8", why + "\n");
        }
    }

    static final String SIZE_TYPE = "text/x.tlog.size";

    private final String name;
    private final SigningKey key;
    private final Map<String, List<NoteVerifierKey>> logs;
    private final WitnessState state;
    private final Clock clock;

    /** {@code logs}: the log keys this witness trusts; a log's origin is its key's name. */
    public Witness(String name, SigningKey key, List<NoteVerifierKey> logs, WitnessState state, Clock clock) {
        NoteVerifierKey.requireName(name);
        this.name = name;
        this.key = key;
        this.logs = logs.stream().collect(Collectors.groupingBy(NoteVerifierKey::name));
        this.state = state;
        this.clock = clock;
    }

    public NoteVerifierKey verifierKey() {
        return Cosignature.verifierKey(name, key);
    }

    /**
     * One add-checkpoint request, whole: the check against the stored size and the stored update are one
     * step (synchronized), or two concurrent requests could roll the witness back (tlog-witness's race).
     */
    public synchronized Answer addCheckpoint(byte[] body) {
        AddCheckpoint request;
        SignedNote.Parts note;
        Checkpoint checkpoint;
        try {
            request = AddCheckpoint.parse(body);
            note = SignedNote.split(request.checkpoint());
            checkpoint = Checkpoint.parse(note.text());
        } catch (IllegalArgumentException e) {
            return Answer.refuse(400, "malformed request: " + e.getMessage());
        }
        List<NoteVerifierKey> trusted = logs.get(checkpoint.origin());
        if (trusted == null) {
            return Answer.refuse(404, "unknown log origin " + checkpoint.origin());
        }
        try {
            SignedNote.open(request.checkpoint(), trusted);
        } catch (IllegalArgumentException e) {
            return Answer.refuse(403, "the checkpoint is not signed by the log's key: " + e.getMessage());
        }
        if (request.oldSize() > checkpoint.size()) {
            return Answer.refuse(400, "old size " + request.oldSize() + " is above the checkpoint's size " + checkpoint.size());
        }
        Optional<Checkpoint> latest = state.latest(checkpoint.origin());
        long latestSize = latest.map(Checkpoint::size).orElse(0L);
        if (request.oldSize() != latestSize) {
            return new Answer(409, SIZE_TYPE, latestSize + "\n");
        }
        if (latest.isPresent() && latestSize == checkpoint.size()) {
            if (!MessageDigest.isEqual(latest.get().rootHash(), checkpoint.rootHash())) {
                return new Answer(409, SIZE_TYPE, latestSize + "\n");
            }
        } else if (request.oldSize() == 0) {
            if (!request.proof().isEmpty()) {
                return Answer.refuse(422, "a proof from size 0 is empty");
            }
        } else {
            Optional<ProofFailure> failure = MerkleProofs.consistencyFailure(latestSize, checkpoint.size(),
                    latest.orElseThrow().rootHash(), checkpoint.rootHash(), request.proof());
            if (failure.isPresent()) {
                return Answer.refuse(422, "not consistent with size " + latestSize + ": " + failure.get().describe());
            }
        }
        state.record(checkpoint.origin(), request.checkpoint());
        return new Answer(200, "text/plain; charset=utf-8",
                Cosignature.sign(note.text(), name, key, clock.instant().getEpochSecond()));
    }
}
