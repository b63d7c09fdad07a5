package org.vascalc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vascalc.cli.report.ProbabilityAxis;
import org.vascalc.cli.report.TornadoChart;
import org.vascalc.core.input.EditDistance;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.input.ModelDomainException;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.ParameterOverrides;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.FastPath;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.flagship.FlagshipComparison;
import org.vascalc.simulation.output.AtomicFiles;
import org.vascalc.simulation.output.Provenance;
import org.vascalc.simulation.scenario.ScenarioFiles;
import org.vascalc.simulation.sensitivity.Ranking;
import org.vascalc.simulation.sensitivity.SensitivityAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vascalc sensitivity [FILE]}: which parameters, and which assumptions, move a run's outputs. */
@Command(name = "sensitivity",
        header = "Ranks the model's parameters by how far they move a run's outputs (one at a time).",
        mixinStandardHelpOptions = true, versionProvider = BuildInfo.VersionProvider.class,
        description = {
            "One-at-a-time sensitivity over the parameter catalog's plausible ranges. For every parameter the",
            "scenario is run (fast mode) with that one value at the low end and at the high end of its range,",
            "everything else at the catalog's values: the output's swing over the range (a tornado), ranked. It is",
            "also run at the value times exp(-0.05) and exp(+0.05) for the local elasticity (relative change of",
            "the output per relative change of the parameter). Outputs are read at the end of the run.",
            "",
            "Derived numbers are varied alone, as the model reads them. A person's own factors (1 for the typical",
            "person, e.g. plaqueSusceptibility) are varied over the central 95 %% of the cohort (exp(+-1.96 SD)).",
            "Between-person SDs (read only when drawing a cohort) and fixed numbers are listed, not run. The",
            "extracellular volume, held twice (ecfVolume, ecfVolumeL), is moved as one. A run that fails at an",
            "end is reported with its message; the analysis goes on. A swing below 1e-6 of the baseline (solver",
            "round-off) counts as no effect. A scenario fast mode integrates directly (its direct class: a",
            "calcium-based binder on dialysis, or much calcium; docs/performance.md) gets one note line, as simulate's.",
            "",
            "Default scenario: the flagship's supplement arm (reference adult, 1000 mg/day food calcium plus",
            "500 mg calcium carbonate twice a day, 10 years). Default outputs: " + "cacAgatston, cacMedialMass,",
            "cacIntimalMass, pwv, sbp, lvMass, riskMi, serumCalciumTotal, pth, dpUcMgp.",
            "",
            "Time: up to 4 runs per parameter, about 1 130 runs of the default ten-year scenario (the first",
            "line printed says how many): 17-26 s on two lightly shared cores (2026-12-03), longer on busy ones;",
            "the time grows with the scenario's length.",
            ""},
        footer = {"", "Examples:",
            "  ./vascalc sensitivity --top 5",
            "  ./vascalc sensitivity --out out/sensitivity --write docs/model/sensitivity.md",
            "  ./vascalc sensitivity examples/scenarios/ten-year-fast.yaml --output serumCalciumTotal --output pth",
            "  ./vascalc sensitivity --parameter caTotalRef --parameter pthCaHill --threads 1",
            "", "Writes with --out DIR: sensitivity.csv (every parameter x output: ends, swing, elasticity, rank,",
            "failure), sensitivity.summary.json (its provenance, as simulate's summary: tool version, commit,",
            "scenario file and SHA-256, parameter set SHA-256, --set values, a --parameters catalog and its",
            "values that differ from the model's; the inputs SHA-256, the runs, the table's SHA-256) and",
            "tornado-<output>.png (top N). With --write FILE.md: the Markdown page (method, top N per output,",
            "the assumed numbers in any top N).",
            "", "Exit codes: 0 done, 1 bad input (the message says what to fix), 2 internal error."})
final class SensitivityCommand implements Callable<Integer> {

    static final int MAX_TOP = 100;

    /** The provenance file {@code --out} writes beside sensitivity.csv. */
    static final String SUMMARY_FILE = "sensitivity.summary.json";

