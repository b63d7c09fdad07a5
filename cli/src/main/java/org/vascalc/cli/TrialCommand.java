package org.vascalc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vascalc.cli.store.ResultDatabase;
import org.vascalc.core.input.EditDistance;
import org.vascalc.core.input.ModelDomainException;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ParameterOverrides;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.cohort.CohortProgress;
import org.vascalc.simulation.output.AtomicFiles;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;
import org.vascalc.simulation.scenario.TrialFiles;
import org.vascalc.simulation.trial.AgreementCheck;
import org.vascalc.simulation.trial.ParameterDraws;
import org.vascalc.simulation.trial.TrialReport;
import org.vascalc.simulation.trial.TrialResult;
import org.vascalc.simulation.trial.TrialRunner;
import org.vascalc.simulation.trial.TrialSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vascalc trial}: runs published trials ({@code examples/trials/<key>.yaml}; two are observational) on a
 * seeded virtual sample and puts the model's effect beside the published one.
 */
@Command(name = "trial",
        header = "Runs published trials in silico (two observational): model's effect beside the published one.",
        mixinStandardHelpOptions = true, versionProvider = BuildInfo.VersionProvider.class,
        description = {"Runs each named trial as published: its inclusion criteria on a virtual population, its arms",
            "and doses, its duration and outcome; the same virtual members run in every arm. Prints, per outcome,",
            "the published effect with its 95 %% confidence interval, the model's effect with its Monte-Carlo",
            "interval (a bootstrap over members: how far another virtual sample of this size would move it),",
            "whether the model's estimate lies in the published interval, and a short reading.",
            "Nothing here is tuned to the published results (docs/trials.md).",
            "",
            "A trial is a key of examples/trials (e.g. saltire, bolland2008, knapen2015, avadec, renakvit, block2012,",
            "win2019, anderson2016, naiyarakseree2023, k4kidneys, valkyrie; './vascalc trial --list' lists them all)",
            "or the path of a trial file (.yaml; the format is in docs/trial-format.md).",
            "",
            "Time: one trial takes seconds to two minutes (it grows with --size and the trial's years); --all",
            "(every file, 200 members per arm) took 2 min 33 s with the 24 files of 2026-12-04 on two cores",
            "shared with other builds: allow up to 5 min. Output is printed as each trial ends; --write writes",
            "its file only at the end, so a Ctrl-C leaves the file as it was.",
            "",
            "--db stores every trial run in a DuckDB database, in one transaction at the end: the run and its",
            "provenance (trial_runs), each member in each arm with their drawn covariates and run warnings",
            "(trial_members), each member's outcome values in the control arm and the outcome's arm",
            "(trial_member_outcomes) and each outcome as printed (trial_outcomes); with --check-agreement also",
            "the check (trial_agreement) and each effect in both modes (trial_agreement_effects);",
            "docs/stored-results.md.",
            "",
            "--check-agreement N measures the fast mode's own error: after each trial, N of its members (chosen by",
            "--seed, the same in every arm) run again in reference mode in every arm. Prints the worst relative",
            "difference of a member value (each outcome's output at baseline and end) and each outcome's effect on",
            "those N members in both modes, beside the effect's Monte-Carlo half-width: whether fast mode's error",
            "matters to the answer. Fast mode is held to 1 %% (issue 2) and misses it in some regimens",
            "(docs/performance.md). Cost: each checked member costs a reference run per arm over the trial's years",
            "and its vintage before them, about " + AgreementCheck.REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR + " s of CPU "
                    + "per member-year as measured (see the option below):",
            "N x arms x (years + vintage) x " + AgreementCheck.REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR + " s ("
                    + AgreementCheck.REFERENCE_CPU_SECONDS_PER_CRIC_MEMBER_YEAR + " s in a CRIC-like trial), a vintage",
            "drawn in a range counted at its mean (care2: 2 arms x (1 + 3.25 years) x "
                    + AgreementCheck.REFERENCE_CPU_SECONDS_PER_CRIC_MEMBER_YEAR + " s, about "
                    // 2 x 4.25 x the rate, rounded to whole seconds: integer arithmetic, as an annotation needs
                    + (2 * 425 * AgreementCheck.REFERENCE_CPU_SECONDS_PER_CRIC_MEMBER_YEAR + 50) / 100 + " s a member),",
            "e.g. 5 members of a 3-arm 2-year MESA-like trial about "
                    + 5 * 3 * 2 * AgreementCheck.REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR / 60 + " min of CPU. The bar",
            "moves within each reference run; the trial's own numbers are unchanged."},
        footer = {"", "Examples:",
            "  ./vascalc trial saltire",
            "  ./vascalc trial --all --write docs/trials.md      # how docs/trials.md is made",
            "  ./vascalc trial my-trial.yaml --size 100 --seed 3",
            "  ./vascalc trial bolland2008 --parameter-draws 20   # effect across 20 parameter sets (21 trial runs)",
            "  ./vascalc trial --all --db out/trials.duckdb       # every trial's members, for SQL",
            "  ./vascalc trial saltire --check-agreement 5        # 5 members also in reference mode",
            "", "Exit codes: 0 done (a model outside the published interval is a result), 1 bad input (the message",
            "says what to fix), 2 internal error."})
