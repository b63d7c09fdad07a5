package org.vascalc.simulation.calibration.wall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.PlainNumber;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.calibration.CalibrationTarget;
import org.vascalc.simulation.calibration.CalibrationTargets;
import org.vascalc.simulation.cohort.CohortProgress;
import org.vascalc.simulation.cohort.CohortRunner;
import org.vascalc.simulation.cohort.FollowUp;
import org.vascalc.simulation.cohort.PopulationRows;
import org.vascalc.simulation.cohort.PopulationSample;
import org.vascalc.simulation.cohort.PopulationStudy;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.engine.EngineSimulator;

/**
 * Fits the wall's {@code calibrated} parameters to the wall's {@code fit} rows only (W01, W04, W05,
 * W06, W09, W12, W15, W17, W19; never a check row) with Hipparchus' BOBYQA, through the whole engine.
 * The objective is the sum of squared errors in units of the distance from the target to the band
 * edge on the value's side (±1 = the band's edge, also for asymmetric bands such as W12's). Each parameter moves
 * linearly inside its catalog range, mapped to [0, 1].
 *
 * <p>Two stages, because the rows split into two groups that share almost no parameter and differ
 * a thousandfold in cost:
 * <ol>
 *   <li><b>Population</b> (W04, W05, W06, W09, W12, W15) on a seeded MESA-like sample with common
 *       random numbers (the same persons at every evaluation, so the objective is a deterministic
 *       function of the parameters): the CAC parameters ({@code microFormationPerYear},
 *       {@code microAgePerYear}, {@code plaqueSusceptibilityLogSd}, {@code ctMinLesionVolumeMm3},
 *       {@code macroSurfaceGrowthPerYear})
 *       <b>jointly with the event hazards</b> ({@code miPlaqueExponent}, {@code pwvEventRrPerMPerS}).
 *       The hazard ratios are the adjusted regressions of the check rows, computed on the model's
 *       MI and total CV-event hazards, so the direct PWV term is fitted to what the population's
 *       total association must be <i>after</i> the paths the model already has (PWV raises the
 *       Windkessel SBP, which raises stroke hazard and LV mass, which raises HF hazard); fitting
 *       1.14 onto the direct term alone would count pressure twice. W09 uses a CKD-conditioned
 *       MESA-like sample (baseline only).</li>
 *   <li><b>Single patients</b> (W01, W17, W19 and the control arm of W19, +0.020, stated in the
 *       row's locator) with {@code pwvIntrinsicRatePerYear}, {@code t50RefMin},
 *       {@code statinConversionBoost}, {@code calciumIndexCoverageMassMg}, at the population
 *       stage's values.</li>
 * </ol>
 *
 * @see WallPopulationChecks for the same statistics on the independent check sample
 */
public final class WallFit {

    /** Parameters of the population stage, in order. */
    public static final List<String> POPULATION_PARAMETERS = List.of("microFormationPerYear", "microAgePerYear",
            "plaqueSusceptibilityLogSd", "ctMinLesionVolumeMm3", "macroSurfaceGrowthPerYear", "miPlaqueExponent",
            "pwvEventRrPerMPerS", "intimalUraemicWeight");
    /** Rows of the population stage. */
    public static final List<String> POPULATION_ROWS = List.of("W04", "W05", "W06", "W09", "W12", "W15");
    /** Parameters of the single-patient stage. */
    public static final List<String> SINGLE_PARAMETERS = List.of("pwvIntrinsicRatePerYear", "t50RefMin",
            "statinConversionBoost", "calciumIndexCoverageMassMg");
    /** Rows of the single-patient stage ({@code W19-control} is the no-statin arm of W19). */
    public static final List<String> SINGLE_ROWS = List.of("W01", "W17", "W19", "W19-control");
    /** BOBYQA trust region radii, in [0, 1]-scaled parameter units. */
    static final double INITIAL_RADIUS = 0.15;
    static final double STOPPING_RADIUS = 2e-3;
    /** Control arm of W19 (Puri 2015, in the row's locator: no statin +0.020). */
    static final double W19_CONTROL = 0.020;

    /**
     * Settings of a fit.
     *
     * @param mesaSize          MESA-like persons followed 3.8 y (population stage)
     * @param ckdSize           MESA-like persons with eGFR &lt; 60, baseline only (W09)
     * @param seed              population seed (use a different one from the checks)
     * @param populationEvals   BOBYQA evaluation budget of the population stage
     * @param singleEvals       BOBYQA evaluation budget of the single-patient stage
     * @param threads           worker threads
     */
    public record Settings(int mesaSize, int ckdSize, long seed, int populationEvals, int singleEvals,
                           int threads) {
        public static Settings standard(int threads) {
            return new Settings(400, 150, 7, 60, 40, threads);
        }
    }

