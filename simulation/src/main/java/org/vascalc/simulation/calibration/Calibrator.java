package org.vascalc.simulation.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.SimulatorFactory;

/**
 * Fits the parameters whose evidence is {@code calibrated} (to one of the targets of this fit) to
 * the calibration targets marked {@code fit} (never {@code check}: those stay an independent test of the model). The objective is
 * the sum of squared relative errors over the fit targets that have a registered check, relative
 * to the central value (or to the half-width of the tolerance when the value is 0). Parameters move
 * inside their catalog range [low, high], mapped to [0, 1] so that the optimiser's trust region
 * means the same for every parameter; a parameter the optimiser leaves at its start comes back
 * bit-identical. Hipparchus BOBYQA (derivative-free, bounded) for two or more
 * parameters; Brent's method for one.
 */
public final class Calibrator {

    /** Penalty for a run that fails inside the optimiser: large, finite, so BOBYQA can step away. */
    private static final double FAILED_RUN_PENALTY = 1e6;

    private final SimulatorFactory factory;
    private final TargetChecks checks;

    public Calibrator(SimulatorFactory factory, TargetChecks checks) {
        this.factory = factory;
        this.checks = checks;
    }

    /** A fit target's model value before and after. */
    public record FitRow(CalibrationTarget target, double before, double after) {
    }

    /**
     * The outcome: the fitted catalog, what moved, the objective before and after; {@code firstFailure}
     * says why the first failed run failed (empty when none did), so a user can see which parameter
     * corner the model cannot start from.
     */
    public record Result(ParameterCatalog fitted, List<Parameter> before, List<Parameter> after,
                         List<FitRow> rows, List<CalibrationTarget> excluded, double objectiveBefore,
                         double objectiveAfter, int evaluations, int failedRuns, boolean converged,
                         String firstFailure) {
    }

    /** The targets a fit may use: {@code use = fit} and a registered check. */
    public List<CalibrationTarget> fitTargets(CalibrationTargets targets) {
        return targets.all().stream()
                .filter(t -> t.use() == CalibrationTarget.Use.FIT)
                .filter(t -> checks.forTarget(t.id()).isPresent())
                .toList();
    }

    public Result fit(ParameterCatalog start, CalibrationTargets targets, int maxEvaluations) {
        return fit(start, targets, maxEvaluations, org.vascalc.simulation.ProgressListener.NONE);
    }

    /**
     * The parameters a fit of {@code targets} from {@code start} moves: those calibrated to at least one of
     * its {@code fit} targets (the others would make the objective flat in their direction and belong to
     * another fit), with a range to move in.
     */
    public List<Parameter> freeParameters(ParameterCatalog start, CalibrationTargets targets) {
        java.util.Set<String> fitIds = new java.util.HashSet<>();
        fitTargets(targets).forEach(t -> fitIds.add(t.id()));
        return start.parameters().stream()
                .filter(Parameter::isCalibrated).filter(p -> p.high() > p.low())
                .filter(p -> targetIdsOf(p).stream().anyMatch(fitIds::contains)).toList();
    }

    /** "1 evaluation", "6 evaluations". */
    private static String evaluations(int n) {
        return n + (n == 1 ? " evaluation" : " evaluations");
    }

    /**
     * The smallest evaluation budget with which the optimiser can move anything: BOBYQA first evaluates its
     * 2n + 1 interpolation points (the start among them) and only its next evaluation is a step, so 2n + 2
     * for n of two or more free parameters (review17: nine free, a budget of 20 ended where it began);
     * Brent's method (one free parameter) moves from its first evaluation, so 1.
     */
    public static int minimumEvaluations(int freeParameters) {
        return freeParameters < 2 ? 1 : 2 * freeParameters + 2;
    }

