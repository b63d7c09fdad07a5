package org.vascalc.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vascalc.core.files.CompletedOutputs;

/**
 * The one line a command stopped by Ctrl-C (SIGINT) or {@code kill} (SIGTERM) prints on stderr: that
 * it was interrupted and which outputs it had completed (from {@link CompletedOutputs}; every output
 * is written to a temporary sibling and renamed, so nothing else is on disk). A shutdown hook that
 * stays silent at a normal exit: {@link #finished()} is called before {@code System.exit}, so the
 * hook speaks only when the JVM exits while the command still runs. The exit code stays the JVM's
 * (130 for SIGINT, 143 for SIGTERM).
 */
final class InterruptNotice {

    /** Commands that say what they kept themselves (cohort) or only serve (serve). */
    private static final Set<String> OWN_NOTICE = Set.of("cohort", "serve");
    private static final int NAMED = 6;

    private final String command;
    private final PrintStream err;
    private final AtomicBoolean done = new AtomicBoolean();

    private InterruptNotice(String command, PrintStream err) {
        this.command = command;
        this.err = err;
    }

    /** Installs the notice for the command named in {@code args} (none for cohort, serve or no command). */
    static InterruptNotice install(String[] args, PrintStream err) {
        String command = null;
        for (String a : args) {
            if (!a.startsWith("-")) {
                command = a;
                break;
            }
        }
        InterruptNotice notice = new InterruptNotice(command == null ? "" : command, err);
        if (command != null && !OWN_NOTICE.contains(command)) {
            Runtime.getRuntime().addShutdownHook(new Thread(notice::onExit, "vascalc-interrupt-notice"));
        }
        return notice;
    }

    /** The command returned: the exit that follows is a normal one. */
    void finished() {
        done.set(true);
    }

    private void onExit() {
        if (done.get()) {
            return;
        }
        err.println(line(command, CompletedOutputs.seal(), Path.of("").toAbsolutePath()));
        err.flush();
    }

    /** The notice for {@code command} having completed {@code written} (absolute), named relative to {@code cwd}. */
    static String line(String command, List<Path> written, Path cwd) {
        String head = "vascalc " + command + ": interrupted; ";
        if (written.isEmpty()) {
            return head + "nothing was written (any earlier output is untouched)";
        }
        List<String> names = written.stream().limit(NAMED)
                .map(p -> p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString()).toList();
        String more = written.size() > NAMED ? " and " + (written.size() - NAMED) + " more" : "";
        return head + String.join(", ", names) + more + (written.size() == 1 ? " was" : " were")
                + " written before it, nothing is half-written";
    }
}
