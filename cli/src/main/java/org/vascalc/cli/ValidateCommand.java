package org.vascalc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.vascalc.core.input.EditDistance;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.ParameterOverrides;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.calibration.CalibrationTarget;
import org.vascalc.simulation.calibration.CalibrationTargets;
import org.vascalc.simulation.calibration.CheckRow;
import org.vascalc.simulation.calibration.CheckRunner;
import org.vascalc.simulation.calibration.TargetChecks;
import org.vascalc.simulation.calibration.ValidationReport;
import org.vascalc.simulation.calibration.checks.WallPopulationTargetChecks;
import org.vascalc.simulation.output.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vascalc validate}: runs the checks of one target scope (default engine) and prints (or writes) the validation table. */
@Command(name = "validate",
        header = "Compares the model with calibration targets: engine rows by default, --scope all for every row.",
        mixinStandardHelpOptions = true, versionProvider = BuildInfo.VersionProvider.class,
        description = {"Runs the model on the scenario of each calibration target in the chosen scope and compares",
            "it with the published value: signed %% error, green < 10 %%, yellow < 30 %%, red.",
            "By default only the engine targets (E rows: mineral and vitamin K physiology, quick) are run;",
            "--scope wall runs the vessel-wall rows (W, slow: virtual cohorts), --scope all runs every row.",
            "With --write, writes the Markdown table (docs/validation.md is made with --scope all), only at",
            "the end and atomically. Each row is printed when it is done.",
            "Time (2026-12-05, two cores shared with other builds, load 10): the engine rows 20 s; the wall",
            "rows, which run virtual cohorts of 2 400 MESA-like and 1 200 CRIC-like members, 67 s, nearly all",
            "of it the cohorts, run before row W04 (with a progress bar when stderr is a terminal, else",
            "quietly); --scope all 1.5 to 2 min."},
        footer = {"", "Examples:",
            "  ./vascalc validate",
            "  ./vascalc validate --scope all --write docs/validation.md   # how docs/validation.md is made",
            "  ./vascalc validate --scope all --parameters out/calibration/fitted-parameters.csv",
            "", "Exit codes: 0 done (red rows are results, not errors), 1 bad input (the message says what to fix), 2 internal error."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "engine",
            description = "Target scope: engine, wall or all (default: ${DEFAULT-VALUE}).")
    private String scope;

    @Option(names = "--write", paramLabel = "FILE", description = "Write the Markdown table to FILE (atomically; an existing FILE is replaced).")
    private Path write;

    @Option(names = "--parameters", paramLabel = "CSV", description = "Parameter catalog instead of the model's "
            + "defaults (e.g. a calibrated one). The values that differ from the model's are printed first and named in "
            + "the provenance of --write's table.")
    private Path parameters;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = CliFiles.SET_HELP_VALIDATE)
    private List<String> sets;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        List<CalibrationTarget> targets = targets(scope);
        requireCalibrationScenarios(targets);
        if (write != null) {
            CliFiles.requireWritableFile(write); // before the runs, not after them
        }
        SimulatorFactory factory = SimulatorFactory.load();
        CliFiles.CatalogFile catalogFile = CliFiles.catalogFile(parameters, factory.defaultParameters());
        ParameterOverrides.Result parameterSet = CliFiles.parameterSet(catalogFile, sets);
        ParameterCatalog catalog = parameterSet.catalog();
        // which values the catalog file changed (catalognames: a validation kept only its hash)
        List<ParameterOverrides.Change> fromCatalog = CliFiles.printCatalogChanges(o, catalogFile);
        if (!parameterSet.changes().isEmpty()) {
            spec.commandLine().getOut().println(CliFiles.describe(parameterSet.changes()));
        }
        o.printf(Locale.ROOT, "%-4s %-5s %-7s %-12s %-18s %-9s %s%n", "row", "use", "band", "model", "target",
                "error", "what is compared");
        PrintWriter err = spec.commandLine().getErr();
        Simulator simulator = factory.create(catalog);
        List<CheckRow> rows = rows(targets, new CheckRunner(TargetChecks.discover()), simulator, catalog,
                r -> o.println(line(r)), WallPopulationTargetChecks::readsTheSample, () -> runTheWallSample(catalog, err));
        o.println(tally(rows));
        if (write != null) {
            String prov = "tool " + BuildInfo.version() + ", commit " + BuildInfo.commit() + "\nparameter set sha256 "
                    + catalog.sha256() + CliFiles.overridesLine(parameterSet.changes())
                    + "\nparameter values sha256 " + catalog.valuesSha256() // read by GeneratedPagesStampTest
                    + CliFiles.catalogProvenanceLine(parameters, fromCatalog) // "" on the model's own: pages unchanged
                    + "\nscope " + scope.strip().toLowerCase(Locale.ROOT);
            try {
                AtomicFiles.writeString(write, ValidationReport.markdown(rows, prov));
            } catch (IOException e) {
                throw new UserInputException("cannot write " + write + ": " + CliFiles.describe(e), e);
            }
            o.println("wrote " + write);
        }
        return VasCalc.EXIT_OK;
    }

    /**
     * The rows of {@code targets} in order, each handed to {@code eachDone} when done; before the first
     * row that {@code readsTheCohort}, {@code runCohort} runs the cohort those rows read (once), so that
     * its minute has a progress bar rather than silence (the rows then find it run).
     */
    static List<CheckRow> rows(List<CalibrationTarget> targets, CheckRunner runner, Simulator simulator,
                               ParameterCatalog catalog, Consumer<CheckRow> eachDone, Predicate<String> readsTheCohort,
                               Runnable runCohort) {
        int first = 0;
        while (first < targets.size() && !readsTheCohort.test(targets.get(first).id())) {
            first++;
        }
        List<CheckRow> rows = new ArrayList<>(runner.run(targets.subList(0, first), simulator, catalog, eachDone));
        if (first < targets.size()) {
            runCohort.run();
            rows.addAll(runner.run(targets.subList(first, targets.size()), simulator, catalog, eachDone));
        }
        return rows;
    }

    /**
     * The wall's virtual cohort, with a bar at a terminal (member-runs, rate, time left) or lines now
     * and then in a log (it takes about a minute). A failure is
     * left to the rows, which run it again and show why in their row, as without the bar.
     */
    private static void runTheWallSample(ParameterCatalog catalog, PrintWriter err) {
        ProgressBar.Counter bar = ProgressBar.counting(err, "wall rows' cohort", "member-runs");
        try {
            WallPopulationTargetChecks.sample(catalog, (done, total) -> bar.count(done, total));
        } catch (RuntimeException e) {
            ProgressBar.endLine(bar);
        }
    }

    /** One row for the terminal: the model's value and the target's, the signed error and what is compared. */
    static String line(CheckRow r) {
        double v = r.modelValue();
        String model = Double.isNaN(v) ? "-" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf")
                : String.format(Locale.ROOT, "%.4g", v);
        String error = Double.isFinite(r.signedError())
                ? String.format(Locale.ROOT, "%+.1f %%", Math.abs(r.signedError()) < 0.05 ? 0.0 : r.signedError()) : "-";
        return String.format(Locale.ROOT, "%-4s %-5s %-7s %-12s %-18s %-9s %s%s", r.target().id(),
                r.target().use().name().toLowerCase(Locale.ROOT), r.band().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                model, String.format(Locale.ROOT, "%.4g %s", r.target().value(), r.target().unit()), error,
                r.target().phenomenon(), r.note().isEmpty() ? "" : "  (" + r.note() + ")");
    }

    /** The count of rows per band, and where each miss is explained. */
    static String tally(List<CheckRow> rows) {
        StringBuilder b = new StringBuilder().append(rows.size()).append(" rows:");
        String sep = " ";
        for (org.vascalc.simulation.calibration.Band band : org.vascalc.simulation.calibration.Band.values()) {
            long n = rows.stream().filter(r -> r.band() == band).count();
            if (n > 0) {
                b.append(sep).append(n).append(' ').append(band.name().toLowerCase(Locale.ROOT).replace('_', ' '));
                sep = ", ";
            }
        }
        return b.append(". Red rows are results, not errors: docs/validation.md says why each one misses.").toString();
    }

    /** The targets of {@code --scope} (engine, wall or all; any case). */
    static List<CalibrationTarget> targets(String scope) {
        String s = scope.strip().toLowerCase(Locale.ROOT);
        CalibrationTargets all = CalibrationTargets.load();
        if ("all".equals(s)) {
            return all.all();
        }
        List<CalibrationTarget> t = all.scope(s);
        if (t.isEmpty()) {
            // the command line's other names guess the one meant (review14: "engin" named the three, guessed none)
            throw new UserInputException("--scope '" + scope + "' is not engine, wall or all"
                    + EditDistance.didYouMean(s, List.of("engine", "wall", "all")));
        }
        return t;
    }

    /** The folder of the scenario files the mineral rows (E01-E14) run. */
    static final String CALIBRATION_SCENARIOS = "examples/calibration";

    /**
     * Refuses engine rows outside the checkout: their scenario files are not found there, so each of
     * them was reported "not run" in a table that still exited 0 (and was written with --write).
     */
    static void requireCalibrationScenarios(List<CalibrationTarget> targets) {
        boolean engine = targets.stream().anyMatch(t -> "engine".equalsIgnoreCase(t.scope()));
        if (engine && org.vascalc.simulation.scenario.ProjectFiles.find(CALIBRATION_SCENARIOS).isEmpty()) {
            throw new UserInputException("cannot find the folder " + CALIBRATION_SCENARIOS + " at or above "
                    + Path.of("").toAbsolutePath() + "; the engine rows run its scenario files: run from the VasCalc "
                    + "checkout (or give it as VASCALC_JAVA_OPTS=-Dvascalc.home=CHECKOUT), or use --scope wall");
        }
    }
}
