package org.vascalc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vascalc.cli.report.TrialChart;
import org.vascalc.cli.store.CohortAgreement;
import org.vascalc.cli.store.ResultDatabase;
import org.vascalc.core.input.ModelDomainException;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.ParameterOverrides;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.cohort.ArmComparison;
import org.vascalc.simulation.cohort.CohortAgreementCheck;
import org.vascalc.simulation.cohort.CohortProgress;
import org.vascalc.simulation.cohort.CohortRunner;
import org.vascalc.simulation.cohort.CohortSummary;
import org.vascalc.simulation.cohort.CohortTable;
import org.vascalc.simulation.cohort.FollowUp;
import org.vascalc.simulation.trial.AgreementCheck;
import org.vascalc.simulation.cohort.PartialCohort;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.cohort.StartWarnings;
import org.vascalc.simulation.cohort.TrialArm;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.output.AtomicFiles;
import org.vascalc.simulation.output.Provenance;
import org.vascalc.simulation.output.StreamedFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vascalc cohort}: a seeded virtual cohort (the populations the validation table uses)
 * followed through the whole model in fast mode, members in parallel; a summary on the console,
 * one row per member in a CSV file and, on request, in a DuckDB database.
 */
@Command(name = "cohort",
        header = "Follows a seeded virtual cohort through the model; summary, CSV and database.",
        mixinStandardHelpOptions = true, versionProvider = BuildInfo.VersionProvider.class,
        description = {"Draws a virtual cohort, follows every member through the whole model (fast mode, members in",
            "parallel) and prints who is in it, their CT calcium scores at baseline and their change, aortic",
            "PWV, and event rates (the members' modelled hazards per 1000 person-years) by baseline CT score;",
            "the ratios between groups are calibrated; the levels of MI, stroke and heart failure are set so",
            "that a MESA-like cohort's mean matches MESA's counted incidence (docs/model/wall.md, Status), and",
            "the split by CT score is the model's (steeper than MESA's at the highest scores); cardiovascular",
            "death is not set (case-fatality fractions), and CKD cohorts' rates are the model's prediction.",
            "Writes one row per member (covariates, own calcification multipliers, follow-up) to",
            "<out>/<population>-n<size>-seed<seed>-<arm>.csv and, with --db, to the tables cohorts and",
            "cohort_members of a DuckDB database, with each member's run warnings, and --check-agreement's check to",
            "cohort_agreement (docs/stored-results.md). Last, <out>/<population>-n<size>-seed<seed>.summary.json:",
            "its provenance (simulate's summary's keys: tool version, commit, parameter set SHA-256, --set values,",
            "a --parameters catalog's changed values), the cohort asked for and the numbers printed, as JSON.",
            "",
            "Large cohorts (up to a million members; docs/cohorts.md, Large cohorts): members are run and written",
            "in batches, so memory does not grow with --size; rows go to <...>.partial.csv, renamed to the .csv",
            "name when the last member is done. Ctrl-C keeps the members finished so far there (the database gets",
            "nothing); the same command with --resume continues after them.",
            "",
            "An in-silico trial: give several --arm values; the same members run in every arm, and each arm is",
            "compared with the first, member by member: the CT score's change next to its true intimal and",
            "medial parts (which no scan separates) and the modelled event rates, with 95 %% intervals;",
            "drawn in <out>/<population>-n<size>-seed<seed>-trial.png (docs/cohorts.md).",
            "",
            "Populations (docs/cohorts.md): mesa, a MESA-like community sample aged 45-84;",
            "cric, a CRIC-like chronic kidney disease (eGFR 20-70) sample; plausible, a broad sample of adults",
            "aged 30-85 with eGFR 15-120 used by the model's invariant tests. The same seed draws the same people;",
            "member i is the same person whatever the size or thread count."},
        footer = {"", "Examples:",
            "  ./vascalc cohort --population mesa --size 1000 --years 3.8",
            "  ./vascalc cohort --population cric --size 500 --years 3.3 --db out/results.duckdb",
            "  ./vascalc cohort --population mesa --size 300 --years 5 --arm none,mk7,calcium",
            "  VASCALC_JAVA_OPTS=-Xmx256m ./vascalc cohort --size 1000000 --years 5 --db out/million.duckdb [--resume]",
            "", "Exit codes: 0 done, 1 bad input (the message says what to fix), 2 internal error."})
