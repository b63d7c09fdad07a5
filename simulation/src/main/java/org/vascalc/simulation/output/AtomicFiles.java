package org.vascalc.simulation.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.vascalc.core.files.TemporaryOnExit;

/**
 * Writes a file so that readers see either the old content or the whole new one, never a
 * half-written file: the bytes go to a temporary file in the same folder, which is then renamed.
 *
 * <p>The temporary file is made with {@link Files#createFile}, not {@link Files#createTempFile}:
 * the latter gives owner-only permissions (0600) on POSIX, which the rename would carry over to the
 * report, CSV or figure, so a folder of outputs shared or served from a web server would be
 * unreadable to others. {@code createFile} applies the process's umask, as a plain write does.
 *
 * <p>The temporary file is deleted also if the JVM exits in the middle of the write (Ctrl-C), which
 * skips {@code finally} ({@link TemporaryOnExit}); so are the folders the write made for the file when the write
 * fails or is interrupted, each only if empty (never a folder that existed before).
 */
public final class AtomicFiles {

    private static final int NAME_ATTEMPTS = 100;

    private AtomicFiles() {
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, tmp -> fill(tmp, bytes));
    }

    /**
     * Writes {@code bytes} into the temporary file {@code tmp}, which must still exist: a Ctrl-C's clean-up
     * may have deleted it between its creation and this write, and re-creating it left a hidden
     * {@code .name-xxxx.tmp} behind (seen, yamlguard session: SIGTERM 4.8 s into simulate --db).
     */
    static void fill(Path tmp, byte[] bytes) throws IOException {
        Files.write(tmp, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING); // no CREATE
    }

    /** The content's writer: fills the temporary file. */
    @FunctionalInterface
    interface Content {
        void writeInto(Path tmp) throws IOException;
    }

    static void write(Path file, Content content) throws IOException {
        Path abs = file.toAbsolutePath();
        // the folders this write makes, noted first: removed with the temporary if the write fails or is
        // interrupted (a full disk, Ctrl-C), never one that existed before it (leftovers23)
        List<Path> made = TemporaryOnExit.missingFolders(abs.getParent());
        TemporaryOnExit watched;
        try {
            TemporaryOnExit.createDirectories(abs.getParent()); // not again inside an output folder removed at exit
            watched = newSibling(abs, made);
        } catch (IOException | RuntimeException e) {
            TemporaryOnExit.removeMade(made);
            throw e;
        }
        try (watched) {
            Path tmp = watched.temp();
            try {
                content.writeInto(tmp);
            } catch (IOException e) {
                throw naming(abs, e);
            }
            watched.commit(abs, () -> {
                try {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                }
            });
        } // close(): deletes the temporary file unless it was moved into place
    }

    /**
     * A failed write as a {@link FileSystemException} on {@code target}, the file the user asked for: a full
     * disk's {@code IOException} names no file ("No space left on device"), and the hidden temporary's name
     * is not the user's (review10: simulate said "cannot write a file: No space left on device"). A failure
     * that already names its file is kept.
     */
    static IOException naming(Path target, IOException e) {
        if (e instanceof FileSystemException) {
            return e;
        }
        FileSystemException named = new FileSystemException(target.toString(), null,
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        named.initCause(e);
        return named;
    }

    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A new, empty, hidden file beside {@code abs} with a random suffix (retried on a name clash), watched
     * from its creation on ({@link TemporaryOnExit#create}: no exit between the two can leave it behind).
     */
    private static TemporaryOnExit newSibling(Path abs, List<Path> made) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String name = "." + abs.getFileName() + "-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp";
            Path tmp = abs.resolveSibling(name);
            try {
                return TemporaryOnExit.create(tmp, made, () -> Files.createFile(tmp));
            } catch (FileAlreadyExistsException clash) {
                if (attempt >= NAME_ATTEMPTS) {
                    throw clash;
                }
            }
        }
    }
}