    /**
     * As {@link #fit(ParameterCatalog, CalibrationTargets, int)}, telling {@code progress} the share of
     * the evaluation budget used after each evaluation (the fit may converge before the budget is
     * spent: 1 is reported at the end either way). A budget below {@link #minimumEvaluations} for the
     * fit's free parameters is refused: it could only return the start.
     *
     * @throws InvalidInputException at path {@code maxEvaluations} for that budget, naming it, the minimum and the
     *                               free parameters (leftovers24: an IllegalArgumentException, which a caller catching
     *                               the library's user-input exception missed)
     */
    public Result fit(ParameterCatalog start, CalibrationTargets targets, int maxEvaluations,
                      org.vascalc.simulation.ProgressListener progress) {
        List<CalibrationTarget> fit = fitTargets(targets);
        List<CalibrationTarget> excluded = targets.all().stream().filter(t -> !fit.contains(t)).toList();
        List<Parameter> free = freeParameters(start, targets);
        int needed = minimumEvaluations(free.size());
        if (!fit.isEmpty() && maxEvaluations < needed) { // a caller's value: the library's user-input exception
            throw new InvalidInputException("calibration budget", InputProblem.error("maxEvaluations", "maxEvaluations = "
                    + evaluations(maxEvaluations) + " is below the " + evaluations(needed) + " "
                    + (free.size() < 2 ? "Brent's method needs" : "BOBYQA needs to take one step") + " with " + free.size()
                    + (free.size() == 1 ? " free parameter" : " free parameters")
                    + (free.size() < 2 ? "" : " (it evaluates 2n + 1 = " + (needed - 1) + " points first)")
                    + "; the allowed range is " + evaluations(needed) + " or more"));
        }
        double[] x0 = new double[free.size()];
        for (int i = 0; i < x0.length; i++) {
            Parameter p = free.get(i);
            x0[i] = (p.value() - p.low()) / (p.high() - p.low());
        }
        Objective objective = new Objective(start, free, x0, fit, progress, maxEvaluations + 2); // + before and after
        double before = objective.value(x0);
        double[] best = x0;
        boolean converged = true;
        if (!free.isEmpty() && !fit.isEmpty()) {
            try {
                best = optimise(objective, x0, maxEvaluations);
            } catch (MathIllegalStateException e) {
                // The evaluation budget ran out: keep the best point seen, and say so in the report.
                converged = false;
                best = objective.bestX;
            }
        }
        double after = objective.value(best);
        if (after > before) {
            best = x0; // never hand back something worse than the start
            after = before;
        }
        ParameterCatalog fitted = start.with(objective.values(best));
        List<FitRow> rows = new ArrayList<>();
        for (CalibrationTarget t : fit) {
            rows.add(new FitRow(t, objective.modelValue(start, t), objective.modelValue(fitted, t)));
        }
        List<Parameter> moved = free.stream().map(p -> fitted.get(p.name())).toList();
        progress.progress(1);
        return new Result(fitted, free, moved, rows, excluded, before, after, objective.evaluations,
                objective.failures, converged, objective.firstFailure);
    }

    /** The target ids a calibrated parameter names in its evidence (e.g. {@code "E06, E07"} or {@code W04;W05}). */
    static List<String> targetIdsOf(Parameter p) {
        if (!(p.evidence() instanceof org.vascalc.core.evidence.Evidence.Calibrated c)) {
            return List.of();
        }
        return java.util.Arrays.stream(c.targetIds().split("[^A-Za-z0-9]+")).filter(x -> !x.isEmpty()).toList();
    }

    private static double[] optimise(Objective objective, double[] x0, int maxEvaluations) {
        if (x0.length == 1) {
            BrentOptimizer brent = new BrentOptimizer(1e-6, 1e-8);
            return new double[] {brent.optimize(new MaxEval(maxEvaluations), GoalType.MINIMIZE,
                    new UnivariateObjectiveFunction(u -> objective.value(new double[] {u})),
                    new SearchInterval(0, 1, x0[0])).getPoint()};
        }
        BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * x0.length + 1, 0.2, 1e-6);
        return bobyqa.optimize(new MaxEval(maxEvaluations), GoalType.MINIMIZE,
                new ObjectiveFunction(objective::value), new InitialGuess(x0),
                new SimpleBounds(new double[x0.length], filled(x0.length, 1.0))).getPoint();
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** Relative error of one value: against the central value, or the tolerance half-width at 0. */
    static double relativeError(CalibrationTarget t, double model) {
        double scale = t.value() != 0 ? Math.abs(t.value()) : Math.max((t.high() - t.low()) / 2, 1e-12);
        return (model - t.value()) / scale;
    }

    private final class Objective {
        private final ParameterCatalog start;
        private final List<Parameter> free;
        private final double[] x0;
        private final List<CalibrationTarget> fit;
        int evaluations;
        int failures;
        String firstFailure = "";
        double[] bestX;
        double bestValue = Double.POSITIVE_INFINITY;
        private final org.vascalc.simulation.ProgressListener progress;
        private final int budget;

        Objective(ParameterCatalog start, List<Parameter> free, double[] x0, List<CalibrationTarget> fit,
                  org.vascalc.simulation.ProgressListener progress, int budget) {
            this.start = start;
            this.free = free;
            this.x0 = x0.clone();
            this.fit = fit;
            this.progress = progress;
            this.budget = budget;
        }

