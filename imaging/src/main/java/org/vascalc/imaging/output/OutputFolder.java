package org.vascalc.imaging.output;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.vascalc.core.files.TemporaryOnExit;

/**
 * Writes a folder of results all at once: everything goes into a hidden temporary sibling, which
 * replaces the target only when complete, so a failed run leaves no half-written output. An
 * existing target is replaced only if it is empty or was written by VasCalc (it holds the marker
 * file), never a user's folder of other things. The temporary folder is deleted also if the JVM
 * exits in the middle (Ctrl-C skips {@code finally}; {@link TemporaryOnExit}).
 */
public final class OutputFolder {

    /** Marker file naming a folder as VasCalc output. */
    public static final String MARKER = ".vascalc-output";

    /** Fills a folder. */
    @FunctionalInterface
    public interface Filler {
        void fill(Path dir) throws IOException;
    }

    private OutputFolder() {
    }

    /**
     * Builds the folder with {@code filler} and moves it to {@code target}.
     *
     * @throws FileAlreadyExistsException if {@code target} exists, is not empty and is not VasCalc output
     */
    public static Path write(Path target, Filler filler) throws IOException {
        Path abs = requireReplaceable(target);
        Path parent = abs.getParent();
        TemporaryOnExit.createDirectories(parent);
        try (TemporaryOnExit watched = newSiblingDirectory(parent, "." + abs.getFileName() + "-")) {
            Path tmp = watched.temp();
            try {
                filler.fill(tmp);
                Files.writeString(tmp.resolve(MARKER), "written by vascalc\n");
                // the earlier output's removal and the rename, together: an exit waits for both
                watched.commit(abs, () -> {
                    if (Files.exists(abs)) {
                        deleteRecursively(abs);
                    }
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
                });
                return abs;
            } finally {
                if (Files.exists(tmp)) {
                    deleteRecursively(tmp);
                }
            }
        }
    }

    /**
     * Checks, before any work, that {@link #write} may put its folder at {@code target}: it does not
     * exist, or is an empty folder, or a folder VasCalc wrote (holds the marker).
     *
     * @return the absolute, normalised target
     * @throws FileAlreadyExistsException if {@code target} is a file, or a folder of other things
     */
    public static Path requireReplaceable(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new FileAlreadyExistsException(abs.toString(), null,
                        "exists and is not a folder; choose another --out folder");
            }
            if (!isEmpty(abs) && !Files.exists(abs.resolve(MARKER))) {
                throw new FileAlreadyExistsException(abs.toString(), null,
                        "is not empty and was not written by vascalc; choose another --out folder");
            }
        }
        return abs;
    }

    /**
     * How the name of a folder built aside ends ({@code .results-3w5e11264sgsf.tmp}): the same form as
     * {@code AtomicFiles}' temporary files, so a failure on either is told from a user's own hidden
     * name ({@code .my-results}) by its name alone.
     */
    public static final String TEMPORARY_SUFFIX = ".tmp";

    /**
     * A new, empty directory in {@code parent} named {@code prefix}, a random base-36 number and
     * {@link #TEMPORARY_SUFFIX}, with the
     * permissions a plain {@code mkdir} gives (the process's umask). Unlike
     * {@link Files#createTempDirectory}, whose owner-only 0700 the final rename would carry over to
     * the user's output folder (unreadable to colleagues or a web server); for a folder of results
     * built aside and then moved into place. Created and watched at once under the exit's gate
     * ({@link TemporaryOnExit#createDirectory}): created first and watched after, an exit in between left
     * the hidden folder behind (writergate session); refused, creating nothing, once the program is exiting.
     *
     * @return the watch of the new folder ({@link TemporaryOnExit#temp()} is its path); closing it deletes
     *         the folder unless it was committed
     * @throws java.nio.file.NoSuchFileException if the program is exiting
     */
    public static TemporaryOnExit newSiblingDirectory(Path parent, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = parent.resolve(prefix
                    + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36)
                    + TEMPORARY_SUFFIX);
            try {
                return TemporaryOnExit.createDirectory(candidate);
            } catch (FileAlreadyExistsException clash) {
                if (attempt >= 100) {
                    throw clash;
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
