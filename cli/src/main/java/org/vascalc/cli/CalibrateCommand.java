package org.vascalc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.ParameterOverrides;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.calibration.CalibrationTarget;
import org.vascalc.simulation.calibration.CalibrationTargets;
import org.vascalc.simulation.calibration.Calibrator;
import org.vascalc.simulation.calibration.TargetChecks;
import org.vascalc.simulation.output.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vascalc calibrate}: fits the {@code calibrated} parameters to the {@code fit} targets. */
@Command(name = "calibrate",
        header = "Fits the calibrated parameters to the 'fit' calibration targets.", mixinStandardHelpOptions = true, versionProvider = BuildInfo.VersionProvider.class,
        description = {"Fits the parameters whose evidence is 'calibrated' (inside their catalog range) to the",
            "calibration targets marked 'fit' (never 'check'), minimising the sum of squared relative errors",
            "with Hipparchus BOBYQA (Brent's method when only one parameter is free). Writes",
            "fitted-parameters.csv and calibration-report.md. On a terminal a bar shows the share of the",
            "--max-evaluations budget used (the fit may stop earlier, when it converges).",
            "",
            "Time: an evaluation runs every fit target's scenarios on one thread; in the engine scope that is",
            "about 2-3 s of CPU (2026-12-02), so the default 200 evaluations take roughly 10 minutes on a free",
            "core and several times that on a busy machine. --scope wall runs virtual cohorts in every",
            "evaluation: its first had not finished after 160 s of CPU. Both files are written only at the",
            "end (each atomically): a Ctrl-C leaves any earlier ones as they were."},
        footer = {"", "Examples:",
            "  ./vascalc calibrate",
            "  ./vascalc calibrate --out runs/cal --max-evaluations 300",
            "  ./vascalc calibrate --scope wall",
            "  ./vascalc validate --parameters runs/cal/fitted-parameters.csv   # then compare",
            "", "Exit codes: 0 done, 1 bad input (the message says what to fix), 2 internal error."})
final class CalibrateCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/calibration",
            description = "Folder of fitted-parameters.csv and calibration-report.md, created if needed; files of "
                    + "the same names are replaced (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--parameters", paramLabel = "CSV", description = "Start from this catalog instead of the defaults (each value in the model's unit and "
            + "inside its plausible range); its values that differ from the model's are printed and named in "
            + "calibration-report.md's provenance.")
    private Path parameters;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = CliFiles.SET_HELP_CALIBRATE)
    private List<String> sets;

    @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "engine",
            description = "Fit targets from this scope: engine, wall or all (default: ${DEFAULT-VALUE}).")
    private String scope;

    @Option(names = "--max-evaluations", paramLabel = "N", defaultValue = "200",
            description = "Objective evaluations at most, 1 to 100000; each runs every fit target's scenarios; the start "
                    + "and the fitted point are evaluated besides, so the summary can count N + 2 (default: ${DEFAULT-VALUE}). "
                    + "With n free parameters BOBYQA evaluates 2n + 1 points before its first step, so a smaller N "
                    + "than 2n + 2 (20 for the engine scope's nine) is refused: it could only return the start.")
    private int maxEvaluations;

    @Override
    public Integer call() throws IOException {
        if (maxEvaluations < 1 || maxEvaluations > 100_000) {
            throw new UserInputException("--max-evaluations = " + maxEvaluations + " is outside the allowed range 1 to 100000");
        }
        PrintWriter o = spec.commandLine().getOut();
        SimulatorFactory factory = SimulatorFactory.load();
        CliFiles.CatalogFile catalogFile = CliFiles.catalogFile(parameters, factory.defaultParameters());
        ParameterOverrides.Result parameterSet = CliFiles.parameterSet(catalogFile, sets);
        ParameterCatalog start = parameterSet.catalog();
        // the start catalog's own changes, named as simulate names them: the report's hash alone did not say
        String catalogLine = CliFiles.catalogProvenanceLine(parameters,
                CliFiles.printCatalogChanges(o, catalogFile)).strip();
        if (!parameterSet.changes().isEmpty()) {
            spec.commandLine().getOut().println(CliFiles.describe(parameterSet.changes()));
        }
        CliFiles.requireFolderCanBeWritten(out); // created only when the results are written
        Path csv = out.resolve("fitted-parameters.csv");
        Path md = out.resolve("calibration-report.md");
        // before the fit (minutes), not after it: a folder where a result goes failed only at the end,
        // after fitted-parameters.csv had been replaced (a new catalog beside an old report, or none)
        CliFiles.requireFilesCanBeWritten(List.of(csv, md));
        Calibrator cal = new Calibrator(factory, TargetChecks.discover());
        List<CalibrationTarget> scoped = ValidateCommand.targets(scope);
        ValidateCommand.requireCalibrationScenarios(scoped);
        CalibrationTargets targets = CalibrationTargets.of(scoped);
        int free = cal.freeParameters(start, targets).size();
        int needed = Calibrator.minimumEvaluations(free);
        if (!cal.fitTargets(targets).isEmpty() && maxEvaluations < needed) { // it could only return the start (review17)
            throw new UserInputException("--max-evaluations = " + maxEvaluations + " is too few for " + free
                    + " free parameters: BOBYQA evaluates 2n + 1 = " + (needed - 1) + " points before its first step, "
                    + "so at least " + needed + " (allowed " + needed + " to 100000)");
        }
        o.println("fit targets with checks: " + String.join(", ", cal.fitTargets(targets).stream().map(t -> t.id()).toList()));
        // each evaluation runs every fit target's scenarios: a bar of the evaluation budget on a terminal
        Calibrator.Result r = cal.fit(start, targets, maxEvaluations,
                ProgressBar.forTerminal(spec.commandLine().getErr(), "calibrate (share of " + maxEvaluations + " evaluations)"));
        String prov = "tool " + BuildInfo.version() + ", commit " + BuildInfo.commit() + "\nstart parameter set sha256 "
                + start.sha256() + CliFiles.overridesLine(parameterSet.changes())
                + (catalogLine.isEmpty() ? "" : "\nstart " + catalogLine.substring("parameters ".length())) + "\nfitted parameter set sha256 " + r.fitted().sha256();
        AtomicFiles.writeString(csv, r.fitted().toCsv());
        AtomicFiles.writeString(md, Calibrator.report(r, prov));
        o.println("parameters fitted: " + String.join(", ", r.before().stream().map(p -> p.name()).toList()));
        // the count holds the objective at the start and at the fitted point besides the optimiser's own
        // --max-evaluations (so "after 4 evaluations" with a limit of 2)
        o.printf(Locale.ROOT, "objective %.6g -> %.6g after %d evaluations (the start and the fitted point included; "
                + "%d failed runs)%s%n", r.objectiveBefore(), r.objectiveAfter(), r.evaluations(), r.failedRuns(),
                r.converged() ? "" : ", evaluation limit reached");
        if (!r.firstFailure().isEmpty()) {
            o.println("first failed run: " + r.firstFailure());
        }
        o.println("fitted catalog " + csv);
        o.println("report         " + md);
        return VasCalc.EXIT_OK;
    }
}