    /** The table {@code --out} writes. */
    static final String TABLE_FILE = "sensitivity.csv";

    /** An output's tornado chart in {@code out}. */
    static Path tornadoFile(Path out, String output) {
        return out.resolve("tornado-" + output + ".png");
    }

    /** Every file {@code --out} writes for these outputs: the table, its summary and a chart per output. */
    static List<Path> resultFiles(Path out, List<String> outputIds) {
        List<Path> files = new ArrayList<>(List.of(out.resolve(TABLE_FILE), out.resolve(SUMMARY_FILE)));
        outputIds.forEach(id -> files.add(tornadoFile(out, id)));
        return files;
    }

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SCENARIO_FILE",
            description = "Scenario file (.yaml, .yml or .json; default: the flagship's supplement arm, 10 years).")
    private Path file;

    @Option(names = "--output", paramLabel = "NAME",
            description = "An output id to analyse: a column of simulate's trajectory CSV without its unit, e.g. pwv (repeat for several; default: the ten listed above).")
    private List<String> outputs;

    @Option(names = "--parameter", paramLabel = "NAME",
            description = "Analyse only this catalog parameter (repeat for several; default: every parameter).")
    private List<String> only;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Parameters shown per output, 1 to " + MAX_TOP + " (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads, 1 to 256 (default: the number of processors).")
    private Integer threads;

    @Option(names = "--parameters", paramLabel = "CSV",
            description = "Parameter catalog to use instead of the model's defaults (e.g. a calibrated one). The values "
                    + "that differ from the model's are printed first, named in the notes of --write's page and kept in "
                    + "--out's sensitivity.summary.json (provenance.parameterCatalog).")
    private Path parameters;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = CliFiles.SET_HELP_SENSITIVITY)
    private List<String> sets;

    @Option(names = "--write", paramLabel = "FILE.md",
            description = "Also write the Markdown page (e.g. docs/model/sensitivity.md; an existing file is replaced).")
    private Path write;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write sensitivity.csv, its provenance sensitivity.summary.json and one "
                    + "tornado-<output>.png per output into this folder.")
    private Path out;

    /** The summary's {@code provenance.scenarioFile} when no file is given (its {@code scenarioSha256} is then ""). */
    static final String BUILT_IN_SCENARIO = "built in: the flagship's supplement arm (reference adult, 10 years)";

    /** Length of the probe run that checks the output ids: one hour after stabilisation. */
    private static final double PROBE_DAYS = 1.0 / 24;

    /**
     * Refuses an output id the model does not record, naming the nearest valid ids, before the
     * analysis starts: a short probe run with the requested ids (the ids are derived outputs or state
     * variables, known only to the assembled model).
     *
     * @return the probe run's own warnings: those of the baseline, which starts as the probe does (the same
     *         patient and parameters; e.g. a start that is not the patient's measured labs)
     */
    static List<InputProblem> requireRecordedOutputs(SimulatorFactory factory, ParameterCatalog catalog,
                                                     Scenario scenario, List<String> ids) {
        var simulator = factory.create(catalog);
        try {
            return simulator.run(probe(scenario, ids), Mode.FAST, ProgressListener.NONE).warnings();
        } catch (InvalidInputException e) {
            // named below, one by one, with the nearest valid ids
        }
        List<String> known = simulator.run(probe(scenario, List.of()), Mode.FAST, ProgressListener.NONE)
                .trajectory().channels().stream().map(OutputChannel::id).toList();
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            if (known.contains(id)) {
                continue;
            }
            try {
                simulator.run(probe(scenario, List.of(id)), Mode.FAST, ProgressListener.NONE); // a state variable
            } catch (InvalidInputException e) {
                String key = id.toLowerCase(Locale.ROOT);
                int allowed = Math.max(2, key.length() / 3); // a typo, not another word
                // a typo, the start of a longer id (serumCalcium: serumCalciumTotal, serumCalciumIonised) or a typo
                // in that start (serumCalcum)
                List<String> near = known.stream()
                        .filter(k -> EditDistance.between(key, k.toLowerCase(Locale.ROOT)) <= allowed
                                || key.length() >= 3 && k.toLowerCase(Locale.ROOT).contains(key)
                                || key.length() >= 4 && EditDistance.toNearestStart(key, k.toLowerCase(Locale.ROOT)) <= 1)
                        .sorted(java.util.Comparator.comparingInt((String k) -> EditDistance.between(
                                key, k.toLowerCase(Locale.ROOT))).thenComparing(k -> k))
                        .limit(3).toList();
                problems.add("--output = " + id + " is not an output the model records"
                        + EditDistance.didYouMeanAny(near));
            }
        }
        if (problems.isEmpty()) {
            return List.of(); // cannot happen: the ids together failed; the analysis names the problem itself
        }
        throw new UserInputException(String.join("; ", problems) + " (the outputs are the columns of simulate's "
                + "trajectory CSV, or a state variable's id; default: " + String.join(", ", SensitivityAnalysis.DEFAULT_OUTPUTS)
                + ")");
    }

    /**
     * The progress bar: the count of runs, the rate and the time left, as cohort's (it showed only a
     * percent); lines now and then for a log if stderr is not a terminal and the runs take longer than
     * ten seconds.
     */
    static ProgressBar.Counter bar(PrintWriter err, boolean terminal) {
        return ProgressBar.counting(err, "sensitivity", "runs", terminal);
    }

    /** A baseline the model cannot run: which scenario, and the values to move back. */
    private ModelDomainException explained(ModelDomainException e, Setup setup) {
        return e.in("the baseline run of scenario " + setup.scenario().name(), CliFiles.domainHint(setup.changes(), parameters,
                CliFiles.CHECK_THE_PATIENT));
    }

    private static Scenario probe(Scenario s, List<String> ids) {
        var rec = s.recording();
        return new Scenario(s.name(), s.description(), s.patient(), s.conditions(), s.interventions(),
                Math.min(PROBE_DAYS, s.durationDays()),
                new org.vascalc.simulation.Recording(ids, rec.intervalHours(), rec.fineIntervalHours(), 0, 0));
    }

    /** What the command analyses, resolved from its options: also read by the test of the generated pages. */
    record Setup(SimulatorFactory factory, Scenario scenario, String label, ParameterCatalog catalog, List<String> ids,
                 List<String> only, List<ParameterOverrides.Change> changes, String catalogLine, Provenance provenance) {

        /** {@link SensitivityAnalysis#inputsSha256} of this setup, in fast mode (the only mode the command runs). */
        String inputsSha256() {
            return new SensitivityAnalysis(factory, catalog, 1).inputsSha256(scenario, Mode.FAST, ids, only);
        }
    }

    /** Reads the scenario and the parameter set, and checks the names, before anything runs. */
    Setup setup() {
        PrintWriter err = spec.commandLine().getErr();
        if (top < 1 || top > MAX_TOP) {
            throw new UserInputException("--top = " + top + " is outside the allowed range 1 to " + MAX_TOP);
        }
        Scenario scenario;
        String label;
        String scenarioSha256 = ""; // the built-in scenario has no file: the summary's inputsSha256 covers it
        java.util.Map<String, Double> fromFile = java.util.Map.of();
        if (file == null) {
            scenario = new FlagshipComparison(Patient.referenceAdult(), 10).arms().get(1).scenario();
            label = "the flagship's supplement arm (`" + scenario.name() + "`: " + scenario.description() + "; "
                    + "reference adult)";
        } else {
            // the model's ids: a typo in recording.outputs is named at load, with the file's other problems, as
            // simulate names it (InvalidInputException: exit 1 with every problem)
            ScenarioFiles.Loaded l = ScenarioFiles.load(file, SimulatorFactory.load().recordableIds());
            WarningLines.print(err, file, l.warnings());
            scenario = l.scenario();
            fromFile = l.parameters();
            scenarioSha256 = l.sha256();
            label = "`" + file + "` (`" + scenario.name() + "`)";
        }
        List<String> ids = outputs == null || outputs.isEmpty() ? SensitivityAnalysis.DEFAULT_OUTPUTS
                : outputs.stream().distinct().toList();
        SimulatorFactory factory = SimulatorFactory.load();
        // the scenario file's parameters: map, then --set: the analysis varies parameters around these values
        CliFiles.CatalogFile catalogFile = CliFiles.catalogFile(parameters, factory.defaultParameters());
        ParameterOverrides.Result parameterSet = CliFiles.scenarioParameterSet(catalogFile, sets, fromFile, file);
        ParameterCatalog catalog = parameterSet.catalog();
        // which values the catalog file changed (catalognames: the page kept only its hash)
        List<ParameterOverrides.Change> fromCatalog = CliFiles.printCatalogChanges(spec.commandLine().getOut(),
                catalogFile);
        String catalogLine = CliFiles.catalogProvenanceLine(parameters, fromCatalog).strip();
        if (!parameterSet.changes().isEmpty()) {
            spec.commandLine().getOut().println(fromFile.isEmpty() ? CliFiles.describe(parameterSet.changes())
                    : CliFiles.describeScenario(scenario.name(), parameterSet.changes()));
        }
        if (only != null) {
            for (String name : only) {
                if (!catalog.contains(name)) {
                    throw new UserInputException("--parameter = " + name + " is not in the parameter catalog"
                            + ParameterOverrides.nearest(catalog, name) + "; names as in docs/model/parameters.md");
                }
            }
        }
        // what --out's sensitivity.summary.json records, in simulate's summary's words (leftovers24: the CSV had none)
        Provenance provenance = new Provenance(BuildInfo.version(), BuildInfo.commit(),
                file == null ? BUILT_IN_SCENARIO : file.toString(), scenarioSha256, catalog.sha256(), Mode.FAST.name(),
                parameterSet.changes(), parameters == null ? "" : parameters.toString(), fromCatalog);
        return new Setup(factory, scenario, label, catalog, ids, only, parameterSet.changes(), catalogLine, provenance);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Setup setup = setup();
        int workers = CohortCommand.workerThreads(threads);
        Scenario scenario = setup.scenario();
        List<String> ids = setup.ids();
        SimulatorFactory factory = setup.factory();
        ParameterCatalog catalog = setup.catalog();
        if (out != null) {
            CliFiles.requireFolderCanBeWritten(out);
            // review19: a name taken by a folder was found after the runs, with sensitivity.csv already written
            CliFiles.requireFilesCanBeWritten(resultFiles(out, ids));
        }
        if (write != null) {
            CliFiles.requireWritableFile(write); // a missing folder is made when the page is written; refuses a read-only place, before the runs
        }
        try {
            // before the "N runs" line, not at the first run; the baseline's own warnings once, as simulate prints
            // them (the runs at the ends of the ranges are the same patient and are not each reported)
            WarningLines.print(err, file == null ? scenario.name() : file,
                    requireRecordedOutputs(factory, catalog, scenario, ids));
        } catch (ModelDomainException e) { // the baseline itself cannot run: no end of any range can
            throw explained(e, setup);
        }
        SensitivityAnalysis analysis = new SensitivityAnalysis(factory, catalog, workers);
        List<SensitivityAnalysis.Plan> plans = analysis.plans().stream()
                .filter(p -> only == null || only.contains(p.name())).toList();
        int runs = SensitivityAnalysis.runCount(plans);
        err.printf(Locale.ROOT, "vascalc: %d parameter%s, %d runs of %s (%s, fast mode) on %d thread%s%n",
                plans.size(), plans.size() == 1 ? "" : "s", runs, scenario.name(), SimulateCommand.days(scenario.durationDays()), workers,
                workers == 1 ? "" : "s");
        err.flush();
        ProgressBar.Counter bar = bar(err, ProgressBar.isTerminal());
        long t0 = System.nanoTime();
        SensitivityAnalysis.Result r;
        try {
            // the bar is thread-safe and drops a late, smaller count from another worker
            r = analysis.run(scenario, Mode.FAST, ids, only, bar::count);
            bar.count(runs, runs); // draws the whole if no report of N arrived (nothing if one did)
        } catch (InvalidInputException e) {
            ProgressBar.endLine(bar); // the error starts a line of its own, not the bar's
            throw new UserInputException("--output " + String.join(", ", ids) + ": " + e.getMessage(), e);
        } catch (ModelDomainException e) { // the baseline run (a failed end is a result, never thrown): not an --output problem
            ProgressBar.endLine(bar);
            throw explained(e, setup);
        } catch (IllegalArgumentException e) {
            ProgressBar.endLine(bar);
            throw new UserInputException("--output: " + e.getMessage() + " (the outputs a run records are the columns of "
                    + "simulate's trajectory CSV)", e);
        } catch (RuntimeException e) {
            ProgressBar.endLine(bar);
            throw e;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r.baselinePath().orElse(FastPath.AVERAGED) == FastPath.DIRECT) { // once, as simulate says it: what fast mode did
            err.println("vascalc: note: " + (file == null ? scenario.name() : file) + ": " + FastPath.DIRECT_NOTE);
        }
        SensitivityReport report = new SensitivityReport(r, setup.label(), setup.catalogLine());
        o.print(report.console(top));
        o.printf(Locale.ROOT, "%d runs in %.1f s on %d thread%s%n", r.runs(), seconds, workers, workers == 1 ? "" : "s");
        if (out != null) {
            Path csv = out.resolve(TABLE_FILE);
            byte[] table = report.csv().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            AtomicFiles.write(csv, table);
            o.println("table      " + csv);
            // beside the table, written after it, as simulate's summary.json beside its trajectory: the CSV stays a
            // plain table for the tools that read it, and its provenance names its SHA-256
            Path summary = out.resolve(SUMMARY_FILE);
            AtomicFiles.writeString(summary, report.summaryJson(setup.provenance(), csv.getFileName().toString(),
                    ScenarioFiles.sha256(table)));
            o.println("summary    " + summary);
            for (int k = 0; k < r.outputs().size(); k++) {
                OutputChannel c = r.outputs().get(k);
                List<TornadoChart.Bar> bars = new ArrayList<>();
                List<Ranking.Entry> ranked = report.shown(k);
                double shown = ProbabilityAxis.scale(c); // a risk's bars in per cent, as the other charts (storyaxis)
                for (int i = 0; i < Math.min(top, ranked.size()); i++) {
                    Ranking.Entry e = ranked.get(i);
                    SensitivityAnalysis.Plan p = r.parameter(e.parameter()).plan();
                    bars.add(new TornadoChart.Bar(String.format(Locale.ROOT, "%s (%s, %.3g to %.3g%s)", SensitivityReport.label(p),
                            p.evidenceKind(), p.low(), p.high(), p.parameter().unit().equals("1") ? "" : " " + p.parameter().unit()),
                            shown * e.atLow(), shown * e.atHigh()));
                }
                Path png = tornadoFile(out, c.id());
                TornadoChart.renderPng(c.id() + ": " + c.description() + ", end of " + scenario.name(),
                        c.id() + " at the end of the run (" + ProbabilityAxis.unit(c) + ")", shown * r.baseline()[k], bars, png);
                o.println("chart      " + png);
            }
        }
        if (write != null) {
            String command = "./vascalc sensitivity" + (file == null ? "" : " " + file)
                    + (outputs == null ? "" : ids.stream().map(i -> " --output " + i).reduce("", String::concat))
                    + (only == null ? "" : only.stream().map(i -> " --parameter " + i).reduce("", String::concat))
                    + (top == 10 ? "" : " --top " + top)
                    // a page made from another parameter set says so, or its command would not remake it
                    + (parameters == null ? "" : " --parameters " + parameters)
                    + (sets == null ? "" : sets.stream().map(x -> " --set " + x).reduce("", String::concat))
                    + " --write " + write;
            AtomicFiles.writeString(write, report.markdown(top, command));
            o.println("page       " + write);
        }
        return VasCalc.EXIT_OK;
    }
}
