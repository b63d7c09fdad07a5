package org.vascalc.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.vascalc.core.input.EditDistance;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.input.ModelDomainException;
import org.vascalc.simulation.engine.FastModeIntegrationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vascalc} command. Exit codes: 0 success, 1 bad input (the message says what to fix),
 * 2 internal failure (a bug: the stack trace goes to stderr).
 */
@Command(name = "vascalc",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.VersionProvider.class,
        description = {
            "Simulates and explains vascular calcification: mineral metabolism and vitamin K, medial and intimal",
            "calcification, CT calcium scoring and published clinical risk scores."},
        footer = {
            "",
            "Examples:",
            "  ./vascalc flagship                  # the main comparison; report in out/flagship/index.html",
            "  ./vascalc risk --age 55 --sex male --race white --tc 213 --hdl 50 --sbp 120 --cac 120",
            "  ./vascalc serve                     # the local web app at http://127.0.0.1:7070/",
            "",
            "Each command's inputs (with units, ranges and defaults), outputs and examples: ./vascalc COMMAND --help",
            "",
            "Exit codes: 0 done, 1 bad input (the message says what to fix), 2 internal error."},
        subcommands = {
            CommandLine.HelpCommand.class,
            org.vascalc.cli.flagship.FlagshipCommand.class,
            org.vascalc.cli.clinical.RiskCommand.class,
            org.vascalc.cli.imaging.PhantomCommand.class,
            org.vascalc.cli.imaging.ScoreCommand.class,
            SimulateCommand.class,
            CohortCommand.class,
            TrialCommand.class,
            SensitivityCommand.class,
            ValidateCommand.class,
            CalibrateCommand.class,
            ParametersCommand.class,
            org.vascalc.cli.web.ServeCommand.class,
        })
