package org.vascalc.cli;

import java.io.PrintWriter;
import java.util.List;
import org.vascalc.core.input.InputProblem;

/**
 * The line a command prints for each warning of a scenario file or of its run, on stderr:
 * {@code vascalc: warning: SOURCE: PATH: MESSAGE}, SOURCE the file as the user gave it (or the
 * scenario's name when no file was given). One place, so that {@code simulate} and {@code sensitivity}
 * say a warning alike (docs/stored-results.md quotes the form).
 */
final class WarningLines {

    private WarningLines() {
    }

    /** Prints one line per warning, in their order; nothing when there are none. */
    static void print(PrintWriter err, Object source, List<InputProblem> warnings) {
        for (InputProblem w : warnings) {
            err.println(line(source, w));
        }
    }

    /** The line of one warning, without its line end. */
    static String line(Object source, InputProblem w) {
        return "vascalc: warning: " + source + ": " + w.path() + ": " + w.message();
    }
}
