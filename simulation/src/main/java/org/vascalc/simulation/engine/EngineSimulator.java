package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.simulation.StartLabMiss;
import org.vascalc.core.patient.Patient;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.numeric.PowersOf;
import org.vascalc.simulation.FastPath;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.integrate.IntegrationStats;
import org.vascalc.simulation.integrate.Rodas4Integrator;
import org.vascalc.simulation.integrate.Tolerances;
import org.vascalc.simulation.scenario.ScenarioCheck;

/**
 * The model's {@link Simulator}: assembles the standard blocks for the scenario's patient,
 * stabilises with the chronic conditions applied, then runs in reference or fast mode. Confined to
 * one thread; deterministic (no randomness, no wall-clock dependence in results).
 */
public final class EngineSimulator implements Simulator {

    /** Relative tolerance of every integration (absolute ones come from the state variables). */
    static final double RELATIVE_TOLERANCE = 1e-7;

    private final ParameterCatalog parameters;
    private final Rodas4Integrator integrator;
    private final FastSettings fastSettings;
    /** Settings of the run-in's fast runs (the run's own unless a developer runner separates them). */
    private final FastSettings stabilisationSettings;
    private final boolean withWall;
    /** How fast mode integrates a scenario of {@link DirectClass} (every dose resolved, not averaged). */
    private final DirectSettings direct;

    public EngineSimulator(ParameterCatalog parameters) {
        this(parameters, Integrators.standard(), FastSettings.DEFAULT, true);
    }

    /**
     * With fast mode's averaging on {@code fastSettings} (tests and developer runners of the averaging): fast runs
     * are averaged whatever the regimen ({@link DirectSettings#AVERAGED}; classdirect2), as they studied them before
     * fast mode integrated the class directly.
     */
    EngineSimulator(ParameterCatalog parameters, Rodas4Integrator integrator, FastSettings fastSettings) {
        this(parameters, integrator, fastSettings, fastSettings, true, DirectSettings.AVERAGED);
    }

    private EngineSimulator(ParameterCatalog parameters, Rodas4Integrator integrator, FastSettings fastSettings,
                            boolean withWall) {
        this(parameters, integrator, fastSettings, fastSettings, withWall, DirectSettings.DEFAULT);
    }

    /**
     * With the run-in on its own settings, so that runs with different fast-mode settings start from
     * the same stabilised state (developer runners comparing settings); fast runs averaged whatever the regimen,
     * as the three-argument constructor's.
     */
    EngineSimulator(ParameterCatalog parameters, Rodas4Integrator integrator, FastSettings fastSettings,
                    FastSettings stabilisationSettings, boolean withWall) {
        this(parameters, integrator, fastSettings, stabilisationSettings, withWall, DirectSettings.AVERAGED);
    }

    /** With fast mode's direct integration on {@code direct}'s settings (developer runners comparing them). */
    EngineSimulator(ParameterCatalog parameters, DirectSettings direct) {
        this(parameters, Integrators.standard(), FastSettings.DEFAULT, FastSettings.DEFAULT, true, direct);
    }

    /**
     * With the run-in on its own settings and fast mode's direct integration on {@code direct}'s: a developer switch
     * of {@code fastSettings} (its {@link BiasProbe}) seen as shipped fast mode sees it, the final line's runs
     * integrated directly (layercost).
     */
    EngineSimulator(ParameterCatalog parameters, FastSettings fastSettings, FastSettings stabilisationSettings,
                    DirectSettings direct) {
        this(parameters, Integrators.standard(), fastSettings, stabilisationSettings, true, direct);
    }

    private EngineSimulator(ParameterCatalog parameters, Rodas4Integrator integrator, FastSettings fastSettings,
                            FastSettings stabilisationSettings, boolean withWall, DirectSettings direct) {
        this(parameters, integrator, fastSettings, stabilisationSettings, withWall, direct, newStabilisedCache());
    }

