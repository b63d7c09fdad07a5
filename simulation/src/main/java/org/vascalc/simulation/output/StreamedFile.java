package org.vascalc.simulation.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A text file written in whole pieces (e.g. a header, then one batch of rows at a time) while a long
 * computation runs, so that what is done is on disk and nothing is held in memory, and a reader never
 * sees a half-written final file: the pieces go to {@code <stem>.partial.<ext>} beside the target,
 * which {@link #complete} renames to the target (atomically where the file system can). If the
 * computation stops first ({@link #close} without {@link #complete}: an error, a stop request,
 * Ctrl-C), the partial file stays with every piece written whole, or is removed if it holds no more
 * than its first piece (the header). A {@code kill -9} in the middle of a piece's write can leave a
 * torn last line in the partial file, never in the target.
 */
public final class StreamedFile implements AutoCloseable {

    private final Path target;
    private final Path partial;
    private final OutputStream out;
    private long pieces;
    private boolean finished;

    private StreamedFile(Path target, Path partial, OutputStream out) {
        this.target = target;
        this.partial = partial;
        this.out = out;
    }

    /** Starts {@code target}'s partial file (replacing an old partial file; the target is untouched until {@link #complete}). */
    public static StreamedFile start(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path partial = partialOf(abs);
        OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        return new StreamedFile(abs, partial, out);
    }

    /**
     * Continues {@code target}'s partial file: keeps its first {@code keepBytes} bytes (whole pieces
     * already written, e.g. the header and the rows of finished members) and appends after them.
     *
     * @param hasRows whether what is kept holds more than the header (then abandoning it again keeps it)
     */
    public static StreamedFile resume(Path target, long keepBytes, boolean hasRows) throws IOException {
        Path abs = target.toAbsolutePath();
        Path partial = partialOf(abs);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(partial, StandardOpenOption.WRITE)) {
            if (ch.size() < keepBytes) {
                throw new IOException(partial + " holds " + ch.size() + " bytes, fewer than the " + keepBytes + " to keep");
            }
            ch.truncate(keepBytes);
        }
        StreamedFile f = new StreamedFile(abs, partial, Files.newOutputStream(partial, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE));
        f.pieces = hasRows ? 2 : 1; // the header alone, as in a new file, is removed when abandoned
        return f;
    }

    /** The partial file of {@code target}: {@code a/b.csv} gives {@code a/b.partial.csv}. */
    public static Path partialOf(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String partialName = dot <= 0 ? name + ".partial" : name.substring(0, dot) + ".partial" + name.substring(dot);
        return target.resolveSibling(partialName);
    }

    /** Writes one whole piece and hands it to the operating system (a crash of the JVM after this keeps it). */
    public void write(String piece) throws IOException {
        if (finished) {
            throw new IllegalStateException("already closed: " + target);
        }
        try {
            out.write(piece.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw AtomicFiles.naming(target, e); // the target the user asked for, not a nameless "disk full"
        }
        pieces++;
    }

    /** The target. */
    public Path target() {
        return target;
    }

    /** The partial file. */
    public Path partial() {
        return partial;
    }

    /** Renames the partial file to the target (replacing it). */
    public Path complete() throws IOException {
        finished = true;
        out.close();
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /**
     * Without {@link #complete}: keeps the partial file if more than its first piece was written
     * (returns it), else removes it (returns null). Does nothing after {@link #complete}.
     */
    public Path abandon() throws IOException {
        if (finished) {
            return null;
        }
        finished = true;
        out.close();
        if (pieces > 1) {
            return partial;
        }
        Files.deleteIfExists(partial);
        return null;
    }

    @Override
    public void close() throws IOException {
        abandon();
    }
}