    /** One row's value at the start and at the end of the fit. */
    public record RowResult(String id, double target, double low, double high, double start, double end) {
    }

    /** The fit record. */
    public record Result(Settings settings, Map<String, Double> start, Map<String, Double> end, List<RowResult> rows,
                         double populationObjective0, double populationObjective, int populationEvaluations,
                         double singleObjective0, double singleObjective, int singleEvaluations, double seconds) {
    }

    private final SimulatorFactory factory;
    private final Settings settings;
    private final Map<String, CalibrationTarget> targets = new LinkedHashMap<>();
    private final List<VirtualPerson> ckd;
    /** The population stage's free parameters: all of {@link #POPULATION_PARAMETERS}, or some of them. */
    private final List<String> populationFree;

    public WallFit(SimulatorFactory factory, Settings settings) {
        this(factory, settings, POPULATION_PARAMETERS);
    }

    /**
     * A fit whose population stage frees only {@code populationFree} (a subset of
     * {@link #POPULATION_PARAMETERS}, at least two: BOBYQA's minimum); the others keep the start's
     * values. For a model change that moves only some rows, e.g. the event hazards (no state reads a
     * hazard, so the CAC parameters' rows W04-W09 cannot move).
     */
    public WallFit(SimulatorFactory factory, Settings settings, List<String> populationFree) {
        if (populationFree.size() < 2 || !POPULATION_PARAMETERS.containsAll(populationFree)) {
            throw new IllegalArgumentException("population parameters must be at least two of "
                    + POPULATION_PARAMETERS + ", got " + populationFree);
        }
        this.populationFree = List.copyOf(populationFree);
        this.factory = factory;
        this.settings = settings;
        CalibrationTargets all = CalibrationTargets.load();
        for (String id : List.of("W01", "W04", "W05", "W06", "W09", "W12", "W15", "W17", "W19")) {
            CalibrationTarget t = all.get(id);
            if (t.use() != CalibrationTarget.Use.FIT) {
                throw new IllegalStateException(id + " is not a fit row; the wall fit uses fit rows only");
            }
            targets.put(id, t);
        }
        VirtualPopulation pop = new VirtualPopulation(settings.seed(), factory.defaultParameters());
        this.ckd = LongStream.range(0, 100L * settings.ckdSize()).mapToObj(pop::mesa)
                .filter(p -> p.patient().egfrMlPerMin() < 60).limit(settings.ckdSize()).toList();
    }

    /** Runs both stages from {@code start}; {@code log} receives one line per evaluation. */
    public Result fit(ParameterCatalog start, Consumer<String> log) {
        long t0 = System.nanoTime();
        Map<String, Double> startValues = new LinkedHashMap<>();
        POPULATION_PARAMETERS.forEach(n -> startValues.put(n, start.value(n)));
        SINGLE_PARAMETERS.forEach(n -> startValues.put(n, start.value(n)));
        Map<String, Double> startRows = new LinkedHashMap<>(populationRows(start));
        startRows.putAll(singleRows(start));

        // a population budget of 0 keeps the catalog's population values (to re-run only the single-patient stage)
        Stage pop = settings.populationEvals() == 0 ? kept(start, POPULATION_PARAMETERS)
                : stage(start, populationFree, settings.populationEvals(),
                        c -> objective(populationRows(c)), "population", log);
        ParameterCatalog afterPop = start.with(pop.values);
        // a single-patient budget of 0 keeps the catalog's single-patient values likewise
        Stage single = settings.singleEvals() == 0 ? keptSingle(afterPop)
                : stage(afterPop, SINGLE_PARAMETERS, settings.singleEvals(), c -> objective(singleRows(c)), "single", log);
        ParameterCatalog end = afterPop.with(single.values);

        Map<String, Double> endRows = new LinkedHashMap<>(populationRows(end));
        endRows.putAll(singleRows(end));
        List<RowResult> rows = new ArrayList<>();
        for (String id : startRows.keySet()) {
            CalibrationTarget t = targets.get(id.startsWith("W19") ? "W19" : id);
            double target = id.equals("W19-control") ? W19_CONTROL : t.value();
            // the control arm keeps the W19 band's width around its own value
            rows.add(new RowResult(id, target, target - (t.value() - t.low()), target + (t.high() - t.value()),
                    startRows.get(id), endRows.get(id)));
        }
        Map<String, Double> endValues = new LinkedHashMap<>();
        startValues.keySet().forEach(n -> endValues.put(n, end.value(n)));
        return new Result(settings, startValues, endValues, rows, pop.objective0, pop.objective, pop.evaluations,
                single.objective0, single.objective, single.evaluations, (System.nanoTime() - t0) / 1e9);
    }

