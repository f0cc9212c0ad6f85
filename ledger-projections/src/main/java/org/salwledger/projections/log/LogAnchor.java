package org.salwledger.projections.log;

import org.salwledger.core.log.Checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The last checkpoint this node signed, kept in a file outside the database (beside the log key), so
 * that emptying or rewriting the database does not erase the promise the log already made. The signer
 * extends it only by consistent checkpoints, and writes it durably before a checkpoint is served.
 */
public final class LogAnchor {
    private final Path file;
    private volatile Signed last;

    /** A signed checkpoint: the note as served and the checkpoint it commits to. */
    public record Signed(String note, Checkpoint checkpoint) {
        public long size() {
            return checkpoint.size();
        }
    }

    public LogAnchor(Path file) {
        this.file = file;
        this.last = read(file);
    }

    public Path file() {
        return file;
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
     * Makes {@code note} the last signed checkpoint: written to a temporary file, forced to disk and
     * moved over the old one atomically, so a crash leaves either the old anchor or the new one.
     */
    public synchronized void advance(String note) {
        Signed next = parse(note);
        if (last != null && next.size() < last.size()) {
            throw new IllegalStateException("the anchor only grows: " + next.size() + " < " + last.size());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".next");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log anchor " + file, e);
        }
        last = next;
    }

    private static Signed read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log anchor " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the log anchor " + file + " is not a signed checkpoint: " + e.getMessage(), e);
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
