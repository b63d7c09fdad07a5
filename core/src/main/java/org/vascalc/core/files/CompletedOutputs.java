package org.vascalc.core.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The output files and folders this JVM has moved into place (via {@link TemporaryOnExit#commit(Path,
 * TemporaryOnExit.Action)}) and the databases it committed a transaction to ({@link #complete}), so that
 * a command stopped by Ctrl-C or {@code kill} can tell the user truthfully what it completed.
 * {@link #seal()} (called once the JVM is exiting for a signal) closes the list: a writer thread still
 * running during the exit then has its rename or commit refused, so nothing lands after the user was
 * told what is on disk.
 */
public final class CompletedOutputs {

    private static final Object LOCK = new Object();
    private static final List<Path> DONE = new ArrayList<>();
    private static boolean sealed;

    private CompletedOutputs() {
    }

    /**
     * Runs {@code finish}, the step that makes {@code target} whole (a rename into place, a database's
     * commit), and records {@code target}, unless sealed (then: false, {@code finish} not run).
     */
    public static boolean complete(Path target, TemporaryOnExit.Action finish) throws IOException {
        synchronized (LOCK) {
            if (sealed) {
                return false;
            }
            finish.run();
            DONE.remove(target);
            DONE.add(target);
            return true;
        }
    }

    /** Closes the list (later renames are refused) and returns what was completed, oldest first. */
    public static List<Path> seal() {
        synchronized (LOCK) {
            sealed = true;
            return List.copyOf(DONE);
        }
    }

    /** What was completed so far, oldest first (for tests). */
    public static List<Path> soFar() {
        synchronized (LOCK) {
            return List.copyOf(DONE);
        }
    }
}