    private record Stage(Map<String, Double> values, double objective0, double objective, int evaluations) {
    }

    private Stage kept(ParameterCatalog start, List<String> names) {
        Map<String, Double> values = new LinkedHashMap<>();
        names.forEach(n -> values.put(n, start.value(n)));
        double objective = objective(populationRows(start));
        return new Stage(values, objective, objective, 0);
    }

    private Stage keptSingle(ParameterCatalog start) {
        Map<String, Double> values = new LinkedHashMap<>();
        SINGLE_PARAMETERS.forEach(n -> values.put(n, start.value(n)));
        double objective = objective(singleRows(start));
        return new Stage(values, objective, objective, 0);
    }

    private interface Objective {
        double value(ParameterCatalog c);
    }

    private static Stage stage(ParameterCatalog start, List<String> names, int maxEval, Objective f, String label,
                               Consumer<String> log) {
        List<Parameter> free = names.stream().map(start::get).toList();
        double[] u0 = new double[free.size()];
        for (int i = 0; i < u0.length; i++) {
            Parameter p = free.get(i);
            u0[i] = Math.min(Math.max((p.value() - p.low()) / (p.high() - p.low()), 0), 1);
        }
        int[] count = {0};
        double[] first = {Double.NaN};
        double[] bestValue = {Double.POSITIVE_INFINITY};
        double[][] bestPoint = {u0.clone()};
        ObjectiveFunction of = new ObjectiveFunction(u -> {
            Map<String, Double> v = values(free, u);
            double value;
            try {
                value = f.value(start.with(v));
            } catch (RuntimeException e) {
                // a parameter set the engine cannot integrate (logged) is as bad as a very poor fit
                log.accept(label + ": evaluation failed at " + v + ": " + e.getMessage());
                value = 1e6;
            }
            value = Double.isFinite(value) ? value : 1e6;
            if (count[0]++ == 0) {
                first[0] = value;
            }
            if (value < bestValue[0]) {
                bestValue[0] = value;
                bestPoint[0] = u.clone();
            }
            log.accept(String.format(Locale.ROOT, "%s %d: %.5g %s", label, count[0], value, v));
            return value;
        });
        double[] lo = new double[u0.length];
        double[] hi = new double[u0.length];
        java.util.Arrays.fill(hi, 1);
        BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * u0.length + 1, INITIAL_RADIUS, STOPPING_RADIUS);
        // BOBYQA needs the start at least the initial radius inside the box
        double[] inside = u0.clone();
        for (int i = 0; i < inside.length; i++) {
            inside[i] = Math.min(Math.max(inside[i], INITIAL_RADIUS), 1 - INITIAL_RADIUS);
        }
        try {
            opt.optimize(new MaxEval(maxEval), of, GoalType.MINIMIZE, new InitialGuess(inside), new SimpleBounds(lo, hi));
        } catch (org.hipparchus.exception.MathIllegalStateException e) {
            log.accept(label + ": evaluation budget of " + maxEval + " used up; keeping the best point seen");
        }
        PointValuePair best = new PointValuePair(bestPoint[0], bestValue[0]);
        return new Stage(values(free, best.getPoint()), first[0], best.getValue(), count[0]);
    }

    private static Map<String, Double> values(List<Parameter> free, double[] u) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (int i = 0; i < u.length; i++) {
            Parameter p = free.get(i);
            v.put(p.name(), p.low() + (p.high() - p.low()) * Math.min(Math.max(u[i], 0), 1));
        }
        return v;
    }

    private double objective(Map<String, Double> model) {
        double sum = 0;
        for (var e : model.entrySet()) {
            CalibrationTarget t = targets.get(e.getKey().startsWith("W19") ? "W19" : e.getKey());
            double target = e.getKey().equals("W19-control") ? W19_CONTROL : t.value();
            // the band may be asymmetric (W12: 4.5-13 around 7.73): scale by the side the value is on
            double lo = target - (t.value() - t.low());
            double hi = target + (t.high() - t.value());
            double r = e.getValue() < target ? (e.getValue() - target) / (target - lo)
                    : (e.getValue() - target) / (hi - target);
            sum += r * r;
        }
        return sum;
    }

    /** The population rows at {@code c} on the fit sample. */
    Map<String, Double> populationRows(ParameterCatalog c) {
        PopulationStudy study = new PopulationStudy(settings.mesaSize(), 0, settings.seed());
        PopulationSample s = study.simulate(factory, c, settings.threads(), CohortProgress.NONE);
        Map<String, Double> out = new LinkedHashMap<>();
        for (PopulationRows.Row row : PopulationRows.all()) {
            if (POPULATION_ROWS.contains(row.id()) && !row.id().equals("W09")) {
                out.put(row.id(), row.statistic().applyAsDouble(s));
            }
        }
        List<FollowUp> base = new CohortRunner(factory, c, settings.threads()).run(ckd,
                p -> FollowUp.scenario(p, 0.05), Mode.FAST, FollowUp::of, CohortProgress.NONE);
        out.put("W09", base.stream().mapToDouble(f -> f.cac0() > 0 ? 1 : 0).average().orElse(Double.NaN));
        Map<String, Double> ordered = new LinkedHashMap<>();
        POPULATION_ROWS.forEach(id -> ordered.put(id, out.get(id)));
        return ordered;
    }

    /** The single-patient rows at {@code c}. */
    static Map<String, Double> singleRows(ParameterCatalog c) {
        EngineSimulator sim = new EngineSimulator(c);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("W01", WallChecks.w01(sim));
        out.put("W17", WallChecks.w17(sim));
        out.put("W19", WallChecks.w19(sim));
        out.put("W19-control", WallChecks.w19Control(sim));
        return out;
    }

    /** The fit record as Markdown (docs/model/wall-fit.md). */
    public static String markdown(Result r, ParameterCatalog start) {
        StringBuilder sb = new StringBuilder();
        Settings s = r.settings();
        sb.append(String.format(Locale.ROOT, "Optimiser: Hipparchus BOBYQA (2n+1 interpolation points, initial trust "
                        + "radius %.3g, stopping radius %.3g, in [0, 1]-scaled catalog ranges). Population stage: "
                        + "%d MESA-like persons followed 3.8 y + %d MESA-like persons with eGFR < 60 at baseline, seed %d, "
                        + "common random numbers; budget %d evaluations, used %d. Single-patient stage: budget %d, used %d. "
                        + "Wall time %.0f s on %d thread%s.%n%n", INITIAL_RADIUS, STOPPING_RADIUS, s.mesaSize(),
                s.ckdSize(), s.seed(), s.populationEvals(), r.populationEvaluations(), s.singleEvals(),
                r.singleEvaluations(), r.seconds(), s.threads(), s.threads() == 1 ? "" : "s"));
        sb.append("| parameter | start | fitted | unit | range |\n|---|---|---|---|---|\n");
        r.end().forEach((k, v) -> {
            Parameter p = start.get(k);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | [%s, %s] |%n", k, PlainNumber.of(r.start().get(k), 5),
                    PlainNumber.of(v, 5), p.unit(), ValidRange.fmt(p.low()), ValidRange.fmt(p.high())));
        });
        sb.append("\n| row | target | band | start | after fit | residual (band sides) |\n|---|---|---|---|---|---|\n");
        for (RowResult row : r.rows()) {
            double side = row.end() < row.target() ? row.target() - row.low() : row.high() - row.target();
            sb.append(String.format(Locale.ROOT, "| %s | %s | [%s, %s] | %s | %s | %+.2f |%n", row.id(),
                    g4(row.target()), g4(row.low()), g4(row.high()), g4(row.start()), g4(row.end()), (row.end() - row.target()) / side));
        }
        sb.append(String.format(Locale.ROOT, "%nObjective (sum of squared errors in units of the band side): population "
                        + "%s → %s, single patients %s → %s.%n", g4(r.populationObjective0()),
                g4(r.populationObjective()), g4(r.singleObjective0()), g4(r.singleObjective())));
        return sb.toString();
    }

    /** Four significant digits as "%.4g" writes them, never in E-notation (leftovers33: the record read 7.754e-05). */
    private static String g4(double v) {
        return PlainNumber.of(v, 4);
    }
}
