package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VasCalcTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        StringWriter out = new StringWriter();
        int code = VasCalc.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: vascalc");
    }

    /** A new user's first screen: where to start, where each command's details are, and the exit codes. */
    @Test
    void topLevelHelpShowsExamplesThePerCommandHelpAndTheExitCodes() {
        String[] r = run("--help");
        assertThat(r[1]).contains("Examples:").contains("  ./vascalc flagship ").contains("./vascalc COMMAND --help")
                .contains("Exit codes: 0 done, 1 bad input");
        assertThat(run()[1]).as("no command prints the same help").isEqualTo(r[1]);
    }

    /** A mistyped option or command names the nearest valid ones (picocli matched options by two letters only). */
    @Test
    void aMistypedOptionOrCommandNamesTheNearestValidOnes() {
        String[] option = run("cohort", "--szie", "10");
        assertThat(option[0]).isEqualTo("1");
        assertThat(option[2]).contains("Unknown options: '--szie'").contains("Did you mean: --size?")
                .contains("Try 'vascalc cohort --help'.").doesNotContain("Exception");
        assertThat(run("risk", "--lipid-units", "mmol")[2]).contains("Did you mean: --lipid-unit?");
        assertThat(run("cohort", "--size=10", "--sed", "3")[2]).contains("--seed");
        String[] command = run("simulte");
        assertThat(command[0]).isEqualTo("1");
        assertThat(command[2]).contains("'simulte' is not a command").contains("Did you mean: vascalc simulate?");
        assertThat(run("cohort", "--zzzzzzzz")[2]).as("nothing near: no guess").doesNotContain("Did you mean");
        assertThat(run("help", "simulte")[2]).contains("Did you mean: vascalc simulate?");
        assertThat(run("cohort", "-x")[2]).as("one letter: no guess").doesNotContain("Did you mean");
        // nothing near a command: the commands are listed (it said only "Unmatched argument at index 0")
        String[] unknown = run("foo");
        assertThat(unknown[0]).isEqualTo("1");
        assertThat(unknown[2]).contains("vascalc: 'foo' is not a command").contains("The commands are: flagship, risk, phantom, score, simulate,")
                .contains("serve.").doesNotContain("help,");
        assertThat(run("cohort", "--zzzzzzzz")[2]).doesNotContain("The commands are");
        // "help nope" said picocli's "Unknown subcommand 'nope'." and named none
        String[] helpOfNothing = run("help", "nope");
        assertThat(helpOfNothing[0]).isEqualTo("1");
        assertThat(helpOfNothing[2]).contains("vascalc: 'nope' is not a command").contains("The commands are: flagship,")
                .doesNotContain("Unknown subcommand");
        // a missing input is explained by its own line of the help
        String[] noFile = run("simulate");
        assertThat(noFile[0]).isEqualTo("1");
        assertThat(noFile[2]).contains("Missing required parameter: 'FILE'")
                .contains("  FILE: Scenario file(s) (.yaml, .yml or .json).");
        // a stray word after a command without inputs: named as such, not "Unmatched argument at index 1"
        String[] stray = run("risk", "extra");
        assertThat(stray[0]).isEqualTo("1");
        assertThat(stray[2]).contains("vascalc: 'extra' is not an option or an input of vascalc risk (options start"
                + " with --)").doesNotContain("Unmatched");
    }

    @Test
    void aSeedThatIsNotAWholeNumberSaysSoNotJavasTypeName() {
        for (String command : new String[] {"cohort", "trial"}) {
            String[] r = run(command, "--seed", "abc");
            assertThat(r[0]).as(command).isEqualTo("1");
            assertThat(r[2]).as(command).contains("Invalid value for option '--seed': 'abc' is not a whole number")
                    .doesNotContain("long").doesNotContain("Exception");
        }
    }

    /** One rule for seeds on the CLI and the web form: a whole number from 0 to 10^9. */
    @Test
    void aSeedOutsideZeroToABillionIsRefusedAsOnTheWebForm() {
        for (String[] args : new String[][] {{"cohort", "--seed", "-3"}, {"trial", "--all", "--seed", "-3"},
                {"cohort", "--seed", "1000000001"}, {"trial", "--all", "--parameter-seed", "-1"}}) {
            String[] r = run(args);
            assertThat(r[0]).as(String.join(" ", args)).isEqualTo("1");
            assertThat(r[2]).as(String.join(" ", args)).containsPattern("--(parameter-)?seed = -?\\d+ is outside the allowed range 0 to 1000000000")
                    .doesNotContain("Exception");
        }
    }

    /** The command list shows each command's first header line; a cut-off description reads badly. */
    @Test
    void everyCommandHasAOneLineHeaderForTheCommandList() {
        CommandLine cli = new CommandLine(new VasCalc());
        cli.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            String[] header = sub.getCommandSpec().usageMessage().header();
            assertThat(header).as(name).hasSize(1);
            assertThat(header[0]).as(name).endsWith(".").hasSizeLessThan(110 - 13);
        });
    }

    /**
     * One style for every help text of the command tree: each command's header, and each option's and
     * input's description, is a sentence: it starts with a capital letter and ends with a full stop. Half the commands wrote
     * "output folder, created if needed" and the other half "Output folder (default: ...).".
     */
    @Test
    void everyHelpTextOfTheCommandTreeIsASentenceWithAFullStop() {
        List<String> bad = new ArrayList<>();
        collectHelpStyleProblems(new CommandLine(new VasCalc()), bad);
        assertThat(bad).as("help texts not in the house style (capital first, full stop last)").isEmpty();
    }

    private static void collectHelpStyleProblems(CommandLine cli, List<String> bad) {
        CommandLine.Model.CommandSpec spec = cli.getCommandSpec();
        String name = spec.qualifiedName();
        List<String[]> texts = new ArrayList<>();
        texts.add(new String[] {name + " header", String.join(" ", spec.usageMessage().header())});
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            texts.add(new String[] {name + " " + o.longestName(), String.join(" ", o.description())});
        }
        for (CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
            texts.add(new String[] {name + " " + p.paramLabel(), String.join(" ", p.description())});
        }
        for (String[] t : texts) {
            String text = t[1].strip();
            if (text.isEmpty() && t[0].endsWith(" header") && spec.parent() == null) {
                continue; // the top-level command has a description, no header
            }
            if (text.isEmpty() || !text.endsWith(".") || !startsLikeASentence(text)) {
                bad.add(t[0] + ": '" + text + "'");
            }
        }
        // one wording of the exit codes: "2 internal error" (some said "internal failure", one "0 success")
        String footer = String.join(" ", spec.usageMessage().footer()).replaceAll("\\s+", " ");
        if (!footer.matches(".*Exit codes: 0 (done|stopped)\\b.*1 bad input \\(the message [^)]*\\), 2 internal error\\..*")) {
            bad.add(name + " footer: '" + footer + "'");
        }
        cli.getSubcommands().forEach((sub, c) -> {
            if (!sub.equals("help")) {
                collectHelpStyleProblems(c, bad);
            }
        });
    }

    /** A capital letter (a value the user types, "agatston", "female", comes after a capitalised name: "Sex: female"). */
    private static boolean startsLikeASentence(String text) {
        return Character.isUpperCase(text.charAt(0));
    }

    /** No usage line cuts an option in two (risk's synopsis broke "[--[no-]" / "smoker]" across lines). */
    @Test
    void noUsageLineCutsAnOptionInTwo() {
        new CommandLine(new VasCalc()).getSubcommands().forEach((name, sub) -> {
            String usage = run(name, "--help")[1];
            assertThat(usage.lines().filter(l -> l.matches(".*\\[--\\[no-\\]\\s*$")).toList()).as(name).isEmpty();
        });
        assertThat(run("risk", "--help")[1]).startsWith("Risk scores").contains("Usage: vascalc risk [--patient=FILE] [--age=YEARS");
    }

    /**
     * Every help text formats: picocli runs each description through {@code String.format}, and a bare
     * "%" ("25 % off" in simulate's --mode) made it print a warning on stderr and the raw text.
     */
    @Test
    void everyCommandsHelpFormatsWithoutAPicocliWarning() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            run("--help");
            new CommandLine(new VasCalc()).getSubcommands().keySet().stream().filter(n -> !n.equals("help"))
                    .forEach(name -> run(name, "--help"));
        } finally {
            System.setErr(saved);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    /** The meta check fails on the mixed styles it was written for. */
    @Test
    void theHelpStyleCheckRefusesLowerCaseAndAMissingFullStop() {
        assertThat(startsLikeASentence("output folder, created if needed")).isFalse();
        assertThat(startsLikeASentence("Output folder.")).isTrue();
        assertThat(startsLikeASentence("8 (default, 2-D), 4 (2-D) or 3d.")).isFalse();
    }

    /** Every command's -V prints the version (five printed an empty line: no version provider). */
    @Test
    void everyCommandPrintsTheVersion() {
        String version = run("--version")[1];
        assertThat(version).startsWith("vascalc ").contains("(commit ");
        new CommandLine(new VasCalc()).getSubcommands().keySet().stream().filter(n -> !n.equals("help")).forEach(name ->
                assertThat(run(name, "--version")[1]).as(name).isEqualTo(version));
    }

    @Test
    void anUnknownOptionIsBadInputWithExitOne() {
        StringWriter err = new StringWriter();
        int code = VasCalc.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "--frobnicate");
        assertThat(code).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("Unknown option").doesNotContain("Exception");
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VasCalc.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void aValueThatIsNotANumberIsNamedWithTheOptionsUnitAndRange() {
        String[] r = run("flagship", "--years", "ten");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("Invalid value for option '--years': 'ten' is not a number")
                .contains("--years=YEARS: Simulated years per arm, 1 to 40 (default: 10.0).")
                .doesNotContain("double").doesNotContain("${").doesNotContain("Exception");
        // Java's parser took "5d" as 5: five years where five days may have been meant, no word (DecimalText)
        for (String javaNumber : new String[] {"5d", "5f", "0x1p2", "NaN"}) {
            // --size 0 refused too: on the old parser the command stops there, having taken the years, not here
            String[] j = run("cohort", "--years", javaNumber, "--size", "0");
            assertThat(j[0]).as(javaNumber).isEqualTo("1");
            assertThat(j[2]).as(javaNumber).contains("Invalid value for option '--years': '" + javaNumber + "' is not a number");
        }
        String[] port = run("serve", "--port", "80.5");
        assertThat(port[2]).contains("'80.5' is not a whole number").contains("--port=PORT: TCP port, 1 to 65535 (default: 7070).");
    }

    /**
     * A bad value of an option with a long help (--mode's, about 700 characters) keeps the first line with its
     * guess readable: the help is cut to one line and its rest pointed to (leftovers21); a short one is printed whole.
     */
    @Test
    void aLongOptionHelpIsCutToOneLineAndPointedTo() {
        String[] r = run("simulate", "scenario.yaml", "--mode", "fst");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("'fst' is not a mode (did you mean 'fast'?)")
                .contains("  --mode=fast|reference: Reference resolves every meal and dose;")
                .contains("Try 'vascalc simulate --help' for all of --mode.")
                .doesNotContain("docs/performance.md");
        assertThat(r[2].lines().toList()).as(r[2]).hasSize(3);
        assertThat(r[2].lines().skip(1).mapToInt(String::length).max().orElse(0)).as(r[2])
                .isLessThanOrEqualTo(VasCalc.MAX_OPTION_LINE);
    }

    /** The launcher is ./vascalc (it is not on the PATH): an example that says "vascalc ..." fails when pasted. */
    @Test
    void everyHelpExampleStartsWithTheLauncher() {
        CommandLine cli = new CommandLine(new VasCalc());
        cli.getSubcommands().forEach((name, sub) -> {
            String help = sub.getUsageMessage();
            assertThat(help.lines().filter(l -> l.matches("\\s*(Example:\\s*)?vascalc " + name + "\\b.*")).toList()).as(name).isEmpty();
        });
    }

    @Test
    void aFullDiskIsAOneLineFileProblemNotAnInternalError() {
        // robust (thirty-third session): simulate --out on a full tmpfs ended in "internal error (please report
        // it ...)", exit 2 and a stack trace: the chart's write failed with a plain IOException, which the
        // handler did not count as the machine's state as it does a FileSystemException
        java.io.IOException full = new java.io.IOException("No space left on device");
        assertThat(VasCalc.fileProblemMessage(full)).contains("No space left on device").contains("disk is full");
        assertThat(VasCalc.fileProblemMessage(new java.io.UncheckedIOException(full))).contains("disk is full");
        assertThat(VasCalc.fileProblemMessage(new java.nio.file.AccessDeniedException("/x/y")))
                .contains("permission denied on /x/y");
        // review10: the file by its name where the writer gave it (AtomicFiles, StreamedFile)
        assertThat(VasCalc.fileProblemMessage(new java.nio.file.FileSystemException("/runs/a.csv", null,
                "No space left on device"))).isEqualTo("cannot write /runs/a.csv: No space left on device (the disk "
                        + "is full); free some space, or write to another place, and run again");
        // anything else stays an internal error
        assertThat(VasCalc.fileProblemMessage(new java.io.IOException("Stream closed"))).isNull();
        assertThat(VasCalc.fileProblemMessage(new IllegalStateException("bug"))).isNull();
    }

    /**
     * The guesses: nearest first, then by name (not the order the commands are declared in); three letters
     * are enough for a guess (two are not). Edit distances by hand: scerve → serve 1 (drop c), → score 2;
     * schort → cohort 2 (s→c, c→o), → score 2 (drop h, t→e);
     * sed → seed 1 (add e), → set 1 (d→t), a tie.
     */
    @Test
    void theGuessesAreNearestFirstThenByName() {
        assertThat(run("scerve")[2]).contains("Did you mean: vascalc serve or vascalc score?");
        assertThat(run("schort")[2]).contains("Did you mean: vascalc cohort or vascalc score?");
        assertThat(run("cohort", "--sed", "3")[2]).contains("Did you mean: --seed or --set?");
        assertThat(run("cohort", "--se", "3")[2]).doesNotContain("Did you mean");
    }

    /** Exit 2 is a bug: the one line asks for a report, and the stack trace follows on stderr (the class's contract). */
    @Test
    void anInternalErrorPrintsItsStackTrace(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        System.setProperty("vascalc.simulatorFactory", FakeModel.class.getName());
        try {
            java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("explode.yaml"),
                    "name: explode\ndurationDays: 1\nrecording: {intervalHours: 1}\n");
            String[] r = run("simulate", f.toString(), "--out", dir.resolve("out").toString());
            assertThat(r[0]).isEqualTo("2");
            assertThat(r[2]).startsWith("vascalc: internal error (please report it with the command you ran): "
                    + "java.lang.IllegalStateException: simulated internal failure").contains("\tat org.vascalc.cli.FakeModel");
        } finally {
            System.clearProperty("vascalc.simulatorFactory");
        }
    }

    /**
     * Fast mode that cannot integrate a regimen (an orbit's first period fails; fastcrash's Left) printed
     * "internal error" and a stack trace: it is one line saying so and to run reference mode, still exit 2
     * (the run could not be done as asked), and no output file is left half-written.
     */
    @Test
    void aFastModeFailureIsOneLineNamingReferenceModeWithoutAStackTrace(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws java.io.IOException {
        System.setProperty("vascalc.simulatorFactory", FakeModel.class.getName());
        try {
            java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("g5.yaml"),
                    "name: fast-mode-fails\ndurationDays: 3\nrecording: {intervalHours: 1}\n");
            String[] r = run("simulate", f.toString(), "--mode", "fast", "--out", dir.resolve("out").toString());
            assertThat(r[0]).isEqualTo("2");
            assertThat(r[2]).isEqualTo("vascalc: fast mode could not integrate this regimen: its daily cycle (the orbit "
                    + "starting at day 2.00) did not integrate (component 40 not finite beyond t = 63.96); reference mode "
                    + "resolves every meal and dose and may run it. Run it again with --mode reference (slower; it is a "
                    + "limit of fast mode, not of your input)." + System.lineSeparator());
            assertThat(dir.resolve("out").resolve("fast-mode-fails.trajectory.csv")).doesNotExist();
        } finally {
            System.clearProperty("vascalc.simulatorFactory");
        }
        assertThat(VasCalc.fastModeRemedy("cohort")).contains("cohort command runs fast mode only")
                .contains("'./vascalc simulate FILE --mode reference'");
        assertThat(VasCalc.isInternal(new java.util.concurrent.CompletionException(
                new org.vascalc.simulation.engine.FastModeIntegrationException(0,
                        new org.vascalc.simulation.integrate.IntegrationException("x", 1, -1))))).isFalse();
    }

    /** "Disk quota exceeded" is a full disk as "No space left on device" is, found anywhere in the cause chain. */
    @Test
    void aFullQuotaAnywhereInTheCausesIsAFileProblem() {
        assertThat(VasCalc.fileProblemMessage(new RuntimeException(new IllegalStateException(
                new java.io.IOException("write failed: Disk quota exceeded")))))
                .isEqualTo("cannot write a file: write failed: Disk quota exceeded (the disk is full); free some space, "
                        + "or write to another place, and run again");
        assertThat(VasCalc.fileProblemMessage(new IllegalStateException("No space left on device")))
                .as("not an I/O failure").isNull();
        assertThat(VasCalc.fileProblemMessage(new java.io.UncheckedIOException(
                new java.nio.file.AccessDeniedException("/x/y")))).isEqualTo("cannot read or write a file: permission "
                        + "denied on /x/y; check the path, its permissions and the free disk space");
    }

    /**
     * What counts as the user's to mend (exit 1, one line) and what as a bug (exit 2, a stack trace), one rule
     * for the handler and for cohort's "stopped after" line: bad input, a model-domain failure even wrapped
     * by a parallel run, a file the machine refuses or a full disk are the user's; anything else is internal.
     */
    @Test
    void theUsersProblemsAreTheInputTheModelsDomainAndTheFilesEverythingElseIsInternal() {
        assertThat(VasCalc.isInternal(new UserInputException("--size 0 is out of range"))).isFalse();
        assertThat(VasCalc.isInternal(new org.vascalc.core.input.InvalidInputException("scenario",
                List.of()))).isFalse();
        assertThat(VasCalc.isInternal(new java.util.concurrent.CompletionException(
                new org.vascalc.core.input.ModelDomainException("no steady state")))).isFalse();
        assertThat(VasCalc.isInternal(new java.nio.file.AccessDeniedException("/read-only/out"))).isFalse();
        assertThat(VasCalc.isInternal(new java.io.UncheckedIOException(
                new java.io.IOException("No space left on device")))).isFalse();
        assertThat(VasCalc.isInternal(new IllegalStateException("a bug"))).isTrue();
        assertThat(VasCalc.isInternal(new java.io.IOException("stream closed"))).isTrue();
    }
}
