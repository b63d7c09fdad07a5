package org.vascalc.core.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A temporary file or folder that a writer built beside its target (to move it into place when
 * complete), deleted also when the JVM exits before the writer's own {@code finally} runs: Ctrl-C
 * (SIGINT) or {@code kill} (SIGTERM) run shutdown hooks but not {@code finally} blocks, so without
 * this a hidden {@code .name-xxxx} would be left beside the user's output.
 *
 * <p>For the duration of the write a shutdown hook watches the temporary path; {@link #close()}
 * deletes what is left of it and removes the hook. The rename into place goes through
 * {@link #commit}, under the same lock as the hook, so the hook never deletes a half-moved result
 * and, once the rename is done, never touches anything: it deletes only the registered temporary
 * path (never following links), which the writer created new, never the target or a user's file.
 */
public final class TemporaryOnExit implements AutoCloseable {

    /** An action on the file system (the rename into place). */
    @FunctionalInterface
    public interface Action {
        void run() throws IOException;
    }

    private static final Set<TemporaryOnExit> ACTIVE = ConcurrentHashMap.newKeySet();

    /**
     * Held while a temporary is created and watched ({@link #create}); an exit's first hook takes it and
     * closes the gate. Without it a writer could create its temporary while the hooks ran and be halted
     * before registering or deleting it, leaving a hidden {@code .name-xxxx.tmp} (seen: InterruptNoticeTest,
     * 2026-12-06, a SIGTERM into simulate). The JVM halts only after every hook, so the gate hook's wait
     * on this lock lets a creation under way finish its registration (or its deletion in {@link #watch}).
     */
    private static final Object CREATION = new Object();
    private static boolean exiting; // guarded by CREATION

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(TemporaryOnExit::closeGate, "vascalc-temporary-gate"));
        } catch (IllegalStateException alreadyExiting) {
            closeGate();
        }
    }

    /** Refuses every later {@link #create} (what the exit's gate hook does; package-private for tests). */
    static void closeGate() {
        synchronized (CREATION) {
            exiting = true;
        }
    }

    /** Opens the gate again (tests only: a test that closed it must not stop the others' writes). */
    public static void reopenGateForTests() {
        synchronized (CREATION) {
            exiting = false;
        }
    }

    /** The creation of a temporary whose name is chosen as it is created ({@link Files#createTempDirectory}). */
    @FunctionalInterface
    public interface Creation {
        /** Creates the temporary and returns its path. */
        Path create() throws IOException;
    }

    /**
     * Creates the temporary {@code temp} with {@code create} and watches it ({@link #watch}), with no
     * exit possible between the two; refused, creating nothing, once the program is exiting.
     *
     * @throws Exiting if the program is exiting
     */
    public static TemporaryOnExit create(Path temp, Action create) throws IOException {
        return create(temp, List.of(), create);
    }

    /**
     * {@link #create(Path, Action)} for a temporary that needed other paths made for it: {@code madeFor} lists them
     * in the order they are to go, companion files first (a database's {@code .wal}), then the folders this write
     * created above it, deepest first ({@link #missingFolders}). When the temporary is removed uncommitted (by
     * {@link #close()} or at exit: Ctrl-C) they are removed after it, a file deleted, a folder only if it is empty;
     * the first that cannot be removed ends the list, so a folder holding anything else (an output written into it
     * meanwhile) is kept with those above it. Committed, they are kept. leftovers23: the folders made for a new
     * {@code --db} file or an atomically written output were left behind by a Ctrl-C or a failed write.
     *
     * @throws Exiting if the program is exiting
     */
    public static TemporaryOnExit create(Path temp, List<Path> madeFor, Action create) throws IOException {
        List<Path> made = List.copyOf(madeFor);
        return create(temp.toString(), () -> {
            create.run();
            return temp;
        }, made);
    }

    /**
     * {@code dir} and those of its parents that do not exist yet, deepest first: the folders that
     * {@link Files#createDirectories}{@code (dir)} would make, for {@link #create(Path, List, Action)}'s
     * {@code madeFor} (noted before they are made).
     */
    public static List<Path> missingFolders(Path dir) {
        List<Path> missing = new java.util.ArrayList<>();
        for (Path d = dir.toAbsolutePath().normalize(); d != null && !Files.exists(d, LinkOption.NOFOLLOW_LINKS);
             d = d.getParent()) {
            missing.add(d);
        }
        return List.copyOf(missing);
    }

    /**
     * Removes {@code made} in order as {@link #create(Path, List, Action)} does for an uncommitted temporary: a file
     * deleted, a folder only if empty, stopping at the first that cannot go. For a writer whose temporary was never
     * created (refused, or its creation failed) after it made the folders.
     */
    public static void removeMade(List<Path> made) {
        for (Path p : made) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException notEmptyOrNotOurs) {
                return; // a folder that holds something else: it and those above it stay
            }
        }
    }

    /**
     * {@link #create(Path, Action)} for a temporary whose path {@code creation} chooses and returns (an
     * upload's folder in the system's temporary folder).
     *
     * @throws Exiting if the program is exiting
     */
    public static TemporaryOnExit create(Creation creation) throws IOException {
        return create("temporary", creation, List.of());
    }

    /** A new, empty file {@code file} ({@link Files#createFile}: the umask's permissions), created under the gate. */
    public static TemporaryOnExit createFile(Path file) throws IOException {
        return create(file, () -> Files.createFile(file));
    }

    /**
     * A new, empty folder {@code dir} ({@link Files#createDirectory}: the umask's permissions, its parent must
     * exist), created under the gate.
     *
     * @throws java.nio.file.FileAlreadyExistsException if {@code dir} exists (a name clash: try another)
     */
    public static TemporaryOnExit createDirectory(Path dir) throws IOException {
        return create(dir, () -> Files.createDirectory(dir));
    }

    private static TemporaryOnExit create(String name, Creation creation, List<Path> madeFor) throws IOException {
        synchronized (CREATION) {
            if (exiting) {
                throw new Exiting(name);
            }
            Path temp = creation.create();
            try {
                return watch(temp, madeFor);
            } catch (UncheckedIOException refused) {
                throw refused.getCause(); // watch deleted it and what was made for it: the JVM began exiting just now
            }
        }
    }

    /**
     * A temporary refused because the program is exiting ({@link #create}, {@link #watch}): not a problem
     * of the user's folder, so a writer does not describe it as one (a write test's "does not take new files").
     */
    public static final class Exiting extends NoSuchFileException {
        private static final long serialVersionUID = 1L;

        Exiting(String file) {
            super(file, null, "not written: the program is exiting");
        }
    }

    /**
     * Closes the gate as an exit's first hook does, until {@link #reopenGateForTests()} (tests in other
     * modules: a writer asked to write while the program exits must create nothing, not even for a moment).
     */
    public static void closeGateForTests() {
        closeGate();
    }

    /**
     * The temporary paths an exit clean-up removed (never those a writer's own {@link #close()} removed,
     * so a long-running server does not collect them): a writer still running re-created such a
     * temporary folder by creating a folder inside it (tempfill session).
     */
    private static final Set<Path> REMOVED_AT_EXIT = ConcurrentHashMap.newKeySet();

    private final Path temp;
    /** Paths made for the temporary, removed after it when it is removed uncommitted ({@link #create(Path, List, Action)}). */
    private final List<Path> madeFor;
    private final Thread hook;
    private final Object lock = new Object();
    private boolean finished;

    private TemporaryOnExit(Path temp, List<Path> madeFor) {
        this.temp = Objects.requireNonNull(temp, "temp").toAbsolutePath();
        this.madeFor = List.copyOf(madeFor);
        this.hook = new Thread(this::runExitCleanup, "vascalc-temporary-cleanup");
    }

    /**
     * Watches {@code temp} (a file or folder the caller has just created) until {@link #close()}. A writer
     * creates its temporary with {@link #create} instead: an exit between its own creation and this call
     * can halt it with the temporary left behind (writergate session: five writers did so).
     */
    public static TemporaryOnExit watch(Path temp) {
        return watch(temp, List.of());
    }

    private static TemporaryOnExit watch(Path temp, List<Path> madeFor) {
        TemporaryOnExit t = new TemporaryOnExit(temp, madeFor);
        try {
            Runtime.getRuntime().addShutdownHook(t.hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting (Ctrl-C): the writer's thread runs on while the hooks run and is
            // then halted before its finally, so a temporary it started now would be left behind. It is
            // deleted at once and the write refused (found by InterruptNoticeTest: a hidden .name-xxxx.tmp).
            deleteQuietly(t.temp);
            removeMade(t.madeFor);
            throw new UncheckedIOException(new Exiting(t.temp.toString()));
        }
        ACTIVE.add(t);
        return t;
    }

    /** The watched temporary path (absolute). */
    public Path temp() {
        return temp;
    }

    /**
     * Runs {@code rename} (moving the temporary path into place) so that the exit clean-up cannot
     * run at the same time; afterwards the temporary path is no longer deleted.
     *
     * @throws IOException from {@code rename}, or if the exit clean-up already removed the temporary path
     */
    public void commit(Action rename) throws IOException {
        synchronized (lock) {
            if (finished) {
                throw new NoSuchFileException(temp.toString(), null, "removed because the program is exiting");
            }
            rename.run();
            finished = true;
        }
    }

    /**
     * {@link #commit(Action)} that also records {@code target} in {@link CompletedOutputs}, so an
     * interrupted command can say what it completed; refused like an exit clean-up once the list is
     * sealed (the JVM is exiting for a signal).
     */
    public void commit(Path target, Action rename) throws IOException {
        if (insideAnotherTemporary(target.toAbsolutePath().normalize())) {
            // built inside an output folder that is itself still a temporary (phantom's CT series in its
            // folder): the user gets that folder, recorded when it is committed; this path dies with it
            commit(rename);
            return;
        }
        commit(() -> {
            if (!CompletedOutputs.complete(target.toAbsolutePath(), rename)) {
                throw new NoSuchFileException(temp.toString(), null, "not moved into place: the program is exiting");
            }
        });
    }

    private boolean insideAnotherTemporary(Path target) {
        for (TemporaryOnExit t : ACTIVE) {
            if (t != this && target.startsWith(t.temp.normalize())) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the shutdown hook does: deletes the temporary path unless it was committed. Public so
     * that tests can check what a Ctrl-C in the middle of a write would leave.
     */
    public void runExitCleanup() {
        cleanup(true);
    }

    private void cleanup(boolean atExit) {
        synchronized (lock) {
            if (!finished) {
                finished = true;
                if (atExit) {
                    REMOVED_AT_EXIT.add(temp.normalize()); // before the deletion: see createDirectories
                }
                deleteQuietly(temp);
                removeMade(madeFor); // under the lock: a commit cannot put the file back into a folder removed here
            }
        }
        ACTIVE.remove(this);
    }

    /**
     * {@link Files#createDirectories}, refused inside a temporary folder that an exit clean-up removed:
     * a writer thread runs on while the shutdown hooks run, and creating the folder it writes into (a
     * series or a chart inside an output folder still being built, an upload's sub-folder) re-created the
     * removed hidden folder, which was then left behind. Checked after the creation, so that a clean-up
     * that comes in between is seen too; what was re-created is deleted again.
     *
     * @return {@code dir}, absolute and normalised
     * @throws NoSuchFileException if {@code dir} is inside such a removed temporary folder
     */
    public static Path createDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        Files.createDirectories(abs);
        for (Path removed : REMOVED_AT_EXIT) {
            if (abs.startsWith(removed)) {
                deleteQuietly(removed);
                throw new NoSuchFileException(abs.toString(), null, "not written: the program is exiting");
            }
        }
        return abs;
    }

    /** Deletes what is left of the temporary path (unless committed) and removes the shutdown hook. */
    @Override
    public void close() {
        cleanup(false);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway, and finds nothing to do
        }
    }

    /** The temporary paths now watched, oldest first not guaranteed (for tests and diagnostics). */
    public static List<TemporaryOnExit> active() {
        return List.copyOf(ACTIVE);
    }

    /** Whether a shutdown hook is still registered for this path (for tests). */
    public boolean hookRegistered() {
        try {
            boolean was = Runtime.getRuntime().removeShutdownHook(hook);
            if (was) {
                Runtime.getRuntime().addShutdownHook(hook);
            }
            return was;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    /**
     * Deletes {@code p} and what is in it. At exit the writer's thread goes on while the hooks run
     * (the JVM stops it only after them), so it may add files behind a single pass (seen: a Ctrl-C
     * while {@code phantom} wrote its folder left the three files written after the walk): the walk
     * is repeated until the path is gone, for at most {@link #EXIT_PATIENCE_NANOS}.
     */
    private static void deleteQuietly(Path path) {
        long deadline = System.nanoTime() + EXIT_PATIENCE_NANOS;
        Path p = outOfTheWritersWay(path);
        while (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(p)) {
                for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                    try {
                        Files.deleteIfExists(q);
                    } catch (IOException ignored) {
                        // a folder the writer just added to: the next pass
                    }
                }
            } catch (IOException | UncheckedIOException ignored) {
                // an entry vanished during the walk: the next pass
            }
            if (System.nanoTime() > deadline) {
                return; // best effort: a leftover hidden temporary is harmless
            }
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * A folder is first renamed to a sibling of its own (same file system, atomic): a writer that
     * goes on writing by the old path then fails at its next file instead of racing the deletion
     * (a fast writer kept a folder non-empty for the whole patience). Returns where the path now is
     * ({@code p} itself if it is not a folder or cannot be moved).
     */
    private static Path outOfTheWritersWay(Path p) {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return p;
        }
        Path moved = p.resolveSibling(p.getFileName() + ".deleting-" + Long.toHexString(System.nanoTime()));
        try {
            return Files.move(p, moved, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            return p;
        }
    }

    /** How long the clean-up keeps deleting what a still-running writer adds (3 s). */
    static final long EXIT_PATIENCE_NANOS = 3_000_000_000L;
}
