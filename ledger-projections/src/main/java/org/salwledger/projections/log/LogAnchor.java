package org.salwledger.projections.log;

import org.salwledger.core.log.Checkpoint;
import org.salwledger.core.log.CheckpointFile;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The last checkpoint this node signed, kept in a file outside the database (beside the log key), so
 * that emptying or rewriting the database does not erase the promise the log already made. The signer
 * extends it only by consistent checkpoints, and writes it durably before a checkpoint is served.
 */
public final class LogAnchor {
    private final CheckpointFile file;
    private volatile Signed last;

    /** A signed checkpoint: the note as served and the checkpoint it commits to. */
    public record Signed(String note, Checkpoint checkpoint) {
        public long size() {
            return checkpoint.size();
        }
    }

    public LogAnchor(Path file) {
        this.file = new CheckpointFile(file);
        this.last = read(this.file);
    }

    public Path file() {
        return file.path();
    }

    public Optional<Signed> last() {
        return Optional.ofNullable(last);
    }

    /** Size of the last signed checkpoint, 0 when this node never signed one. */
    public long signedSize() {
        Signed signed = last;
        return signed == null ? 0 : signed.size();
    }

    /**
     * Makes {@code note} the last signed checkpoint, durably (a crash leaves the old anchor or the new one).
     */
    public synchronized void advance(String note) {
        Signed next = parse(note);
        if (last != null && next.size() < last.size()) {
            throw new IllegalStateException("the anchor only grows: " + next.size() + " < " + last.size());
        }
        file.replace(note);
        last = next;
    }

    private static Signed read(CheckpointFile file) {
        try {
            return file.read().map(LogAnchor::parse).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the log anchor " + file.path() + " is not a signed checkpoint: "
                    + e.getMessage(), e);
        }
    }

    private static Signed parse(String note) {
        int split = note.indexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("not a signed note");
        }
        return new Signed(note, Checkpoint.parse(note.substring(0, split + 1)));
    }
}