        Map<String, Double> values(double[] x) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int i = 0; i < x.length; i++) {
                Parameter p = free.get(i);
                if (x[i] == x0[i]) {
                    // Left at its start: hand back the catalog's own number. Mapping back from [0, 1]
                    // need not round-trip (0.2235 comes back as 0.22349999999999998), and a changed last
                    // bit would change the parameter-set hash of a fit that moved nothing.
                    m.put(p.name(), p.value());
                    continue;
                }
                double u = Math.min(1, Math.max(0, x[i]));
                m.put(p.name(), p.low() + u * (p.high() - p.low()));
            }
            return m;
        }

        double value(double[] x) {
            evaluations++;
            progress.progress(Math.min(1, evaluations / (double) budget));
            ParameterCatalog c = start.with(values(x));
            double sum = 0;
            for (CalibrationTarget t : fit) {
                double m = modelValue(c, t);
                if (!Double.isFinite(m)) {
                    failures++;
                    sum += FAILED_RUN_PENALTY;
                } else {
                    double e = relativeError(t, m);
                    sum += e * e;
                }
            }
            if (sum < bestValue) {
                bestValue = sum;
                bestX = x.clone();
            }
            return sum;
        }

        double modelValue(ParameterCatalog c, CalibrationTarget t) {
              try {
                return checks.forTarget(t.id()).orElseThrow().modelValue(factory.create(c), c);
            } catch (RuntimeException e) {
                // A parameter corner where the model cannot run is a bad point, not the end of the fit.
                if (firstFailure.isEmpty()) {
                    firstFailure = t.id() + ": " + e.getMessage();
                }
                return Double.NaN;
            }
        }
    }

    /** The calibration report in Markdown. */
    public static String report(Result r, String provenance) {
        StringBuilder sb = new StringBuilder("# Calibration report\n\n");
        sb.append("Generated by `./vascalc calibrate`. Objective: sum over `fit` targets of the squared relative ")
                .append("error (model - target) / |target|. `check` targets are never used.\n\n");
        sb.append(String.format(Locale.ROOT, "Objective %.6g before, %.6g after, %d evaluations, %d failed runs%s.%n%n",
                r.objectiveBefore(), r.objectiveAfter(), r.evaluations(), r.failedRuns(),
                r.converged() ? "" : "; **stopped at the evaluation limit before converging**"));
        if (r.failedRuns() > 0) {
            sb.append("A failed run is a target's scenario that cannot run at the parameter values tried (it adds ")
                    .append(String.format(Locale.ROOT, "%.0g", FAILED_RUN_PENALTY))
                    .append(" to the objective, so the optimiser steps away). First failure: ")
                    .append(r.firstFailure().isEmpty() ? "(a non-finite model value)" : r.firstFailure()).append("\n\n");
        }
        sb.append("## Parameters fitted (evidence `calibrated`)\n\n");
        if (r.before().isEmpty()) {
            sb.append("None: no parameter of the catalog is marked `calibrated`.\n\n");
        } else {
            sb.append("| parameter | unit | low | high | before | after | targets |\n| --- | --- | ---: | ---: | ---: | ---: | --- |\n");
            for (int i = 0; i < r.before().size(); i++) {
                Parameter b = r.before().get(i);
                Parameter a = r.after().get(i);
                sb.append("| ").append(b.name()).append(" | ").append(b.unit()).append(" | ").append(ValidationReport.num(b.low()))
                        .append(" | ").append(ValidationReport.num(b.high())).append(" | ").append(ValidationReport.num(b.value()))
                        .append(" | ").append(ValidationReport.num(a.value())).append(" | ").append(b.evidence().describe())
                        .append(" |\n");
            }
            sb.append('\n');
        }
        sb.append("## Fit targets\n\n");
        if (r.rows().isEmpty()) {
            sb.append("None: no `fit` target has a registered check.\n\n");
        } else {
            sb.append("| target | value | model before | model after | error after |\n| --- | ---: | ---: | ---: | ---: |\n");
            for (FitRow f : r.rows()) {
                sb.append("| ").append(f.target().id()).append(" | ").append(ValidationReport.withUnit(f.target().value(), f.target().unit())).append(" | ").append(ValidationReport.num(f.before()))
                        .append(" | ").append(ValidationReport.num(f.after())).append(" | ")
                        .append(String.format(Locale.ROOT, "%+.1f %%", 100 * relativeError(f.target(), f.after())))
                        .append(" |\n");
            }
            sb.append('\n');
        }
        sb.append("## Not used\n\n");
        sb.append(String.join(", ", r.excluded().stream()
                .map(t -> t.id() + (t.use() == CalibrationTarget.Use.CHECK ? " (check)" : " (fit, no check yet)"))
                .toList())).append("\n\n## Provenance\n\n```\n").append(provenance.strip()).append("\n```\n");
        return sb.toString();
    }
}
