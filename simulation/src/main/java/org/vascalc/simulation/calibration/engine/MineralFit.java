package org.vascalc.simulation.calibration.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.PlainNumber;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.simulation.calibration.CalibrationTarget;
import org.vascalc.simulation.calibration.CalibrationTargets;
import org.vascalc.simulation.engine.EngineSimulator;

/**
 * Fits the mineral block's {@code calibrated} parameters to the engine's {@code fit} rows (E06, E07,
 * E08, E11) with Hipparchus' Nelder-Mead simplex. Each parameter moves inside its catalog range
 * through a logistic transform; the objective is the sum of squared errors in units of each row's
 * half band. Check rows are never used.
 */
public final class MineralFit {

    /** The rows fitted: every row marked {@code fit} that has a mineral check (E06, E07, E08, E11). */
    public static List<CalibrationTarget> rows() {
        java.util.Set<String> mineral = new java.util.HashSet<>();
        EngineChecks.all().forEach(c -> mineral.add(c.targetId()));
        return CalibrationTargets.load().scope("engine").stream()
                .filter(t -> t.use() == CalibrationTarget.Use.FIT && mineral.contains(t.id())).toList();
    }

    /** The fit's outcome; {@code converged} is false when the evaluation budget ran out (best point kept). */
    public record Result(Map<String, Double> values, Map<String, Double> modelByRow, double objective, int evaluations,
                         boolean converged) {
    }

    private MineralFit() {
    }

    public static Result fit(ParameterCatalog start, int maxEvaluations) {
        return fit(start, maxEvaluations, java.util.Set.of());
    }

    /**
     * As {@link #fit(ParameterCatalog, int)}, holding the named calibrated parameters at their start
     * values: a profile of the objective along them (does the fit identify them?).
     */
    public static Result fit(ParameterCatalog start, int maxEvaluations, java.util.Set<String> held) {
        // Only the mineral block's calibrated parameters: the assembled catalog also holds other
        // blocks' calibrated values, which the E rows cannot identify and must not move.
        java.util.Set<String> mineral = new java.util.HashSet<>();
        MineralBlock.defaultParameters().parameters().forEach(p -> mineral.add(p.name()));
        List<Parameter> free = new ArrayList<>();
        for (Parameter p : start.parameters()) {
            if (p.isCalibrated() && mineral.contains(p.name()) && !held.contains(p.name())) {
                free.add(p);
            }
        }
        List<CalibrationTarget> rows = rows();
        int[] count = {0};
        double[] x0 = new double[free.size()];
        for (int i = 0; i < x0.length; i++) {
            Parameter p = free.get(i);
            double u = (p.value() - p.low()) / (p.high() - p.low());
            u = Math.min(Math.max(u, 1e-3), 1 - 1e-3);
            x0[i] = Math.log(u / (1 - u));
        }
        SimplexOptimizer opt = new SimplexOptimizer(1e-4, 1e-6);
        // The simplex throws when the budget runs out; keep the best point seen so a long fit is not lost.
        double[][] bestSeen = {x0.clone()};
        double[] bestValue = {Double.POSITIVE_INFINITY};
        boolean converged = true;
        try {
            PointValuePair best = opt.optimize(new MaxEval(maxEvaluations),
                    new ObjectiveFunction(x -> {
                        count[0]++;
                        double f = objective(start, free, x, rows, null);
                        if (f < bestValue[0]) {
                            bestValue[0] = f;
                            bestSeen[0] = x.clone();
                        }
                        return f;
                    }), GoalType.MINIMIZE, new InitialGuess(x0), new NelderMeadSimplex(x0.length, 1.0));
            bestSeen[0] = best.getPoint();
        } catch (org.hipparchus.exception.MathIllegalStateException e) {
            converged = false;
        }
        Map<String, Double> model = new LinkedHashMap<>();
        double obj = objective(start, free, bestSeen[0], rows, model);
        return new Result(values(free, bestSeen[0]), model, obj, count[0], converged);
    }

    private static Map<String, Double> values(List<Parameter> free, double[] x) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            Parameter p = free.get(i);
            v.put(p.name(), p.low() + (p.high() - p.low()) / (1 + Math.exp(-x[i])));
        }
        return v;
    }

    private static double objective(ParameterCatalog start, List<Parameter> free, double[] x,
                                    List<CalibrationTarget> rows, Map<String, Double> out) {
        EngineSimulator sim;
        try {
            sim = new EngineSimulator(start.with(values(free, x)));
            double sum = 0;
            for (CalibrationTarget t : rows) {
                double m = EngineChecks.byId(t.id()).modelValue(sim);
                if (out != null) {
                    out.put(t.id(), m);
                }
                double e = (m - t.value()) / (0.5 * (t.high() - t.low()));
                sum += e * e;
            }
            return Double.isFinite(sum) ? sum : 1e6;
        } catch (IllegalArgumentException e) {
            return 1e6; // parameters with no steady baseline (negative gut secretion)
        }
    }

    /** The fit as a Markdown section (docs/model/mineral-fit.md). */
    public static String markdown(Result r, ParameterCatalog start) {
        StringBuilder sb = new StringBuilder();
        sb.append("| parameter | start | fitted | unit | range |\n|---|---|---|---|---|\n");
        r.values().forEach((k, v) -> {
            Parameter p = start.get(k);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | [%s, %s] |%n", k, PlainNumber.of(p.value(), 5),
                    PlainNumber.of(v, 5), p.unit(), ValidRange.fmt(p.low()), ValidRange.fmt(p.high())));
        });
        sb.append("\n| row | target | band | model after fit |\n|---|---|---|---|\n");
        for (CalibrationTarget t : rows()) {
            sb.append(String.format(Locale.ROOT, "| %s %s | %s %s | [%s, %s] | %s |%n", t.id(), t.phenomenon(),
                    g4(t.value()), t.unit(), g4(t.low()), g4(t.high()), g4(r.modelByRow().get(t.id()))));
        }
        sb.append(String.format(Locale.ROOT, "%nObjective (sum of squared errors in half-band units): %s after %d evaluations%s.%n",
                g4(r.objective()), r.evaluations(), r.converged() ? "" : " (budget exhausted, best point kept)"));
        return sb.toString();
    }

    /** Four significant digits as "%.4g" writes them, never in E-notation (leftovers33: the record read 7.754e-05). */
    private static String g4(double v) {
        return PlainNumber.of(v, 4);
    }
}
