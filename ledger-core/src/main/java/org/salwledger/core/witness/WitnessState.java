package org.salwledger.core.witness;

import org.salwledger.core.crypto.Sha256;
import org.salwledger.core.log.Checkpoint;
import org.salwledger.core.log.CheckpointFile;
import org.salwledger.core.log.SignedNote;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a witness remembers per log: the latest checkpoint it cosigned, as the log's signed note, one file
 * per origin (named by the origin's SHA-256, since an origin is a URL-like name). Written durably before
 * the cosignature is returned, so a restarted witness never cosigns a rollback.
 */
public final class WitnessState {
    private final Path directory;

    public WitnessState(Path directory) {
        this.directory = directory;
    }

    public Optional<Checkpoint> latest(String origin) {
        return file(origin).read().map(note -> Checkpoint.parse(SignedNote.split(note).text()));
    }

    void record(String origin, String note) {
        file(origin).replace(note);
    }

    private CheckpointFile file(String origin) {
        return new CheckpointFile(directory.resolve(Sha256.hex(origin.getBytes(StandardCharsets.UTF_8)) + ".checkpoint"));
    }
}
