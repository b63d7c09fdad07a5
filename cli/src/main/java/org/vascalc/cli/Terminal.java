package org.vascalc.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Whether stderr is a terminal: the one rule every progress display of the command line follows, and
 * whether a display has left its line open (so the next message starts a line of its own).
 *
 * <p>Java cannot ask about stderr alone: {@code System.console()} and {@code Console.isTerminal()} speak
 * of stdin and stdout. So {@code ./vascalc}, which can ({@code [ -t 2 ]}), says it in
 * {@link #ENV}: a user who sends stdout to a file at a terminal still sees the bar, and a stderr sent
 * to a log gets none. Without the launcher ({@code java -cp ...}) the console decides, as before
 * (review9, fifty-first session: stdout redirected at a terminal showed no bar; flagship and phantom
 * read {@link #ENV}, which nothing set, besides a bare {@code System.console() != null}).
 */
public final class Terminal {

    /** Set by the {@code vascalc} launcher: 1 when stderr is a terminal, 0 when it is not. */
    public static final String ENV = "VASCALC_STDERR_TTY";

    private static final AtomicBoolean LINE_OPEN = new AtomicBoolean();

    private Terminal() {
    }

    /** Whether progress may be drawn on stderr. */
    public static boolean stderr() {
        return decide(System.getenv(ENV), Terminal::consoleIsTerminal);
    }

    /** {@link #ENV}'s value when the launcher set it ("1" or "0"), else what the console says. */
    static boolean decide(String launcherSays, BooleanSupplier console) {
        if ("1".equals(launcherSays)) {
            return true;
        }
        if ("0".equals(launcherSays)) {
            return false;
        }
        return console.getAsBoolean();
    }

    /** A display drew on stderr: {@code open} if it left the line unfinished (a bar redrawn with \r). */
    public static void drew(boolean open) {
        LINE_OPEN.set(open);
    }

    /** Whether a display left its line open; clears it (the caller is about to end that line). */
    static boolean takeOpenLine() {
        return LINE_OPEN.getAndSet(false);
    }

    /**
     * Java 21's {@code System.console()} is null unless the process is interactive; from Java 22 it
     * may exist when redirected, and {@code Console.isTerminal()} (looked up reflectively, since we
     * compile for 21) says whether it really is a terminal.
     */
    private static boolean consoleIsTerminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