public final class VasCalc implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_INPUT = 1;
    public static final int EXIT_INTERNAL = 2;

    /**
     * The longest option help line a bad value's error repeats (the help's width): a longer one is cut there
     * and its rest left to {@code --help}, so the error's first line (with its guess) stays the one a user reads.
     */
    static final int MAX_OPTION_LINE = 110;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        InterruptNotice notice = InterruptNotice.install(args, System.err);
        int code;
        try {
            code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        } catch (OutOfMemoryError e) {
            // the heap is exhausted, not the user's input wrong and not a signal: say which, exit 1
            notice.outOfMemory();
            System.exit(EXIT_BAD_INPUT);
            return;
        }
        notice.finished();
        System.exit(code);
    }

    private static double number(String text) {
        try {
            return org.vascalc.core.input.DecimalText.parse(text); // not Java's "5d", "0x1p3", "NaN" (DecimalText)
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a number");
        }
    }

    private static long longWholeNumber(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number");
        }
    }

    private static int wholeNumber(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number");
        }
    }

    /** Runs the command line with the given streams and returns the exit code (used by tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new VasCalc());
        cli.setUsageHelpWidth(110);
        InterruptNotice.addToHelp(cli);
        cli.setOut(out);
        cli.setErr(err);
        // "'abc' is not a number", not picocli's "is not a double"
        cli.registerConverter(Double.class, VasCalc::number);
        cli.registerConverter(Double.TYPE, VasCalc::number);
        cli.registerConverter(Integer.class, VasCalc::wholeNumber);
        cli.registerConverter(Integer.TYPE, VasCalc::wholeNumber);
        cli.registerConverter(Long.class, VasCalc::longWholeNumber);
        cli.registerConverter(Long.TYPE, VasCalc::longWholeNumber);
        cli.setParameterExceptionHandler((ex, a) -> {
            boolean unknownCommand = ex instanceof CommandLine.UnmatchedArgumentException u
                    && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")
                    && !ex.getCommandLine().getCommandSpec().subcommands().isEmpty();
            boolean strayWord = !unknownCommand && ex instanceof CommandLine.UnmatchedArgumentException u
                    && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-");
            String word = strayWord || unknownCommand
                    ? ((CommandLine.UnmatchedArgumentException) ex).getUnmatched().get(0) : "";
            // "vascalc help nope": picocli's own "Unknown subcommand 'nope'." named no command
            java.util.regex.Matcher helpOf = java.util.regex.Pattern.compile("Unknown subcommand '(.*)'\\.")
                    .matcher(String.valueOf(ex.getMessage()));
            if (!unknownCommand && !strayWord && helpOf.matches()) {
                unknownCommand = true;
                word = helpOf.group(1);
            }
            // not picocli's "Unmatched argument at index 0: 'foo'"
            err.println("vascalc: " + (unknownCommand ? "'" + word + "' is not a command"
                    : strayWord ? "'" + word + "' is not an option or an input of "
                            + ex.getCommandLine().getCommandSpec().qualifiedName() + " (options start with --)"
                    : ex.getMessage()));
            // the option's own line of the help: its unit and allowed values (a range comes early), cut to one
            // line; whole, --mode's (about 700 characters) buried the first line: the Try line points to the rest
            String longHelp = null;
            if (ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o && o.description().length > 0) {
                String line = "  " + o.longestName() + (o.typeInfo().isBoolean() ? "" : "=" + o.paramLabel()) + ": "
                        + String.join(" ", o.description()).replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()));
                if (line.length() > MAX_OPTION_LINE) {
                    int cut = line.lastIndexOf(' ', MAX_OPTION_LINE - 1);
                    line = line.substring(0, cut > 0 ? cut : MAX_OPTION_LINE - 1) + "…";
                    longHelp = o.longestName();
                }
                err.println(line);
            }
            // "Missing required parameter: 'FILE'": what FILE is, from the help
            if (ex instanceof CommandLine.MissingParameterException missing) {
                for (CommandLine.Model.ArgSpec arg : missing.getMissing()) {
                    if (arg instanceof CommandLine.Model.PositionalParamSpec p && p.description().length > 0) {
                        err.println("  " + p.paramLabel() + ": " + String.join(" ", p.description()));
                    }
                }
            }
            List<String> close = closest(ex);
            if (!close.isEmpty()) {
                err.println("Did you mean: " + String.join(" or ", close) + "?");
            } else if (unknownCommand) { // "./vascalc foo" named no command: name them all
                err.println("The commands are: " + String.join(", ", ex.getCommandLine().getSubcommands().keySet()
                        .stream().filter(n -> !n.equals("help")).toList()) + ".");
            } else {
                CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            }
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'"
                    + (longHelp == null ? "." : " for all of " + longHelp + "."));
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            OutOfMemoryError heap = outOfMemoryIn(ex);
            if (heap != null) {
                // a worker's (cohort, trial, sensitivity), wrapped by its pool: thrown on as the main thread's
                // own would be, so main names it the same way, not as an internal error (leftovers16)
                throw heap;
            }
            int code = reportFailure(ex, err, commandLine.getCommandName());
            // what the failed run left behind (a cohort's kept members), after the cause, which a user reads first
            if (commandLine.getCommand() instanceof FailureNote note) {
                note.afterFailure().ifPresent(err::println);
            }
            return code;
        });
        return cli.execute(args);
    }

    /** The OutOfMemoryError in {@code ex}'s cause chain (a worker thread's, wrapped by its pool), or null. */
    static OutOfMemoryError outOfMemoryIn(Throwable ex) {
        int depth = 0;
        for (Throwable t = ex; t != null && depth++ < 32; t = t.getCause()) { // 32: a cycle cannot loop
            if (t instanceof OutOfMemoryError heap) {
                return heap;
            }
        }
        return null;
    }

    /**
     * Whether {@link #reportFailure} reports {@code ex} as an internal error (exit 2, with a stack trace)
     * rather than as the user's to mend (exit 1, one line). CohortCommand asks too, to print its
     * "stopped after" line before a stack trace.
     */
    static boolean isInternal(Throwable ex) {
        return usersProblem(ex) == null && FastModeIntegrationException.in(ex) == null;
    }

    /** The one line for a failure that is the user's to mend, or null for any other failure (a bug). */
    private static String usersProblem(Throwable ex) {
        if (ex instanceof InvalidInputException || ex instanceof UserInputException) {
            return String.valueOf(ex.getMessage());
        }
        // inputs each in range that the model cannot run together: the user's to change, not a bug
        // (found in the cause chain: a cohort's or a sensitivity's parallel runs wrap their failures)
        ModelDomainException domain = ModelDomainException.in(ex);
        if (domain != null) {
            return domain.userMessage();
        }
        return fileProblemMessage(ex);
    }

    /** The one line (a stack trace too for an internal error) that says why a command failed, and its exit code. */
    static int reportFailure(Exception ex, PrintWriter err, String command) {
        String users = usersProblem(ex);
        if (users != null) {
            err.println("vascalc: " + users);
            return EXIT_BAD_INPUT;
        }
        FastModeIntegrationException fast = FastModeIntegrationException.in(ex);
        if (fast != null) {
            // a limit of fast mode, not a bug to trace nor the user's input: one line that says what to run
            // instead (fastcrash's Left; review14); exit 2, as the run could not be done as asked
            err.println("vascalc: " + fast.getMessage() + fastModeRemedy(command));
            return EXIT_INTERNAL;
        }
        err.println("vascalc: internal error (please report it with the command you ran): " + ex);
        ex.printStackTrace(err);
        return EXIT_INTERNAL;
    }

    /** After a fast-mode failure's message: how to run the same thing in reference mode with {@code command}. */
    static String fastModeRemedy(String command) {
        if ("simulate".equals(command)) {
            return ". Run it again with --mode reference (slower; it is a limit of fast mode, not of your input).";
        }
        return ". The " + command + " command runs fast mode only: run the scenario alone with "
                + "'./vascalc simulate FILE --mode reference', and please report this with the command you ran.";
    }

    /**
     * For a mistyped option or subcommand, the valid names nearest to it by edit distance (at most
     * three, nearest first; empty when none is near): picocli's own suggestions match options by
     * their first two letters only, so {@code --szie} found nothing.
     */
    static List<String> closest(CommandLine.ParameterException ex) {
        String typed;
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        java.util.regex.Matcher help = java.util.regex.Pattern.compile("Unknown subcommand '(.*)'\\.").matcher(
                String.valueOf(ex.getMessage()));
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            typed = u.getUnmatched().get(0);
        } else if (help.matches() && !spec.subcommands().isEmpty()) {
            typed = help.group(1); // vascalc help simulte: picocli's help command names the parent's command line
        } else {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        boolean option = typed.startsWith("-");
        if (option) {
            String bare = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
            for (CommandLine.Model.OptionSpec o : spec.options()) {
                if (!o.hidden()) {
                    names.addAll(List.of(o.names()));
                }
            }
            typed = bare;
        } else {
            spec.subcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    names.add(name);
                }
            });
        }
        String key = typed.toLowerCase(Locale.ROOT);
        if (key.replaceFirst("^-+", "").length() < 3) {
            return List.of(); // -x is one letter from every short option: no guess
        }
        int allowed = Math.max(1, Math.min(3, key.replaceFirst("^-+", "").length() / 3));
        List<String> near = names.stream().distinct()
                .filter(n -> EditDistance.between(key, n.toLowerCase(Locale.ROOT)) <= allowed)
                .sorted(Comparator.comparingInt((String n) -> EditDistance.between(key, n.toLowerCase(Locale.ROOT))).thenComparing(n -> n))
                .limit(3).toList();
        if (option) {
            return near;
        }
        String command = spec.qualifiedName();
        return near.stream().map(n -> command + " " + n).toList();
    }

    /**
     * The one-line message of a failure that is the machine's state, not a bug: a place the user named
     * that cannot be written (read-only mount, gone) or a full disk; null for any other failure. The
     * checks before a run catch most of these. A full disk is a plain {@link java.io.IOException} ("No space
     * left on device"), not a {@link java.nio.file.FileSystemException}: robust (thirty-third session)
     * found simulate ending on it as an internal error with a stack trace.
     */
    static String fileProblemMessage(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (t instanceof java.io.IOException && m != null
                    && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                // the file by its name where the writer gave it (AtomicFiles, StreamedFile; review10)
                String what = t instanceof java.nio.file.FileSystemException fs && fs.getFile() != null
                        && fs.getReason() != null ? fs.getFile() + ": " + fs.getReason() : "a file: " + m;
                return "cannot write " + what + " (the disk is full); free some space, or write to another "
                        + "place, and run again";
            }
        }
        java.nio.file.FileSystemException f = fileSystemCause(ex);
        if (f != null) {
            return "cannot read or write a file: " + CliFiles.describe(f)
                    + "; check the path, its permissions and the free disk space";
        }
        return null;
    }

    /** The file-system failure that {@code ex} is or wraps ({@link java.io.UncheckedIOException}), or null. */
    private static java.nio.file.FileSystemException fileSystemCause(Throwable ex) {
        if (ex instanceof java.nio.file.FileSystemException f) {
            return f;
        }
        return ex instanceof java.io.UncheckedIOException u && u.getCause() instanceof java.nio.file.FileSystemException f ? f : null;
    }
}
