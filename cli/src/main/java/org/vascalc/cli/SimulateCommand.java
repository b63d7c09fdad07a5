package org.vascalc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vascalc.cli.report.ChartRenderer;
import org.vascalc.cli.report.Panel;
import org.vascalc.cli.store.ResultDatabase;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.input.ModelDomainException;
import org.vascalc.simulation.ParameterOverrides;
import org.vascalc.simulation.FastPath;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.output.ChannelSummary;
import org.vascalc.simulation.output.CtVersusGroundTruth;
import org.vascalc.simulation.output.Provenance;
import org.vascalc.simulation.output.RunOutputs;
import org.vascalc.simulation.scenario.ScenarioFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vascalc simulate FILE...}: runs scenario files and writes each one's trajectory and summary,
 * and one chart (several files: their lines overlaid, one colour per file).
 */
@Command(name = "simulate",
        header = "Runs scenario files; writes trajectories, summaries and charts.", mixinStandardHelpOptions = true, versionProvider = BuildInfo.VersionProvider.class,
        description = {"Runs scenario files (YAML or JSON, see docs/scenario-format.md) and writes, for each,",
            "<name>.trajectory.csv and <name>.summary.json (with provenance), and a chart <name>.png",
            "(with several files: <name1>-vs-<name2>.png, the runs overlaid; with many, whose names would",
            "make too long a file name: <name1>-and-<N>-more.png) into the output folder.",
            "Runs that record cacAgatston, cacIntimalMass and cacMedialMass also show the CT score next",
            "to its true intimal and medial parts (chart panels, console, summary 'ctVersusGroundTruth').",
            "Every file is checked before anything runs."},
        footer = {"", "Examples:",
            "  ./vascalc simulate examples/scenarios/calcium-supplement-vs-food.yaml --mode reference",
            "  ./vascalc simulate examples/scenarios/calcium-supplement-fasting.yaml \\",
            "                     examples/scenarios/calcium-with-food.yaml",
            "  ./vascalc simulate examples/scenarios/ten-year-fast.yaml --mode fast --out runs/10y",
            "  ./vascalc simulate examples/scenarios/wall/no-statin.yaml examples/scenarios/wall/statin.yaml --mode fast",
            "  ./vascalc simulate examples/scenarios/ten-year-fast.yaml --mode fast --db runs/results.duckdb",
            "", "Exit codes: 0 done, 1 bad input (the message says what to fix), 2 internal error."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario file(s) (.yaml, .yml or .json).")
    private List<Path> files;

    @Option(names = "--mode", paramLabel = "fast|reference", defaultValue = "reference",
            converter = ModeConverter.class,
            description = "Reference resolves every meal and dose; fast averages over the daily cycle for long runs, "
                    + "and its hour-by-hour values in the first days to weeks after a regimen starts are "
                    + "approximate (after a large change, whose first day it integrates directly, the bone cells up "
                    + "to about 5 %% off in the first weeks and a cumulative output such as urinary calcium up to about "
                    + "15 %%; plasma vitamin K, MK-7 and K1, follows reference mode to 1e-8): "
                    + "use reference for those; with a calcium-based phosphate binder on dialysis, 1500 mg calcium "
                    + "a day or more from binders and supplements, or 700 mg a day or more below eGFR 30 or on "
                    + "dialysis, fast integrates every dose from that regimen's start instead of averaging, at a "
                    + "twentieth to a thirtieth of reference's derivative calls; elsewhere fast's slow outputs were "
                    + "measured within about 1.2 %% of reference (within 1 %% in 105 of 109 one-year runs tested; "
                    + "docs/performance.md) (default: ${DEFAULT-VALUE}).")
    private Mode mode;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Output folder, created if needed; its files of the same names are replaced, "
                    + "others are left alone (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--parameters", paramLabel = "CSV",
            description = "Parameter catalog to use instead of the model's defaults (e.g. a calibrated one, or the model's "
                    + "own written by 'vascalc parameters --write FILE' and edited): every "
                    + "name of the model's, each value in the model's unit and inside its plausible range. The values "
                    + "that differ from the model's are printed and kept in each summary JSON's "
                    + "provenance.parameterCatalog (the file, and per value its name, value, unit and the model's default) "
                    + "and, with --db, in the table catalog_changes.")
    private Path parameters;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = CliFiles.SET_HELP_SIMULATE)
    private List<String> sets;

    @Option(names = "--no-chart", description = "Do not render the PNG chart.")
    private boolean noChart;

    @Option(names = "--db", paramLabel = "FILE",
            description = "Also store the runs in this DuckDB database (created if missing, else appended to; "
                    + "tables runs, outputs, trajectory: docs/stored-results.md).")
    private Path db;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ScenarioFiles.Loaded> loaded = new ArrayList<>();
        List<InvalidInputException> bad = new ArrayList<>();
        // the model first: it says which recording.outputs exist, checked with each file's other problems
        SimulatorFactory factory = SimulatorFactory.load();
        for (Path f : files) {
            try {
                loaded.add(ScenarioFiles.load(f, factory.recordableIds()));
            } catch (InvalidInputException e) {
                bad.add(e);
            }
        }
        if (!bad.isEmpty()) {
            // each file's report starts a line of its own, as the first one does ("vascalc: scenario file ...")
            throw new UserInputException(String.join("\nvascalc: ", bad.stream().map(Throwable::getMessage).toList()));
        }
        // each run's files are named after its scenario: two runs of one name would overwrite each other
        java.util.Map<String, Path> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i < loaded.size(); i++) {
            String name = loaded.get(i).scenario().name();
            Path first = byName.putIfAbsent(name, files.get(i));
            if (first != null) {
                throw new UserInputException(first.equals(files.get(i))
                        ? "scenario file " + first + " is given twice; give each file once"
                        : "scenario files " + first + " and " + files.get(i) + " both have name: " + name
                                + "; their outputs (" + name + ".trajectory.csv, ...) would overwrite each other: "
                                + "give each scenario its own name");
            }
        }
        for (int i = 0; i < loaded.size(); i++) {
            WarningLines.print(err, files.get(i), loaded.get(i).warnings());
        }
        CliFiles.CatalogFile catalogFile = CliFiles.catalogFile(parameters, factory.defaultParameters());
        ParameterOverrides.Result parameterSet = CliFiles.parameterSet(catalogFile, sets);
        // which values the catalog file changed (its hash alone did not say)
        List<ParameterOverrides.Change> fromCatalog = CliFiles.printCatalogChanges(o, catalogFile);
        // a file with a parameters: map has its own line below
        if (!parameterSet.changes().isEmpty() && loaded.stream().anyMatch(l -> l.parameters().isEmpty())) {
            spec.commandLine().getOut().println(CliFiles.describe(parameterSet.changes()));
        }
        // each scenario's own catalog: its parameters: map, then --set; every file's problems at once
        List<ParameterOverrides.Result> runSets = new ArrayList<>();
        List<String> badParameters = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            ScenarioFiles.Loaded l = loaded.get(i);
            if (l.parameters().isEmpty()) {
                runSets.add(parameterSet);
                continue;
            }
            try {
                runSets.add(CliFiles.scenarioParameterSet(catalogFile, sets, l.parameters(), files.get(i)));
            } catch (UserInputException e) {
                badParameters.add(e.getMessage());
            }
        }
        if (!badParameters.isEmpty()) {
            throw new UserInputException(String.join("\nvascalc: ", badParameters));
        }
        for (int i = 0; i < loaded.size(); i++) {
            if (!loaded.get(i).parameters().isEmpty()) {
                o.println(CliFiles.describeScenario(loaded.get(i).scenario().name(), runSets.get(i).changes()));
            }
        }
        CliFiles.requireFolderCanBeWritten(out); // created only when the first file is written
        CliFiles.requireFilesCanBeWritten(resultFiles(loaded));
        if (db != null) {
            // before the runs: a wrong --db should not cost a long run
            ResultDatabase.requireUsable(db).ifPresent(note -> err.println("vascalc: " + note));
        }
        // Every run first, then every file: a run that fails on bad input (a model's own refusal, e.g. an
        // unknown output id of a model that does not list its ids) leaves no output of the files before it.
        List<SimulationResult> results = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            ScenarioFiles.Loaded l = loaded.get(i);
            try {
                SimulationResult r = factory.create(runSets.get(i).catalog()).run(l.scenario(), mode,
                        ProgressBar.forTerminal(err, "simulating " + l.scenario().name()));
                // the model's warnings (e.g. a measured lab the run does not start at), as the file's above
                WarningLines.print(err, files.get(i), r.warnings());
                if (r.fastPath().orElse(FastPath.AVERAGED) == FastPath.DIRECT) { // what fast mode did, not a problem
                    err.println("vascalc: note: " + files.get(i) + ": " + FastPath.DIRECT_NOTE);
                }
                results.add(r);
            } catch (InvalidInputException e) {
                throw new UserInputException("scenario file " + files.get(i) + ": " + e.getMessage(), e);
            } catch (ModelDomainException e) {
                throw e.in("scenario file " + files.get(i), CliFiles.domainHint(runSets.get(i).changes(), parameters,
                        CliFiles.CHECK_THE_PATIENT));
            }
        }
        List<ResultDatabase.Run> toStore = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            ScenarioFiles.Loaded l = loaded.get(i);
            SimulationResult r = results.get(i);
            Provenance p = new Provenance(BuildInfo.version(), BuildInfo.commit(), files.get(i).toString(), l.sha256(),
                    runSets.get(i).catalog().sha256(), mode.name(), runSets.get(i).changes(),
                    parameters == null ? "" : parameters.toString(), fromCatalog);
            toStore.add(new ResultDatabase.Run(r, p, l.warnings()));
            RunOutputs.Written w = RunOutputs.write(r, p, l.warnings(), out);
            o.println("scenario   " + l.scenario().name() + " (" + days(l.scenario().durationDays()) + ", "
                    + mode.name().toLowerCase(Locale.ROOT) + " mode)");
            o.println("trajectory " + w.trajectoryCsv());
            o.println("summary    " + w.summaryJson());
        }
        if (db != null) {
            ResultDatabase.Stored stored = ResultDatabase.append(db, toStore);
            List<Long> ids = stored.runIds();
            o.println("database   " + db + " (run " + (ids.size() == 1 ? ids.get(0) : ids.get(0) + "-" + ids.get(ids.size() - 1))
                    + ", " + stored.trajectoryRows() + " trajectory rows)");
        }
        if (!noChart) {
            List<Panel> panels = RunCharts.panelsWithCatalogs(results, runSets.stream().map(ParameterOverrides.Result::catalog).toList());
            if (!panels.isEmpty()) {
                Path png = out.resolve(chartName(results.stream().map(r -> r.scenario().name()).toList()));
                ChartRenderer.renderGridPng(panels, png, 620, 380, 2);
                o.println("chart      " + png);
            }
        }
        for (SimulationResult r : results) {
            o.println();
            o.println(r.scenario().name() + ":");
            printSummary(o, r.trajectory(), MaxAtUnit.forRunOf(r.scenario().durationDays()));
            CtVersusGroundTruth.of(r.trajectory()).ifPresent(ct -> printGroundTruth(o, ct));
        }
        return VasCalc.EXIT_OK;
    }

    private static void printSummary(PrintWriter o, Trajectory t, MaxAtUnit when) {
        List<ChannelSummary> rows = ChannelSummary.of(t);
        if (rows.isEmpty()) {
            return;
        }
        o.printf(Locale.ROOT, "%-28s %-12s %12s %12s %12s %10s %12s%n", "output", "unit", "start", "min", "max",
                when.header(), "end");
        for (ChannelSummary r : rows) {
            o.printf(Locale.ROOT, "%-28s %-12s %12.5g %12.5g %12.5g %10s %12.5g%n", r.id(), r.unit(), r.start(),
                    r.min(), r.max(), when.cell(r), r.end());
        }
    }

    /** The CT score next to the layers no scan separates: the K2 story's "score falls, plaque does not". */
    private static void printGroundTruth(PrintWriter o, CtVersusGroundTruth ct) {
        o.println("CT score vs ground truth (coronary arteries), start -> end:");
        for (CtVersusGroundTruth.Row row : ct.rows()) {
            double change = row.start() == 0 ? Double.NaN : 100 * (row.end() / row.start() - 1);
            o.printf(Locale.ROOT, "  %-16s %-4s %12.5g -> %-12.5g %s  %s%n", row.id(), row.unit(), row.start(), row.end(),
                    Double.isNaN(change) ? "       " : String.format(Locale.ROOT, "%+6.1f%%", change), row.description());
        }
    }

    /** Longest chart file name kept as {@code a-vs-b-vs-c.png}: file systems allow 255 bytes, the writer's temporary name adds ~20. */
    static final int MAX_CHART_NAME = 200;

    /** Every file the run will write into --out, known before the runs from the scenarios' names. */
    private List<Path> resultFiles(List<ScenarioFiles.Loaded> loaded) {
        List<Path> files = new ArrayList<>();
        for (ScenarioFiles.Loaded l : loaded) {
            RunOutputs.Written w = RunOutputs.paths(l.scenario().name(), out);
            files.add(w.trajectoryCsv());
            files.add(w.summaryJson());
        }
        if (!noChart) {
            files.add(out.resolve(chartName(loaded.stream().map(l -> l.scenario().name()).toList())));
        }
        return files;
    }

    /**
     * The chart's file name: {@code <name>.png}, the runs' names joined by {@code -vs-}, or, when
     * that would be longer than {@link #MAX_CHART_NAME}, {@code <first>-and-<N>-more.png}.
     */
    static String chartName(List<String> names) {
        String joined = String.join("-vs-", names) + ".png";
        return joined.length() <= MAX_CHART_NAME ? joined : names.get(0) + "-and-" + (names.size() - 1) + "-more.png";
    }

    /** A duration in days as a person writes it: "1 day", "1.5 days", "3652 days" (it printed "1 days"). */
    static String days(double d) {
        return fmt(d) + (d == 1 ? " day" : " days");
    }

    /** A whole number without ".0" (days, years), else as Java prints it. */
    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Case-insensitive {@code fast} / {@code reference}. */
    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            try {
                return Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a mode"
                        + org.vascalc.core.input.EditDistance.didYouMean(value.strip(), List.of("fast", "reference"))
                        + "; use fast or reference"); // a typo gets a guess, as the other names (leftovers18)
            }
        }
    }

}
