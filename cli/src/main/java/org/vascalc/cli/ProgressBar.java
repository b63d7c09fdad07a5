package org.vascalc.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import org.vascalc.simulation.ProgressListener;

/**
 * A one-line progress bar on stderr, shown only when the user is at a terminal (a redirected or
 * captured stderr gets nothing, so logs and pipes stay clean).
 */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 40;

    private final PrintWriter err;
    private final String label;
    private int lastPercent = -1;

    private ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    /** A bar if stderr is a terminal, otherwise {@link ProgressListener#NONE}. */
    static ProgressListener forTerminal(PrintWriter err, String label) {
        return isTerminal() ? new ProgressBar(err, label) : ProgressListener.NONE;
    }

    @Override
    public void progress(double fraction) {
        int pct = (int) Math.round(100 * Math.max(0, Math.min(1, fraction)));
        if (pct == lastPercent) {
            return;
        }
        lastPercent = pct;
        int filled = pct * WIDTH / 100;
        err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + pct + " %");
        if (pct == 100) {
            err.println();
        }
        err.flush();
    }

    /**
     * Java 21's {@code System.console()} is null unless the process is interactive; from Java 22 it
     * may exist when redirected, and {@code Console.isTerminal()} (looked up reflectively, since we
     * compile for 21) says whether it really is a terminal.
     */
    private static boolean isTerminal() {
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
