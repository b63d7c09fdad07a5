package org.vascalc.simulation.sensitivity;

import static org.vascalc.core.input.ValidRange.fmt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.vascalc.core.evidence.Evidence;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.FastPath;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * One-at-a-time sensitivity of a scenario's end-of-run outputs to every number of the parameter
 * catalog. For each parameter the scenario is run with that one value at the low and at the high end
 * of its plausible range (the tornado: how far each output can move over the range the catalog
 * admits) and at its value times {@code exp(-0.05)} and {@code exp(+0.05)} (the local elasticity,
 * central difference in log); every other value stays at the catalog's. A run that fails (an end
 * that makes the model invalid, an output that is not finite) is recorded with its message and
 * leaves the rest of the analysis alone.
 *
 * <p>How the catalog's kinds of number are treated ({@link Role}):
 * <ul>
 *   <li>every literature, calibrated, assumed and derived number is varied over its own plausible
 *       range. A derived value is varied alone, as the model reads it: the catalog keeps the rule it
 *       was derived by as text, so varying a number it was derived from does not re-derive it (such
 *       a source may then show no effect at all, e.g. {@code wajimaVkInputNmolPerLPerH}, which only
 *       {@code k1AbsorbedFraction} was derived from);</li>
 *   <li>a person's own factor, 1 for the typical person ({@link VirtualPopulation#PLAQUE} and the
 *       others a virtual cohort draws), is varied over the central 95 % of the cohort's log-normal,
 *       {@code exp(±1.96 SD)} with the SD of the catalog, not over its wide technical range: it is
 *       between-person variation, not uncertainty about a number;</li>
 *   <li>the between-person SDs themselves are read only when a virtual cohort is drawn, so one
 *       person's run cannot depend on them: they are listed, not run;</li>
 *   <li>a number whose range is a single value is fixed (nothing to vary);</li>
 *   <li>one quantity held twice ({@link #SAME_QUANTITY}, the extracellular volume) is moved as one.</li>
 * </ul>
 * Parameters at the edge of their range vary to one side only; the elasticity is then one-sided.
 * Runs are spread over worker threads and stored by index, so the result does not depend on the
 * thread count or timing.
 */
public final class SensitivityAnalysis {

    /** The outputs analysed when none are named: the flagship's slow outputs and the serum labs. */
    public static final List<String> DEFAULT_OUTPUTS = List.of("cacAgatston", "cacMedialMass", "cacIntimalMass",
            "pwv", "sbp", "lvMass", "riskMi", "serumCalciumTotal", "pth", "dpUcMgp");

    /** The elasticity's step in log: the value times exp(∓0.05), about ±5 %. */
    public static final double LOG_STEP = 0.05;

    /** A person's factor is varied over exp(±Z·SD): the central 95 % of the cohort's log-normal. */
    public static final double INDIVIDUAL_Z = 1.96;

    /** Each person's own factor and the catalog SD of its log-normal among people. */
    static final Map<String, String> INDIVIDUAL_SPREAD = Map.of(
            VirtualPopulation.PLAQUE, "plaqueSusceptibilityLogSd",
            VirtualPopulation.MEDIAL, "medialSusceptibilityLogSd",
            VirtualPopulation.STIFFNESS, "aorticStiffnessLogSd",
            VirtualPopulation.T50_RESIDUAL, "t50ResidualLogSd",
            VirtualPopulation.VITAMIN_K_INTAKE, "vitaminKIntakeLogSd");

    /** Read only by {@link VirtualPopulation} when drawing a cohort (and the CT interscan error). */
    static final Set<String> POPULATION_SPREADS = Set.of("plaqueSusceptibilityLogSd", "medialSusceptibilityLogSd",
            "aorticStiffnessLogSd", "t50ResidualLogSd", "vitaminKIntakeLogSd", "ctInterscanLogSd");

    /**
     * One quantity held twice: the wall reads the extracellular volume as its own {@code ecfVolumeL}
     * to turn the mineral block's calcium and phosphate amounts into concentrations, while the
     * mineral block holds them with {@code ecfVolume}. Varied alone, either copy would make the two
     * blocks disagree about serum calcium and so fake a strong effect; they are moved together, by
     * the same factor, over the range both admit, and reported under the first name.
     */
    static final Map<String, List<String>> SAME_QUANTITY = org.vascalc.simulation.ParameterOverrides.SAME_QUANTITY;

    /** How a parameter is treated. */
    public enum Role {
        /** varied over the catalog's plausible range */
        RANGE("plausible range"),
        /** a person's own factor, varied over the central 95 % of the population */
        INDIVIDUAL("person's factor: central 95 % of the population"),
        /** a between-person SD, used only when a virtual cohort is drawn: not run */
        POPULATION_SPREAD("between-person SD, used only when drawing a cohort: not run"),
        /** the range is a single value: not run */
        FIXED("fixed (range is one value): not run"),
        /** another copy of a quantity: moved together with it ({@link #SAME_QUANTITY}), not run alone */
        COPY("the same quantity as another parameter: moved together with it, not run alone");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean runs() {
            return this == RANGE || this == INDIVIDUAL;
        }
    }

    /**
     * What is run for one parameter: the ends {@code low} and {@code high} and the elasticity points
     * {@code down} and {@code up} (either may equal the value, then the baseline serves; NaN if no
     * elasticity can be taken, e.g. at a value of 0).
     */
    public record Plan(Parameter parameter, Role role, double low, double high, double down, double up,
                       List<String> together) {
        public Plan {
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(role, "role");
            together = List.copyOf(together);
        }

        Plan(Parameter parameter, Role role, double low, double high, double down, double up) {
            this(parameter, role, low, high, down, up, List.of());
        }

        public String name() {
            return parameter.name();
        }

        /** literature, calibrated, assumption or derived. */
        public String evidenceKind() {
            return kind(parameter.evidence());
        }
    }

    /** The evidence kind as the catalog file spells it. */
    public static String kind(Evidence e) {
        return switch (e) {
            case Evidence.Literature l -> "literature";
            case Evidence.Calibrated c -> "calibrated";
            case Evidence.Assumption a -> "assumption";
            case Evidence.Derived d -> "derived";
        };
    }

    /** How {@code p} of {@code catalog} is varied. */
    public static Plan plan(Parameter p, ParameterCatalog catalog) {
        double v = p.value();
        if (POPULATION_SPREADS.contains(p.name())) {
            return new Plan(p, Role.POPULATION_SPREAD, v, v, Double.NaN, Double.NaN);
        }
        if (p.low() == p.high()) {
            return new Plan(p, Role.FIXED, v, v, Double.NaN, Double.NaN);
        }
        for (Map.Entry<String, List<String>> e : SAME_QUANTITY.entrySet()) {
            if (e.getValue().contains(p.name()) && catalog.contains(e.getKey())) {
                return new Plan(p, Role.COPY, v, v, Double.NaN, Double.NaN, List.of(e.getKey()));
            }
        }
        Role role = Role.RANGE;
        double low = p.low();
        double high = p.high();
        List<String> together = SAME_QUANTITY.getOrDefault(p.name(), List.of()).stream()
                .filter(catalog::contains).toList();
        // the factors every copy admits
        double factorLow = p.low() / v;
        double factorHigh = p.high() / v;
        for (String name : together) {
            Parameter q = catalog.get(name);
            factorLow = Math.max(factorLow, q.low() / q.value());
            factorHigh = Math.min(factorHigh, q.high() / q.value());
        }
        if (!together.isEmpty()) {
            low = v * factorLow;
            high = v * factorHigh;
        }
        String sdName = INDIVIDUAL_SPREAD.get(p.name());
        if (sdName != null && catalog.contains(sdName)) {
            role = Role.INDIVIDUAL;
            double sd = catalog.value(sdName);
            low = Math.max(p.low(), Math.min(v, v * Math.exp(-INDIVIDUAL_Z * sd)));
            high = Math.min(p.high(), Math.max(v, v * Math.exp(INDIVIDUAL_Z * sd)));
        }
        double down = Double.NaN;
        double up = Double.NaN;
        if (v > 0) {
            down = v * Math.exp(-LOG_STEP);
            up = v * Math.exp(LOG_STEP);
            if (down < low) {
                down = v;
            }
            if (up > high) {
                up = v;
            }
            if (down == up) {
                down = Double.NaN;
                up = Double.NaN;
            }
        }
        return new Plan(p, role, low, high, down, up, together);
    }

    /** The values to set for plan {@code p} at value {@code x}: its own, and its copies' by the same factor. */
    static Map<String, Double> settings(Plan p, double x, ParameterCatalog catalog) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put(p.name(), x);
        for (String name : p.together()) {
            Parameter q = catalog.get(name);
            m.put(name, Math.max(q.low(), Math.min(q.high(), q.value() * x / p.parameter().value())));
        }
        return m;
    }

    /** The outcome for one parameter: each output at each end, its elasticity, and any failure. */
    public record ParameterResult(Plan plan, double[] atLow, double[] atHigh, double[] elasticity, String failure) {
        public ParameterResult {
            failure = failure == null ? "" : failure;
        }
    }

    /**
     * The whole analysis: the baseline, and every parameter's result in catalog order.
     * {@code catalogSha256} is the whole catalog's (evidence texts included), as every output records it;
     * {@code inputsSha256} is {@link #inputsSha256} of what the numbers were computed from. {@code baselinePath} is
     * how fast mode ran the baseline ({@link SimulationResult#fastPath()}; empty in reference mode): the command says
     * once, as simulate does, that a scenario of the direct class was integrated directly.
     */
    public record Result(Scenario scenario, Mode mode, List<OutputChannel> outputs, double[] baseline,
                         List<ParameterResult> parameters, String catalogSha256, String inputsSha256, int runs,
                         Optional<FastPath> baselinePath) {
        public Result {
            outputs = List.copyOf(outputs);
            parameters = List.copyOf(parameters);
            Objects.requireNonNull(baselinePath, "baselinePath");
        }

        /** The parameters that were run, ranked by their swing of output {@code k} ({@link Ranking#rank}). */
        public List<Ranking.Entry> ranking(int k) {
            List<Ranking.Entry> entries = new ArrayList<>();
            for (ParameterResult r : parameters) {
                if (r.plan().role().runs()) {
                    entries.add(Ranking.entry(r.plan().name(), baseline[k], r.atLow()[k], r.atHigh()[k],
                            r.elasticity()[k], r.failure()));
                }
            }
            return Ranking.rank(entries, baseline[k]);
        }

        public ParameterResult parameter(String name) {
            return parameters.stream().filter(r -> r.plan().name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no parameter " + name + " in the analysis"));
        }

        public int outputIndex(String id) {
            for (int k = 0; k < outputs.size(); k++) {
                if (outputs.get(k).id().equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("output " + id + " is not in the analysis");
        }
    }

    /** Told after each run. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void finished(int done, int total);
    }

    private final SimulatorFactory factory;
    private final ParameterCatalog catalog;
    private final int threads;

    public SensitivityAnalysis(SimulatorFactory factory, ParameterCatalog catalog, int threads) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    /** Every parameter's plan, in catalog order. */
    public List<Plan> plans() {
        return catalog.parameters().stream().map(p -> plan(p, catalog)).toList();
    }

    /** The number of model runs {@link #run} makes for these plans, the baseline included. */
    public static int runCount(List<Plan> plans) {
        int n = 1;
        for (Plan p : plans) {
            n += points(p).length;
        }
        return n;
    }

    /** The values run for a plan, low, high, down, up, each NaN where the baseline serves instead. */
    private static double[] points(Plan p) {
        if (!p.role().runs()) {
            return new double[0];
        }
        double v = p.parameter().value();
        return Arrays.stream(new double[] {p.low(), p.high(), p.down(), p.up()})
                .filter(x -> !Double.isNaN(x) && x != v).toArray();
    }

    /** {@code scenario} as the analysis runs it: recording {@code outputIds}. */
    public static Scenario analysed(Scenario scenario, List<String> outputIds) {
        Recording rec = scenario.recording();
        return new Scenario(scenario.name(), scenario.description(), scenario.patient(), scenario.conditions(),
                scenario.interventions(), scenario.durationDays(),
                new Recording(outputIds, rec.intervalHours(), rec.fineIntervalHours(), rec.fineFromDay(), rec.fineToDay()));
    }

    /**
     * SHA-256 of everything the analysis's numbers are computed from, apart from the model's code: every
     * parameter's plan (name, role, value, unit, evidence kind, the values run), the parameters analysed
     * ({@code only}, null for all), the mode and the scenario as run. A generated page records it, so a
     * test can tell without re-running that the page's numbers may have moved (a value or range changed,
     * or the scenario), while an edit of the catalog's evidence texts, which the numbers do not read,
     * leaves it alone (unlike {@link ParameterCatalog#sha256}). The scenario enters by its record
     * text: patient, conditions, interventions and recording are records of numbers, strings, enums and
     * lists, whose text is their content.
     */
    public String inputsSha256(Scenario scenario, Mode mode, List<String> outputIds, List<String> only) {
        StringBuilder sb = new StringBuilder("vascalc sensitivity inputs 1\n");
        for (Plan p : plans()) {
            sb.append(String.join(",", p.name(), p.role().name(), Double.toString(p.parameter().value()),
                    p.parameter().unit(), p.evidenceKind(), Double.toString(p.low()), Double.toString(p.high()),
                    Double.toString(p.down()), Double.toString(p.up()), String.join("+", p.together()))).append('\n');
        }
        sb.append("only ").append(only == null ? "all" : String.join(",", only)).append('\n');
        sb.append("mode ").append(mode.name()).append('\n');
        sb.append(analysed(scenario, outputIds)).append('\n');
        return ScenarioFiles.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs the analysis of {@code scenario} over every parameter (or those named in {@code only}, if
     * not null). The baseline runs first; if it fails the exception propagates (an unknown output id
     * is an {@code InvalidInputException}), since nothing can be compared with it.
     */
    public Result run(Scenario scenario, Mode mode, List<String> outputIds, List<String> only, Progress progress)
            throws InterruptedException {
        Scenario s = analysed(scenario, outputIds);
        List<Plan> plans = new ArrayList<>();
        for (Plan p : plans()) {
            if (only == null || only.contains(p.name())) {
                plans.add(p);
            }
        }
        if (only != null) {
            for (String name : only) {
                if (!catalog.contains(name)) { // named with the nearest name, as the command line's hint (review17)
                    throw new java.util.NoSuchElementException("no parameter named '" + name + "' in the catalog"
                            + org.vascalc.core.input.EditDistance.didYouMean(name,
                                    catalog.parameters().stream().map(Parameter::name).toList()));
                }
            }
        }
        int total = runCount(plans);
        AtomicInteger done = new AtomicInteger();
        SimulationResult base = factory.create(catalog).run(s, mode, ProgressListener.NONE);
        List<OutputChannel> channels = new ArrayList<>();
        for (String id : outputIds) {
            channels.add(base.trajectory().channels().stream().filter(c -> c.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the run does not record output '" + id + "'")));
        }
        double[] baseline = ends(base.trajectory(), outputIds);
        for (int k = 0; k < baseline.length; k++) {
            if (!Double.isFinite(baseline[k])) {
                throw new IllegalStateException("the baseline run ends with " + outputIds.get(k) + " = " + baseline[k]);
            }
        }
        progress.finished(done.incrementAndGet(), total);

        // one task per value to run: (plan index, value)
        List<int[]> taskPlan = new ArrayList<>();
        List<Double> taskValue = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            for (double x : points(plans.get(i))) {
                taskPlan.add(new int[] {i});
                taskValue.add(x);
            }
        }
        int n = taskValue.size();
        double[][] values = new double[n][];
        String[] failures = new String[n];
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(threads, Math.max(1, n));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "vascalc-sensitivity");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        Plan p = plans.get(taskPlan.get(i)[0]);
                        double[] y = null;
                        String failure = null;
                        try {
                            ParameterCatalog c = catalog.with(settings(p, taskValue.get(i), catalog));
                            y = ends(factory.create(c).run(s, mode, ProgressListener.NONE).trajectory(), outputIds);
                            for (int k = 0; k < y.length; k++) {
                                if (!Double.isFinite(y[k])) {
                                    failure = outputIds.get(k) + " = " + y[k];
                                }
                            }
                        } catch (RuntimeException | StackOverflowError e) {
                            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                        }
                        synchronized (values) {
                            values[i] = failure == null ? y : null;
                            failures[i] = failure;
                        }
                        progress.finished(done.incrementAndGet(), total);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("sensitivity worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }

        List<ParameterResult> results = new ArrayList<>();
        int t = 0;
        synchronized (values) {
            for (Plan p : plans) {
                double v = p.parameter().value();
                double[] atLow = nan(baseline.length);
                double[] atHigh = nan(baseline.length);
                double[] yDown = nan(baseline.length);
                double[] yUp = nan(baseline.length);
                List<String> failed = new ArrayList<>();
                if (p.role().runs()) {
                    double[][] targets = {atLow, atHigh, yDown, yUp};
                    double[] at = {p.low(), p.high(), p.down(), p.up()};
                    String[] what = {"low end", "high end", "-5 % (elasticity)", "+5 % (elasticity)"};
                    for (int j = 0; j < 4; j++) {
                        if (Double.isNaN(at[j])) {
                            continue;
                        }
                        if (at[j] == v) {
                            System.arraycopy(baseline, 0, targets[j], 0, baseline.length);
                            continue;
                        }
                        if (values[t] != null) {
                            System.arraycopy(values[t], 0, targets[j], 0, baseline.length);
                        } else {
                            failed.add("run failed at " + what[j] + " (" + fmt(at[j], 4) + " " + p.parameter().unit() + "): "
                                    + failures[t]);
                        }
                        t++;
                    }
                }
                double[] el = new double[baseline.length];
                for (int k = 0; k < el.length; k++) {
                    el[k] = Ranking.elasticity(baseline[k], yDown[k], yUp[k], p.down(), p.up());
                }
                results.add(new ParameterResult(p, atLow, atHigh, el, String.join("; ", failed)));
            }
        }
        return new Result(s, mode, channels, baseline, results, catalog.sha256(),
                inputsSha256(scenario, mode, outputIds, only), total, base.fastPath());
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double[] ends(Trajectory t, List<String> ids) {
        double[] y = new double[ids.size()];
        for (int k = 0; k < y.length; k++) {
            y[k] = t.last(ids.get(k));
        }
        return y;
    }
}