    private EngineSimulator(ParameterCatalog parameters, Rodas4Integrator integrator, FastSettings fastSettings,
                            FastSettings stabilisationSettings, boolean withWall, DirectSettings direct,
                            Map<StabilisationKey, Stabilised> stabilised) {
        this.stabilised = stabilised;
        this.direct = direct;
        this.parameters = parameters;
        this.integrator = integrator;
        this.fastSettings = fastSettings;
        this.stabilisationSettings = stabilisationSettings;
        this.withWall = withWall;
    }

    /**
     * This simulator with each fast run's orbits traced to {@code sink} ({@link BiasProbe#trace}; developer runners and
     * tests). The trace is this simulator's own: runs of other simulators, on other threads or not, trace nothing
     * (before staticfree it was a static field every run saw). Same arithmetic as untraced: the results are the
     * plain simulator's to the bit.
     *
     * <p>The copy shares this simulator's run-in cache (leftovers23; before, each copy began with an empty one and
     * stabilised again): the trace covers the whole regimen, from the end of the run-in, of every run, and the run-in
     * itself only where this copy stabilises the person, i.e. the first run of a patient and conditions neither
     * simulator has run yet. A run-in taken from the cache was computed untraced (or traced to another sink) and is
     * not traced again. Sharing is safe because a run-in's state and seed do not depend on the trace (the trace
     * only reads), and the copy is confined to the thread of the simulator it shares the cache with, as that is.
     */
    EngineSimulator traced(java.util.function.Consumer<String> sink) {
        return new EngineSimulator(parameters, integrator, fastSettings.withProbe(fastSettings.probe().withTrace(sink)),
                stabilisationSettings.withProbe(stabilisationSettings.probe().withTrace(sink)), withWall, direct,
                stabilised);
    }

    /**
     * The mineral and vitamin K blocks without the vascular wall: the "engine alone" cost
     * figure (benchmarks); results have no wall outputs.
     */
    public static EngineSimulator withoutWall(ParameterCatalog parameters) {
        return new EngineSimulator(parameters, Integrators.standard(), FastSettings.DEFAULT, false);
    }

    private record StabilisationKey(Patient patient, List<Condition> conditions) {
    }

    /**
     * A stabilised state, with the monodromy seed of the fast-mode runs' first orbit, which starts
     * there ({@link SeedMemo}: taken by the first run, handed to the later ones).
     */
    private record Stabilised(double[] state, double hours, long evaluations, SeedMemo seeds) {
    }

    /**
     * Room for a run's counters without a resize (14 in fast mode; the default capacity resized at 12:
     * docs/performance-log.md, "runsetup"). The maps keep insertion order as before.
     */
    private static final int COUNTERS = 16;

    /** A few recent patients only: a cohort thread runs many patients through one simulator. */
    private static final int STABILISED_CACHE_SIZE = 16;

    /** The run-ins of recent patients (shared with this simulator's {@link #traced} copies). */
    private final Map<StabilisationKey, Stabilised> stabilised;

