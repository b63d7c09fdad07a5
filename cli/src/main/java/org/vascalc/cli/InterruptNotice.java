package org.vascalc.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vascalc.core.files.CompletedOutputs;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

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
    /** Commands with a {@code --threads} option: fewer threads hold fewer runs in memory at once. */
    private static final Set<String> WITH_THREADS = Set.of("cohort", "trial", "sensitivity");

    /**
     * The commands that can run long enough to be stopped (seconds to minutes), whose {@code --help} ends
     * with {@link #HELP}; risk is instant, and cohort and serve say in their own help what Ctrl-C does.
     */
    static final Set<String> LONG_RUNNING = Set.of("flagship", "phantom", "score", "simulate", "trial",
            "sensitivity", "validate", "calibrate");
    /** What {@link #onExit()} does, said once for every command in {@link #LONG_RUNNING}. */
    static final String HELP = "Ctrl-C (exit 130) or kill (143): one stderr line names the outputs already written;"
            + " none is half-written.";

    /** Ends the usage footer of each command in {@link #LONG_RUNNING} of {@code root} with {@link #HELP}. */
    static void addToHelp(CommandLine root) {
        for (String name : LONG_RUNNING) {
            UsageMessageSpec usage = root.getSubcommands().get(name).getCommandSpec().usageMessage();
            List<String> footer = new ArrayList<>(List.of(usage.footer()));
            footer.add(HELP);
            usage.footer(footer.toArray(String[]::new));
        }
    }

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

    /**
     * The command ran out of memory: says so (the exit hook would call it "interrupted", naming the wrong
     * cause, review12) and silences the hook. Prints on {@link #err}, which the error leaves usable.
     */
    void outOfMemory() {
        done.set(true);
        err.print(System.lineSeparator() + outOfMemoryLine(command, CompletedOutputs.seal(), Path.of("").toAbsolutePath(),
                Runtime.getRuntime().maxMemory()) + System.lineSeparator());
        err.flush();
    }

    /** The line for {@code command} stopped by an OutOfMemoryError with a heap of at most {@code maxHeapBytes}. */
    static String outOfMemoryLine(String command, List<Path> written, Path cwd, long maxHeapBytes) {
        String kept = line(command, written, cwd).substring(("vascalc " + command + ": interrupted; ").length());
        return "vascalc " + command + ": stopped, out of memory (Java's heap limit is " + maxHeapBytes / (1024 * 1024)
                + " MB); " + kept + ". Give Java more memory (VASCALC_JAVA_OPTS=-Xmx8g ./vascalc " + command
                + " ...) or ask for less at once (fewer members, files or runs" + (WITH_THREADS.contains(command)
                        ? "; fewer --threads, each of which holds its own runs" : "") + ")";
    }

    private void onExit() {
        if (done.get()) {
            return;
        }
        err.print(text(command, CompletedOutputs.seal(), Path.of("").toAbsolutePath()));
        err.flush();
    }

    /**
     * {@link #line} as printed: on a line of its own, so after a progress bar cut off mid-line by the
     * signal it starts a new line (it used to follow the bar: "... 1 %vascalc simulate: interrupted").
     */
    static String text(String command, List<Path> written, Path cwd) {
        String sep = System.lineSeparator();
        return (Terminal.takeOpenLine() ? sep : "") + line(command, written, cwd) + sep;
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