final class CohortCommand implements Callable<Integer>, FailureNote {

    /** Largest cohort one command runs (members are streamed: memory does not grow with the size). */
    static final int MAX_SIZE = 1_000_000;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--population", paramLabel = "mesa|cric|plausible", defaultValue = "mesa",
            converter = PopulationConverter.class, description = "Which population to draw from (default: ${DEFAULT-VALUE}).")
    private Population population;

    @Option(names = "--size", paramLabel = "N", defaultValue = "500",
            description = "Members, 1 to " + MAX_SIZE + " (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--years", paramLabel = "YEARS", defaultValue = "5",
            description = "Follow-up, 0.1 to 40 years (default: ${DEFAULT-VALUE}).")
    private double years;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Population seed, 0 to 1000000000 (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads, 1 to 256 (default: one per processor).")
    private Integer threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/cohort",
            description = "Folder of the members' CSV, the trial chart and the summary JSON, created if needed; files of "
                    + "the same names are replaced (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--arm", paramLabel = "ARM", split = ",", defaultValue = "none",
            converter = ArmConverter.class,
            description = "Trial arm(s), comma-separated or repeated: none, calcium (500 mg carbonate with breakfast "
                    + "and dinner), mk7 (180 ug daily), calcium+mk7, statin (high intensity); the same members run in "
                    + "every arm and each arm is compared with the first (default: ${DEFAULT-VALUE}).")
    private List<TrialArm> arms;

    @Option(names = "--db", paramLabel = "FILE",
            description = "Also store the cohort in this DuckDB database (created if missing, else appended to).")
    private Path db;

    @Option(names = "--resume",
            description = "Continue a stopped run of this cohort (same options) from its partial files "
                    + "<out>/<...>.partial.csv: the members they hold are kept and the run goes on after them, "
                    + "giving the files and summary an uninterrupted run gives.")
    private boolean resume;

    @Option(names = "--parameters", paramLabel = "CSV",
            description = "Parameter catalog to use instead of the model's defaults (e.g. a calibrated one, or the model's "
                    + "own written by 'vascalc parameters --write FILE' and edited). The values that differ from the "
                    + "model's are printed first and, with --db, stored in the table catalog_changes.")
    private Path parameters;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = CliFiles.SET_HELP_COHORT)
    private List<String> sets;

    @Option(names = "--check-agreement", paramLabel = "N",
            description = "After the cohort, rerun N of its members, 1 to " + AgreementCheck.MAX_MEMBERS + ", in "
                    + "reference mode in every arm and print the worst difference of their follow-up values (CT score, "
                    + "calcium masses, PWV, rates) from fast mode's (with --db also stored, table cohort_agreement; not "
                    + "with --resume); each member "
                    + "costs a reference run per arm, " + AgreementCheck.REFERENCE_CPU_COST + "; the bar moves within "
                    + "each run (default: no check).")
    private Integer checkAgreement;

    /**
     * The agreement check's bar, drawn at once at 0: its reference runs take a minute or more each (a member-year
     * about {@link AgreementCheck#REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR} s of CPU), and the cohort's bar had ended, so
     * a terminal sat silent for minutes after the members line (review16: 139 s for 2 members, 2 arms, 2 years), where
     * trial's check shows a bar. It counts the share of each run under way too ({@link #checkProgress}). In a log,
     * lines now and then as the cohort's.
     */
    static ProgressBar.Counter agreementBar(PrintWriter err, String population, long runs, boolean terminal) {
        ProgressBar.Counter bar = ProgressBar.counting(err, "agreement " + population + " (reference mode)",
                "member-runs", terminal);
        bar.count(0, runs);
        return bar;
    }

    /**
     * The check's progress for {@code bar}: told the runs done counting the share of those under way
     * ({@link CohortProgress#withinRuns}), so that the bar moves inside a reference run of a minute, not only between
     * runs (webedges gave the web pages this; the runs' results are the same with it: CohortRunnerContractTest).
     */
    static CohortProgress checkProgress(ProgressBar.Counter bar) {
        return CohortProgress.withinRuns(bar::countWithin);
    }

    @Override
    public Integer call() throws IOException {
        if (size < 1 || size > MAX_SIZE) {
            throw new UserInputException("--size = " + Plural.count(size, "member") + " is outside the allowed range 1 to " + MAX_SIZE + " members");
        }
        CliFiles.requireAgreementMembers(checkAgreement);
        if (checkAgreement != null && resume) {
            throw new UserInputException("--check-agreement cannot be given with --resume: the members before the resume "
                    + "point were run by an earlier command, whose fast-mode rows are not at hand; check a whole run");
        }
        if (!(years >= 0.1 && years <= 40)) {
            throw new UserInputException("--years = " + UserInputException.typed(years) + " years is outside the allowed range 0.1 to 40 years");
        }
        CliFiles.requireSeed("--seed", seed);
        if (arms.isEmpty()) {
            // "--arm ," or "--arm ,," splits into no value at all (picocli drops empty trailing parts)
            throw new UserInputException("--arm names no arm; give one or more of none, calcium, mk7, calcium+mk7 or "
                    + "statin, comma-separated (the first is the control)");
        }
        int workers = workerThreads(threads);
        CliFiles.requireFolderCanBeWritten(out);
        // review19: a result's name taken by a folder was found after the run, the members' CSV files (and --db's
        // rows) already written and the summary not
        CliFiles.requireFilesCanBeWritten(resultFiles(out, population.label(), size, seed, arms.stream().distinct().toList()));
        if (db != null) {
            // before the runs: a wrong --db should not cost a long run
            ResultDatabase.requireUsable(db).ifPresent(note -> spec.commandLine().getErr().println("vascalc: " + note));
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SimulatorFactory factory = SimulatorFactory.load();
        CliFiles.MemberParameters memberParameters = CliFiles.memberParameterSet(parameters, sets,
                factory.defaultParameters(), spec.commandLine().getOut());
        ParameterOverrides.Result parameterSet = memberParameters.set();
        List<ParameterOverrides.Change> fromCatalog = memberParameters.fromCatalog();
        ParameterCatalog catalog = parameterSet.catalog();
        VirtualPopulation pop = new VirtualPopulation(seed, catalog);
        String name = population.label();
        List<TrialArm> armList = arms.stream().distinct().toList();
        if (armList.size() < arms.size()) {
            // "none,mk7,none" is a slip, not a request for one arm run twice: say so rather than drop it
            TrialArm twice = arms.stream().filter(a -> arms.indexOf(a) != arms.lastIndexOf(a)).findFirst().orElseThrow();
            throw new UserInputException("--arm lists '" + twice.label() + "' more than once; give each arm once, of "
                    + String.join(", ", java.util.Arrays.stream(TrialArm.values()).map(TrialArm::label).toList())
                    + " (the first is the control)");
        }
        int nArms = armList.size();
        ProgressBar.Counter bar = ProgressBar.counting(err, "cohort " + name, "member-runs");
        // streamed: members drawn per batch, rows written per batch, summaries accumulated; nothing grows with --size
        List<CohortSummary.Accumulator> summaries = new ArrayList<>();
        List<ArmComparison.Accumulator> paired = new ArrayList<>();
        List<StreamedFile> csvs = new ArrayList<>();
        for (int a = 0; a < nArms; a++) {
            summaries.add(new CohortSummary.Accumulator());
            paired.add(a == 0 ? null : new ArmComparison.Accumulator(armList.get(a), armList.get(0)));
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> { // Ctrl-C or kill: end after the members started, keep what is done
            stop.set(true);
            try {
                stopped.await(STOP_PATIENCE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vascalc-cohort-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        ResultDatabase.CohortWriter store = null;
        CohortRunner.Streamed result = null;
        boolean started = false;
        Throwable failure = null;
        long from = 0;
        StartWarnings warned = new StartWarnings();
        // the members the agreement check reruns, and their fast-mode rows caught as the batches pass (one per arm)
        List<Integer> checked = checkAgreement == null ? List.of()
                : AgreementCheck.choose(size, Math.min(checkAgreement, size), seed);
        java.util.Map<Long, FollowUp[]> fastRows = new java.util.concurrent.ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        try {
            if (db != null) {
                List<ResultDatabase.Cohort> cohorts = new ArrayList<>();
                for (TrialArm arm : armList) {
                    cohorts.add(new ResultDatabase.Cohort(name, arm.label(), seed, years, Mode.FAST.name(),
                            catalog.sha256(), parameterSet.changes(), BuildInfo.version(), BuildInfo.commit(), List.of(),
                            parameters == null ? "" : parameters.toString(), fromCatalog));
                }
                store = ResultDatabase.openCohorts(db, cohorts, size);
            }
            List<Path> targets = armList.stream().map(arm -> membersFile(out, name, size, seed, arm)).toList();
            if (resume) {
                from = resumeFrom(targets, pop, summaries, paired, store, csvs, err);
            } else {
                for (Path t : targets) {
                    if (Files.exists(StreamedFile.partialOf(t))) {
                        err.println("vascalc: replacing " + StreamedFile.partialOf(t) + " (--resume would have continued it)");
                    }
                }
            }
            if (csvs.isEmpty()) {
                for (Path t : targets) {
                    StreamedFile f = StreamedFile.start(t);
                    csvs.add(f);
                    f.write(CohortTable.header());
                }
            }
            List<CohortRunner.ScenarioPlan> plans = plans(armList);
            ResultDatabase.CohortWriter storeIn = store;
            started = true;
            // the members' own warnings (a run that does not start at the member's labs): one line per lab
            StartWarnings warnedIn = warned;
            result = new CohortRunner(factory, catalog, workers).stream(from, size, i -> population.draw(pop, i), plans,
                    Mode.FAST, (p, r) -> {
                        warnedIn.add(p, r);
                        return FollowUp.of(p, r);
                    }, batchSize(workers), (members, byArm) -> {
                        for (int a = 0; a < nArms; a++) {
                            List<FollowUp> rows = byArm.get(a);
                            StringBuilder b = new StringBuilder(rows.size() * 640);
                            for (int j = 0; j < rows.size(); j++) {
                                FollowUp u = rows.get(j);
                                if (checked.contains((int) u.person().index())) {
                                    fastRows.computeIfAbsent(u.person().index(), k -> new FollowUp[nArms])[a] = u;
                                }
                                CohortTable.appendRow(b, u);
                                summaries.get(a).add(u);
                                if (a > 0) {
                                    paired.get(a).add(u, byArm.get(0).get(j));
                                }
                            }
                            csvs.get(a).write(b.toString());
                            if (storeIn != null) {
                                storeIn.append(a, rows);
                            }
                        }
                    }, (done, total) -> bar.count(done, total), () -> stop.get() || testStop.getAsBoolean());
        } catch (ModelDomainException e) { // a member the model cannot run (CohortRunner names it): what to change
            throw e.in("", CliFiles.domainHint(parameterSet.changes(), parameters, ""));
        } catch (Throwable e) { // kept to tell a bug from a user's problem below
            failure = e;
            throw e;
        } finally {
            if (result == null || !result.complete()) { // a failure or a stop: keep the whole batches, store nothing
                if (store != null) {
                    store.close();
                }
                List<Path> kept = new ArrayList<>();
                for (StreamedFile f : csvs) {
                    Path k = f.abandon();
                    if (k != null) {
                        kept.add(k);
                    }
                }
                long done = summaries.get(0).members();
                if (started) { // not when refused before the first member (the message says why)
                    String stoppedLine = "vascalc: cohort stopped after " + done + " of " + Plural.count(size, "member")
                            + (kept.isEmpty() ? "; no member was finished, no file kept"
                            : "; members 0 to " + (done - 1) + " kept in "
                            + String.join(", ", kept.stream().map(Path::toString).toList())
                            + " (the same command with --resume continues them; without it, the next run replaces them)")
                            + (db == null ? "" : "; nothing was stored in --db " + db);
                    err.println(); // ends the progress bar's line
                    if (result == null && !internal(failure)) { // the user's problem: its cause first, then this line
                        stoppedAfterFailure = stoppedLine;
                    } else { // Ctrl-C or --stop: no other message; a bug: this line, then the error and its stack trace
                        err.println(stoppedLine);
                    }
                }
                err.flush();
                stopped.countDown();
                removeHook(onCtrlC);
            }
        }
        if (!result.complete()) {
            return EXIT_STOPPED;
        }
        List<Path> csvPaths = new ArrayList<>();
        List<Long> ids;
        try {
            for (StreamedFile f : csvs) {
                csvPaths.add(f.complete());
            }
            ids = store == null ? List.of() : store.commit();
        } finally {
            if (store != null) {
                store.close(); // after a failed commit: rolled back
            }
            stopped.countDown();
            removeHook(onCtrlC);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        o.printf(Locale.ROOT, "cohort     %s, %s, seed %d, %s of follow-up, arm%s %s (fast mode, %s, %.1f s%s)%n",
                name, Plural.count(size, "member"), seed, yearsText(years), nArms == 1 ? "" : "s",
                String.join(", ", armList.stream().map(TrialArm::label).toList()),
                Plural.count(Math.min(workers, size), "thread"), seconds,
                from == 0 ? "" : "; members 0 to " + (from - 1) + " read from the partial files");
        // members read from partial files were not run now: their starts are not known here
        List<String> warnings = warned.lines(size - from, from == 0 ? "members" : "members run now");
        warnings.forEach(w -> o.println((StartWarnings.labLine(w)
                ? "labs       " : StartWarnings.noteLine(w) ? "note       " : "warning    ") + w));
        List<CohortSummaryJson.Arm> armResults = new ArrayList<>();
        for (int a = 0; a < nArms; a++) {
            if (nArms > 1) {
                o.println();
                o.println("arm " + armList.get(a).label() + ": " + armList.get(a).description());
            }
            CohortSummary summary = summaries.get(a).summary();
            summary.lines().forEach(o::println);
            o.println("members    " + out.resolve(csvPaths.get(a).getFileName()));
            armResults.add(new CohortSummaryJson.Arm(summary, csvPaths.get(a).getFileName().toString()));
        }
        List<ArmComparison> comparisons = new ArrayList<>();
        for (int a = 1; a < nArms; a++) {
            ArmComparison c = paired.get(a).comparison();
            comparisons.add(c);
            o.println();
            c.lines().forEach(o::println);
        }
        String chart = "";
        if (!comparisons.isEmpty()) {
            Path png = chartFile(out, name, size, seed);
            chart = png.getFileName().toString();
            TrialChart.renderPng(comparisons, String.format(Locale.ROOT, "%s-like, %s, %s", name,
                    Plural.count(size, "member"), yearsText(years)), png);
            o.println("chart      " + png);
        }
        CohortAgreementCheck check = null;
        if (!checked.isEmpty()) {
            o.println();
            ProgressBar.Counter checkBar = agreementBar(err, name, (long) checked.size() * nArms, ProgressBar.isTerminal());
            check = CohortAgreementCheck.run(factory, catalog, workers, population, pop, armList,
                    years, size, checked, (member, arm) -> fastRows.get(member)[arm], checkProgress(checkBar));
            ProgressBar.endLine(checkBar);
            o.println("agreement  " + check.line());
            if (db != null) { // as trial --db stores its check: one row per arm's cohort (cohort_agreement)
                List<CohortAgreement> rows = new ArrayList<>();
                for (int a = 0; a < ids.size(); a++) {
                    rows.add(new CohortAgreement(ids.get(a), checked, check.ids(), check.worstByArm().get(a),
                            check.whereByArm().get(a), check.seconds()));
                }
                ResultDatabase.appendCohortAgreement(db, rows);
            }
        }
        if (db != null) {
            o.println();
            o.println("database   " + db + " (cohort" + (ids.size() == 1 ? " " + ids.get(0)
                    : "s " + ids.get(0) + "-" + ids.get(ids.size() - 1)) + ", " + Plural.count(size, "member")
                    + (ids.size() == 1 ? "" : " each") + ")");
        }
        // last, after everything it records (leftovers26: the cohort's record was its console and --db)
        Provenance provenance = new Provenance(BuildInfo.version(), BuildInfo.commit(), builtInScenario(years), "",
                catalog.sha256(), Mode.FAST.name(), parameterSet.changes(), parameters == null ? "" : parameters.toString(),
                fromCatalog);
        Path summaryFile = out.resolve(summaryFileName(name, size, seed));
        AtomicFiles.writeString(summaryFile, CohortSummaryJson.format(provenance, new CohortSummaryJson.Cohort(name, size,
                seed, years, armList, from), armResults, comparisons, warnings, check, chart));
        o.println("summary    " + summaryFile);
        return VasCalc.EXIT_OK;
    }

    /** An arm's members' CSV file. */
    static Path membersFile(Path out, String population, int size, long seed, TrialArm arm) {
        return out.resolve(population + "-n" + size + "-seed" + seed + "-" + arm.label() + ".csv");
    }

    /** The trial chart of a cohort of several arms. */
    static Path chartFile(Path out, String population, int size, long seed) {
        return out.resolve(population + "-n" + size + "-seed" + seed + "-trial.png");
    }

    /** Every file the command writes into {@code out}: each arm's CSV and its partial file, the chart, the summary. */
    static List<Path> resultFiles(Path out, String population, int size, long seed, List<TrialArm> arms) {
        List<Path> files = new ArrayList<>();
        for (TrialArm arm : arms) {
            files.add(membersFile(out, population, size, seed, arm));
            files.add(StreamedFile.partialOf(membersFile(out, population, size, seed, arm)));
        }
        if (arms.size() > 1) {
            files.add(chartFile(out, population, size, seed));
        }
        files.add(out.resolve(summaryFileName(population, size, seed)));
        return files;
    }

    /**
     * The summary file's name beside the members' CSV files: their stem without the arm, so that cohorts of other
     * populations, sizes or seeds in the same folder keep their own (as their CSV files do).
     */
    static String summaryFileName(String population, int size, long seed) {
        return population + "-n" + size + "-seed" + seed + ".summary.json";
    }

    /** The summary's {@code provenance.scenarioFile}: a cohort runs no scenario file, each member its own follow-up. */
    static String builtInScenario(double years) {
        return "built in: each member's own follow-up over " + yearsText(years) + " in every arm (fast mode)";
    }

    /** Each arm's scenario for a member over the cohort's years. */
    private List<CohortRunner.ScenarioPlan> plans(List<TrialArm> armList) {
        return armList.stream().<CohortRunner.ScenarioPlan>map(arm -> p -> FollowUp.scenario(p, years, arm)).toList();
    }

    /**
     * {@code --resume}: reads the partial files of this cohort (all arms) into the summaries and the
     * database and opens them for appending; returns the first member still to run (0, with a note,
     * if there is nothing to resume).
     */
    private long resumeFrom(List<Path> targets, VirtualPopulation pop, List<CohortSummary.Accumulator> summaries,
                            List<ArmComparison.Accumulator> paired, ResultDatabase.CohortWriter store,
                            List<StreamedFile> csvs, PrintWriter err) throws IOException {
        List<Path> partials = targets.stream().map(t -> StreamedFile.partialOf(t.toAbsolutePath())).toList();
        if (!partials.stream().allMatch(Files::isRegularFile)) {
            err.println("vascalc: --resume: no partial files of this cohort in " + out + "; starting from member 0");
            return 0;
        }
        int nArms = targets.size();
        List<List<FollowUp>> chunk = new ArrayList<>();
        for (int a = 0; a < nArms; a++) {
            chunk.add(new ArrayList<>());
        }
        PartialCohort done;
        try {
            done = PartialCohort.read(partials, i -> population.draw(pop, i), size, (i, byArm) -> {
                for (int a = 0; a < nArms; a++) {
                    summaries.get(a).add(byArm.get(a));
                    if (a > 0) {
                        paired.get(a).add(byArm.get(a), byArm.get(0));
                    }
                    chunk.get(a).add(byArm.get(a));
                }
                if (chunk.get(0).size() >= 1024) {
                    storeChunk(store, chunk);
                }
            });
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--resume: " + e.getMessage() + "; delete it or run without --resume", e);
        }
        storeChunk(store, chunk);
        for (int a = 0; a < nArms; a++) {
            csvs.add(StreamedFile.resume(targets.get(a), done.keepBytes().get(a), done.members() > 0));
        }
        return done.members();
    }

    private static void storeChunk(ResultDatabase.CohortWriter store, List<List<FollowUp>> chunk) {
        for (int a = 0; a < chunk.size(); a++) {
            if (store != null && !chunk.get(a).isEmpty()) {
                store.append(a, chunk.get(a));
            }
            chunk.get(a).clear();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook runs anyway and finds the run finished
        }
    }

    /**
     * Whether the top-level handler reports {@code failure} as an internal error (exit 2, with a stack trace),
     * as VasCalc.isInternal tells them apart: then the "stopped after" line is printed before it, or the
     * user would find where the kept members are, and how to resume them, only below the trace. The user's
     * problems (exit 1, one line) keep their cause first. Null: no failure recorded (a ModelDomainException,
     * rethrown with its hint, is the user's).
     */
    static boolean internal(Throwable failure) {
        return failure != null && VasCalc.isInternal(failure);
    }

    /** Exit code of a cohort stopped before its end (Ctrl-C gives the shell's 130 anyway). */
    static final int EXIT_STOPPED = 130;

    /** How long Ctrl-C waits for the members already started to finish and the partial files to be closed. */
    static final long STOP_PATIENCE_SECONDS = 60;

    /** Test seam: a stop request as a Ctrl-C would make it (never set outside tests). */
    static volatile java.util.function.BooleanSupplier testStop = () -> false;

    /** The "stopped after" line of a run that failed (set in its finally block), for {@link #afterFailure()}. */
    private String stoppedAfterFailure;

    @Override
    public Optional<String> afterFailure() {
        return Optional.ofNullable(stoppedAfterFailure);
    }

    /**
     * Members per batch: a batch is run in parallel, then written and summarised in member order.
     * 64 per thread keeps the threads' idle tail at a batch's end near 1 % and a batch's rows small.
     */
    static int batchSize(int workers) {
        return 64 * workers;
    }

    /** The {@code --threads} option of the cohort and trial commands: one per processor when absent, 1 to 256. */
    static int workerThreads(Integer threads) {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > 256) {
            throw new UserInputException("--threads = " + workers + " is outside the allowed range 1 to 256");
        }
        return workers;
    }

    /** Arm labels as {@link TrialArm#label}, any case. */
    static final class ArmConverter implements picocli.CommandLine.ITypeConverter<TrialArm> {
        @Override
        public TrialArm convert(String value) {
            try {
                return TrialArm.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Case-insensitive population names; a typo gets the guess the other names get (leftovers18: "mesaa"). */
    static final class PopulationConverter implements picocli.CommandLine.ITypeConverter<Population> {
        @Override
        public Population convert(String value) {
            try {
                return Population.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a population" + org.vascalc.core.input.EditDistance.didYouMean(value.strip(),
                                java.util.Arrays.stream(Population.values()).map(Population::label).toList())
                                + "; use mesa, cric or plausible");
            }
        }
    }

    /** "1 year", "2.5 years": the follow-up as a reader says it. */
    static String yearsText(double years) {
        return SimulateCommand.fmt(years) + (years == 1 ? " year" : " years");
    }
}