    private static Map<StabilisationKey, Stabilised> newStabilisedCache() {
        return new LinkedHashMap<>(32, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<StabilisationKey, Stabilised> eldest) {
                return size() > STABILISED_CACHE_SIZE;
            }
        };
    }

    /**
     * The mineral block's power tables, this thread's, kept from run to run and from simulator to
     * simulator (as {@link Integrators#lendOrbit}): the blocks are built in {@link #run} and used by
     * that run on this thread only, their exponents come from the catalog's mineral parameters (the
     * same for every member of a cohort, whose catalogs differ in the wall's), and the instances give
     * the same bits as fresh ones ({@link PowersOf.Shared}) without building their tables again.
     */
    private static final ThreadLocal<PowersOf.Shared> POWERS = ThreadLocal.withInitial(PowersOf.Shared::new);

    /**
     * The last run's intake timeline and what it was built from: the scenario's interventions and
     * duration (the catalog is this simulator's). A cohort thread's simulator runs patient after
     * patient on one regimen, and the benchmark one scenario again and again; the timeline is
     * immutable and depends on nothing else ({@link IntakeTimeline#of}), so it is built once per
     * regimen (records' equality: equal components, doubles by {@link Double#compare}: the same bits).
     * Confined to this simulator's thread, as the rest of it.
     */
    private List<?> timelineInterventions;
    private double timelineDays = Double.NaN;
    private IntakeTimeline lastTimeline;

    private IntakeTimeline timeline(Scenario scenario) {
        if (lastTimeline == null || Double.compare(scenario.durationDays(), timelineDays) != 0
                || !scenario.interventions().equals(timelineInterventions)) {
            lastTimeline = IntakeTimeline.of(scenario, parameters);
            timelineInterventions = scenario.interventions();
            timelineDays = scenario.durationDays();
        }
        return lastTimeline;
    }

    public ParameterCatalog parameters() {
        return parameters;
    }

    @Override
    public SimulationResult run(Scenario scenario, Mode mode, ProgressListener progress) {
        // A null mode otherwise surfaced as a bare NullPointerException after the whole run-in (leftovers12);
        // a null progress stays allowed and means none.
        Objects.requireNonNull(scenario, "scenario is null; give the Scenario to run");
        Objects.requireNonNull(mode, "mode is null; give Mode.FAST or Mode.REFERENCE");
        long start = System.nanoTime();
        // Fail fast with the file loader's message (a 7000 kg patient otherwise runs ~20 s into an
        // IntegrationException); E12's deliberate over-limit doses go through ScenarioCheck#beyondInterventionLimits.
        ScenarioCheck.requireForRun(scenario);
        List<Block> blocks = ModelAssembly.standardBlocks(parameters, withWall, POWERS.get());
        AssembledModel model = new AssembledModel(blocks,
                new DriverCourse(scenario, parameters));
        double[] y = new double[model.dimension()];
        model.initialise(y);
        Tolerances tol = new Tolerances(RELATIVE_TOLERANCE, model.absoluteTolerances());
        // Fast mode's orbit integrator, the run-in's and the run's (each FastRun restarts it): this
        // thread's, kept from run to run and from simulator to simulator (Integrators#lendOrbit).
        Rodas4Integrator orbitIntegrator = Integrators.lendOrbit(model.dimension());
        try {
            return run(scenario, mode, progress, start, model, y, tol, orbitIntegrator);
        } finally {
            Integrators.giveBackOrbit(model.dimension(), orbitIntegrator);
        }
    }

    private SimulationResult run(Scenario scenario, Mode mode, ProgressListener progress, long start,
                                 AssembledModel model, double[] y, Tolerances tol, Rodas4Integrator orbitIntegrator) {
        // The stabilised state depends only on the patient and the conditions (parameters are fixed
        // per simulator), so repeated runs for the same person reuse it.
        StabilisationKey key = new StabilisationKey(scenario.patient(), scenario.conditions());
        Stabilised cached = stabilised.get(key);
        if (cached == null) {
            double hours = Stabiliser.stabilise(model, parameters, integrator, orbitIntegrator, tol,
                    stabilisationSettings, y);
            for (Block b : model.blocks()) {
                b.afterStabilisation(y);
            }
            cached = new Stabilised(y.clone(), hours, model.evaluations(), new SeedMemo());
            stabilised.put(key, cached);
        }
        System.arraycopy(cached.state(), 0, y, 0, y.length);
        List<StartLabMiss> misses = labMisses(scenario, model, y);
        double stabilisedHours = cached.hours();
        long stabilisationEvaluations = model.evaluations();
        long frozenBefore = model.frozenMilieuEvaluations();
        long affineBefore = model.affineEvaluations();
        long slowRowsBefore = model.slowRowEvaluations();
        double end = Time.days(scenario.durationDays());
        IntakeTimeline timeline = timeline(scenario);
        // The recording's rows and the fast run's arrays lent by this thread's arena, given back once
        // the trajectory (which copies the rows) is made (RunArena).
        RunArena arena = RunArena.thisThread();
        int lent = arena.mark();
        Map<String, Long> counters = LinkedHashMap.newLinkedHashMap(COUNTERS);
        Trajectory tr;
        try {
            RecordingPlan plan;
            try {
                plan = new RecordingPlan(scenario.recording(), end, model, arena);
            } catch (InvalidInputException e) { // an unknown output: named as ScenarioCheck names the scenario
                throw new InvalidInputException("scenario " + scenario.name(), e.problems());
            }
            // the class is decided from the scenario, before the run (DirectClass); the run is integrated directly
            // from the class regimen's start, averaged before it (a trial's vintage, as in the other arms)
            double directFrom = Double.NaN;
            if (mode == Mode.FAST) {
                OptionalDouble from = direct.directFrom(scenario, parameters);
                if (from.isPresent() && Time.days(from.getAsDouble()) < end - 1e-9) {
                    directFrom = Time.days(from.getAsDouble());
                }
            }
            runMode(mode, directFrom, model, tol, timeline, plan, y, end, progress, cached, orbitIntegrator, arena,
                    counters);
            tr = plan.trajectory();
        } finally {
            arena.release(lent);
        }
        counters.put("derivativeEvaluations", model.evaluations() - stabilisationEvaluations);
        // Of those, calls with the wall by its per-orbit coefficients (MilieuAffine), and the wall's own calls there.
        counters.put("frozenMilieuEvaluations", model.frozenMilieuEvaluations() - frozenBefore);
        counters.put("affineBlockEvaluations", model.affineEvaluations() - affineBefore);
        counters.put("slowRowEvaluations", model.slowRowEvaluations() - slowRowsBefore);
        counters.put("stabilisationDerivativeEvaluations", cached.evaluations());
        counters.put("stabilisationHours", Math.round(stabilisedHours));
        counters.put("wallTimeMicros", (System.nanoTime() - start) / 1000);
        Map<String, Double> summary = LinkedHashMap.newLinkedHashMap(tr.channels().size());
        for (var c : tr.channels()) {
            summary.put(c.id(), tr.last(c.id()));
        }
        List<InputProblem> warnings = new ArrayList<>(misses.stream().map(StartLabMiss::warning).toList());
        return new SimulationResult(scenario, mode, tr, summary, counters, parameters.sha256(), warnings, misses);
    }

    /**
     * A miss for each measured lab the run does not start at ({@link LabsAtStart}): the start is the
     * state after the run-in {@code y}, in the console's {@code start} units, at t = 0.
     */
    private List<StartLabMiss> labMisses(Scenario scenario, AssembledModel model, double[] y) {
        Patient patient = scenario.patient();
        if (patient.serumCalciumMmolL().isEmpty() && patient.serumPhosphateMmolL().isEmpty()
                && patient.pthPgMl().isEmpty()) {
            return List.of();
        }
        Drivers d = model.driversAt(0);
        boolean dialysis = d.haemodialysis();
        double dialysate = dialysis ? d.dialysateCalciumMmolL() : Double.NaN;
        LabsAtStart.Start start = new LabsAtStart.Start(RecordingPlan.value("serumCalciumTotal", model, y, d),
                RecordingPlan.value("serumPhosphate", model, y, d), RecordingPlan.value("pthPgMl", model, y, d));
        boolean floored = Arrays.stream(model.blocks()).anyMatch(b -> b instanceof MineralBlock m && m.phosphateThresholdFloored());
        return LabsAtStart.misses(patient, start, new LabsAtStart.Causes(dialysis, dialysate, floored,
                model.course().egfrAtStart(), parameters.value("po4HabitualIntake")));
    }

    /**
     * The run proper in {@code mode}, its work counters put in {@code counters}; a fast run with a {@code directFrom}
     * (hours; NaN: none) is averaged up to it and from it integrates the full model as reference mode does, at
     * {@link DirectSettings}' looser tolerance, the rows continuing in the same plan.
     */
    private void runMode(Mode mode, double directFrom, AssembledModel model, Tolerances tol, IntakeTimeline timeline,
                         RecordingPlan plan, double[] y, double end, ProgressListener progress, Stabilised cached,
                         Rodas4Integrator orbitIntegrator, RunArena arena, Map<String, Long> counters) {
        ProgressListener pl = progress == null ? ProgressListener.NONE : progress;
        if (!Double.isNaN(directFrom)) {
            if (directFrom > 0) {
                // the years before the class regimen (e.g. a trial's vintage) averaged, as the other arms run them:
                // the same bits up to there; the run goes on from the state the averaged run would go on from
                // into the regimen (FastRun#runUntil), its rows at directFrom read there before the first dose
                double share = directFrom / end; // FastRun tells the share of its own stretch
                averagedCounters(new FastRun(model, integrator, orbitIntegrator, tol, timeline, fastSettings,
                        cached.seeds(), arena).runUntil(plan, y, directFrom, end, f -> pl.progress(f * share)), counters);
                while (plan.nextTime() <= directFrom + 1e-9) {
                    plan.record(y, model.driversAt(directFrom));
                }
            }
            // this thread's orbit integrator (a W-method: one Jacobian serves many steps), restarted as FastRun does
            Rodas4Integrator di = direct.wMethod() ? orbitIntegrator : integrator;
            di.restart();
            Tolerances loose = new Tolerances(direct.relativeTolerance(), tol.absolute());
            // a period for the Jacobian: the integrator refreshes it on rejected steps only, not on a shrinking step
            boolean was = di.refreshOnShrink(Double.isNaN(direct.jacobianHours()));
            double pivotWas = di.pivotThreshold(direct.pivotThreshold());
            boolean uniteWas = di.unitePatterns(direct.unitePatterns());
            long[] lu0 = di.decompositionCounts();
            IntegrationStats s;
            try {
                s = ReferenceRun.runDirect(model, di, loose, timeline, plan, y, directFrom, end, direct.jacobianHours(),
                        pl);
            } finally {
                di.refreshOnShrink(was);
                di.pivotThreshold(pivotWas);
                di.unitePatterns(uniteWas);
            }
            long[] lu1 = di.decompositionCounts();
            counters.put("directDenseDecompositions", lu1[0] - lu0[0]);
            counters.put("directPatternAnalyses", lu1[1] - lu0[1]);
            counters.put(FastPath.DIRECT_STEPS_COUNTER, s.acceptedSteps());
            counters.put("directRejectedSteps", s.rejectedSteps());
            counters.put("directJacobians", s.jacobianEvaluations());
            counters.put("directDecompositions", s.luDecompositions());
            return;
        }
        switch (mode) {
            case REFERENCE -> {
                IntegrationStats s = ReferenceRun.run(model, integrator, tol, timeline, plan, y, 0, end, pl);
                counters.put("acceptedSteps", s.acceptedSteps());
            }
            case FAST -> {
                averagedCounters(new FastRun(model, integrator, orbitIntegrator, tol, timeline, fastSettings,
                        cached.seeds(), arena).run(plan, y, end, pl), counters);
            }
        }
    }

    /** An averaged fast run's work counters. */
    private static void averagedCounters(FastRun.Stats s, Map<String, Long> counters) {
        counters.put("slowSteps", s.slowSteps());
        counters.put("orbits", s.orbits());
        counters.put("orbitPeriods", s.orbitPeriods());
        counters.put("orbitSteps", s.orbitIntegration().acceptedSteps());
        counters.put("orbitRejectedSteps", s.orbitIntegration().rejectedSteps());
        counters.put("orbitJacobians", s.orbitIntegration().jacobianEvaluations());
        counters.put("orbitDecompositions", s.orbitIntegration().luDecompositions());
    }
}