final class TrialCommand implements Callable<Integer> {

    /** Largest sample per arm one command runs (the web page's /trials takes the same). */
    static final int MAX_SIZE = TrialRunner.MAX_SIZE;
    /** Most parameter sets one command runs (each costs a whole trial). */
    static final int MAX_PARAMETER_DRAWS = 1000;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "TRIAL", arity = "0..*",
            description = "Trial keys of examples/trials or trial files (.yaml).")
    private List<String> trials = new ArrayList<>();

    @Option(names = "--all", description = "Run every trial of examples/trials.")
    private boolean all;

    // review16: "./vascalc trial --list" was "Unknown option"; the list was only in the message of a bare "trial" (exit 1)
    @Option(names = "--list", description = "List the trials of examples/trials, a key and a title a line, and run none.")
    private boolean list;

    @Option(names = "--size", paramLabel = "N", defaultValue = "200",
            description = "Virtual members per arm, 2 to " + MAX_SIZE + " (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Population and bootstrap seed, 0 to 1000000000 (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads, 1 to 256 (default: one per processor).")
    private Integer threads;

    @Option(names = "--write", paramLabel = "FILE", description = "Write the Markdown report to FILE (atomically; an existing FILE is replaced).")
    private Path write;

    @Option(names = "--db", paramLabel = "FILE",
            description = "Also store each trial run, its members per arm and their outcome values in this DuckDB "
                    + "database (created if missing, else appended to; one transaction after the last trial, which "
                    + "holds every member's run until then).")
    private Path db;

    @Option(names = "--parameters", paramLabel = "CSV",
            description = "Parameter catalog to use instead of the model's defaults (e.g. the model's own written by "
                    + "'vascalc parameters --write FILE' and edited). The values that differ from the model's are "
                    + "printed first, named in the provenance of --write's page and, with --db, stored in the table "
                    + "catalog_changes.")
    private Path parameters;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = CliFiles.SET_HELP_TRIAL)
    private List<String> sets;

    @Option(names = "--parameter-draws", paramLabel = "N",
            description = "Also run each trial with N parameter sets, 2 to " + MAX_PARAMETER_DRAWS + ", drawn from the "
                    + "distributions of docs/trial-format.md (Parameter uncertainty), over the same members, and report "
                    + "each outcome's median and 2.5-97.5 %% across them beside the Monte-Carlo interval; each set costs "
                    + "as much as the trial itself (default: none).")
    private Integer parameterDraws;

    @Option(names = "--parameter-seed", paramLabel = "SEED", defaultValue = "1",
            description = "Seed of the parameter sets, 0 to 1000000000 (default: ${DEFAULT-VALUE}).")
    private long parameterSeed;

    @Option(names = "--check-agreement", paramLabel = "N",
            description = "After each trial, rerun N of its members, 1 to " + AgreementCheck.MAX_MEMBERS + ", in "
                    + "reference mode in every arm and report fast mode's worst member difference and each effect on "
                    + "them in both modes against its Monte-Carlo interval (printed, with --write, and with --db in "
                    + "trial_agreement); each member costs a reference run per arm, " + AgreementCheck.REFERENCE_CPU_COST
                    + " (default: no check).")
    private Integer checkAgreement;

    /**
     * The trial's progress for {@code bar}, told within the check's reference runs too ({@link
     * CohortProgress#withinRuns}; the trial's own fast runs are told whole, as before): a reference run of a minute
     * no longer leaves the bar standing still (webedges gave /trials this; the runs' results are the same with it:
     * CohortRunnerContractTest).
     */
    static CohortProgress progress(ProgressListener bar) {
        return CohortProgress.withinRuns((done, n) -> {
            synchronized (bar) {
                bar.progress(done / n);
            }
        });
    }

    @Override
    public Integer call() throws IOException {
        if (list) {
            if (all || !trials.isEmpty()) {
                throw new UserInputException("--list runs no trial: give it alone, or name trials (or --all) without it");
            }
            spec.commandLine().getOut().println("the trials of " + TrialFiles.FOLDER + ":" + listing());
            return 0;
        }
        if (size < 2 || size > MAX_SIZE) {
            throw new UserInputException("--size = " + Plural.count(size, "member") + " is outside the allowed range 2 to " + MAX_SIZE
                    + " members");
        }
        if (parameterDraws != null && (parameterDraws < 2 || parameterDraws > MAX_PARAMETER_DRAWS)) {
            throw new UserInputException("--parameter-draws = " + Plural.count(parameterDraws, "parameter set")
                    + " is outside the allowed range 2 to " + MAX_PARAMETER_DRAWS + " sets");
        }
        CliFiles.requireAgreementMembers(checkAgreement);
        CliFiles.requireSeed("--seed", seed);
        CliFiles.requireSeed("--parameter-seed", parameterSeed);
        int workers = CohortCommand.workerThreads(threads);
        List<Named> named = specs();
        List<TrialSpec> specs = named.stream().map(Named::spec).toList();
        if (write != null) {
            CliFiles.requireWritableFile(write); // before the runs, not after them
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (db != null) {
            // before the runs: a wrong --db should not cost a long run
            ResultDatabase.requireUsable(db).ifPresent(note -> err.println("vascalc: " + note));
        }
        SimulatorFactory factory = SimulatorFactory.load();
        CliFiles.MemberParameters memberParameters = CliFiles.memberParameterSet(parameters, sets,
                factory.defaultParameters(), spec.commandLine().getOut());
        ParameterOverrides.Result parameterSet = memberParameters.set();
        List<ParameterOverrides.Change> fromCatalog = memberParameters.fromCatalog();
        ParameterCatalog catalog = parameterSet.catalog();
        // --db keeps every member's run for storing; the runs and the numbers are the same either way
        TrialRunner plain = db == null ? new TrialRunner(factory, catalog, workers)
                : new TrialRunner(factory, catalog, workers).keepingMembers();
        TrialRunner runner = checkAgreement == null ? plain : plain.checkingAgreement(checkAgreement);
        ParameterDraws table;
        try {
            table = parameterDraws == null ? null : ParameterDraws.load(catalog);
        } catch (IllegalArgumentException e) { // a --parameters catalog the table does not fit
            throw new UserInputException("--parameter-draws: " + e.getMessage(), e);
        }
        List<TrialResult> results = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            TrialSpec s = specs.get(i);
            ProgressListener bar = ProgressBar.forTerminal(err, String.format(Locale.ROOT, "trial %d/%d %s%s",
                    i + 1, specs.size(), s.key(), parameterDraws == null ? "" : " + " + parameterDraws + " parameter sets")
                    + (checkAgreement == null ? "" : " + " + checkAgreement + " in reference mode"));
            TrialResult r;
            try {
                ParameterDraws drawn = table == null ? null : table.forTrial(s);
                List<Map<String, Double>> sets = drawn == null ? List.of() : drawn.draw(parameterDraws, parameterSeed);
                r = runner.run(s, size, seed, sets, parameterSeed, drawn == null ? List.of() : drawn.all(),
                        progress(bar));
            } catch (TrialRunner.InclusionTooNarrowException e) {
                ProgressBar.endLine(bar); // the error starts a line of its own, not the bar's
                throw new UserInputException(e.getMessage(), e);
            } catch (ModelDomainException e) { // a member the model cannot run (CohortRunner names it)
                ProgressBar.endLine(bar);
                throw e.in("trial " + s.key(), CliFiles.domainHint(parameterSet.changes(), parameters, ""));
            } catch (RuntimeException e) {
                ProgressBar.endLine(bar);
                throw e;
            }
            synchronized (bar) {
                bar.progress(1);
            }
            results.add(r);
            if (i > 0) {
                o.println();
            }
            TrialReport.lines(r).forEach(o::println);
        }
        if (db != null) {
            List<ResultDatabase.Trial> stored = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                stored.add(new ResultDatabase.Trial(results.get(i), named.get(i).file().toString(), named.get(i).sha256(),
                        Mode.FAST.name(), catalog.sha256(), parameterSet.changes(), BuildInfo.version(), BuildInfo.commit(),
                        parameters == null ? "" : parameters.toString(), fromCatalog));
            }
            List<Long> ids = ResultDatabase.appendTrials(db, stored);
            o.println();
            o.println("database   " + db + " (trial run" + (ids.size() == 1 ? " " + ids.get(0)
                    : "s " + ids.get(0) + "-" + ids.get(ids.size() - 1)) + ")");
        }
        if (write != null) {
            String prov = "tool " + BuildInfo.version() + ", commit " + BuildInfo.commit() + "\nparameter set sha256 "
                    + catalog.sha256() + CliFiles.overridesLine(parameterSet.changes())
                    + "\nparameter values sha256 " + catalog.valuesSha256() // read by GeneratedPagesStampTest
                    + CliFiles.catalogProvenanceLine(parameters, fromCatalog) // "" on the model's own: pages unchanged
                    + "\n" + size + " members per arm, seed " + seed + ", fast mode"
                    + (parameterDraws == null ? "" : "\n" + parameterDraws + " parameter sets, parameter seed " + parameterSeed)
                    + (checkAgreement == null ? "" : "\nagreement checked on " + checkAgreement
                            + (checkAgreement == 1 ? " member" : " members") + " per trial in reference mode");
            try {
                // --all makes docs/trials.md; trials named one by one (a trial file of one's own) a report of them
                AtomicFiles.writeString(write, all ? TrialReport.markdown(results, prov)
                        : TrialReport.markdown(results, prov, commandLine()));
            } catch (IOException e) {
                throw new UserInputException("cannot write " + write + ": " + CliFiles.describe(e), e);
            }
            o.println();
            o.println("wrote " + write);
        }
        return VasCalc.EXIT_OK;
    }

    /** This command as typed, each argument quoted for a shell where it needs it: how a written report was made. */
    private String commandLine() {
        StringBuilder b = new StringBuilder("./" + spec.qualifiedName()); // ./vascalc trial
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        // under the top command the arguments begin with this command's name; run on its own (tests), not
        for (String a : args.isEmpty() || !args.get(0).equals(spec.name()) ? args : args.subList(1, args.size())) {
            b.append(' ').append(a.matches("[A-Za-z0-9_./=:,+@%-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    /** A trial as read: its file and that file's SHA-256 (for the database's provenance). */
    private record Named(TrialSpec spec, Path file, String sha256) {
        static Named load(Path file) {
            // the file read and checked first (its size bounded: read whole before, /dev/zero ended in an
            // OutOfMemoryError's trace, review12), then hashed
            TrialSpec spec = TrialFiles.load(file);
            String sha;
            try {
                sha = ScenarioFiles.sha256(Files.readAllBytes(file));
            } catch (IOException e) { // read a moment ago: gone since, the run goes on without its hash
                sha = "";
            }
            return new Named(spec, file, sha);
        }
    }

    /**
     * One line per shipped trial, its key and title, so that a user choosing one sees what each is (a file
     * that does not load shows its key alone: the error belongs to the run that names it).
     */
    private static String listing() {
        int width = known().keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Path> e : known().entrySet()) {
            String title;
            try {
                title = TrialFiles.load(e.getValue()).title();
            } catch (RuntimeException notLoaded) {
                title = "";
            }
            b.append("\n  ").append(String.format(java.util.Locale.ROOT, "%-" + width + "s  %s", e.getKey(), title)
                    .stripTrailing());
        }
        return b.toString();
    }

    /** Every trial asked for, read and checked before anything runs. */
    private List<Named> specs() {
        if (all && !trials.isEmpty()) {
            throw new UserInputException("give trial names or --all, not both");
        }
        if (!all && trials.isEmpty()) {
            throw new UserInputException("name at least one trial or a trial file, or give --all; the trials of "
                    + TrialFiles.FOLDER + ":" + listing());
        }
        if (all) {
            return known().values().stream().map(Named::load).toList();
        }
        List<Named> out = new ArrayList<>();
        Map<Path, String> named = new HashMap<>(); // each file once: "saltire saltire" used to run it twice
        for (String t : trials) {
            String lower = t.toLowerCase(Locale.ROOT);
            Path file;
            if (lower.endsWith(".yaml") || lower.endsWith(".yml") || t.contains("/") || t.contains("\\")) {
                file = Path.of(t);
            } else {
                file = known().get(t);
                if (file == null) { // keys are file names in lower case; "SALTIRE" means saltire
                    file = known().get(lower);
                }
                if (file == null) {
                    throw new UserInputException("unknown trial '" + t + "'"
                            + EditDistance.didYouMean(lower, known().keySet()) + "; known trials: "
                            + String.join(", ", known().keySet()) + " (" + TrialFiles.FOLDER
                            + "), or give the path of a .yaml trial file");
                }
            }
            String before = named.putIfAbsent(file.toAbsolutePath().normalize(), t);
            if (before != null) {
                throw new UserInputException("trial '" + t + "' is named twice" + (before.equals(t) ? "" : " ('" + before
                        + "' is the same file)") + "; name each trial once");
            }
            out.add(Named.load(file));
        }
        return out;
    }

    private static Map<String, Path> known() {
        Path folder = ProjectFiles.find(TrialFiles.FOLDER).orElseThrow(() -> new UserInputException(
                "cannot find the folder " + TrialFiles.FOLDER + " at or above " + Path.of("").toAbsolutePath()
                        + "; run from the VasCalc checkout or give trial files"));
        return TrialFiles.catalog(folder);
    }
}
