package org.vascalc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the command line ({@link VasCalc#run}) for the command tests: its exit code
 * and what it printed to standard output and standard error.
 */
public record CliRun(int code, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VasCalc.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
