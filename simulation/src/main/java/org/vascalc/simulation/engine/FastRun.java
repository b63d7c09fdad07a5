package org.vascalc.simulation.engine;

import static org.vascalc.physiology.numeric.DoubleOrder.atLeast;

import java.util.Arrays;
import java.util.Locale;
import org.vascalc.physiology.numeric.DoubleOrder;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.integrate.IntegrationException;
import org.vascalc.simulation.integrate.IntegrationStats;
import org.vascalc.simulation.integrate.Rodas4Integrator;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * Fast mode (model-anchors 5.5): with the SLOW states frozen, the FAST states are run to their
 * periodic orbit under the regimen (one day, or one week); the SLOW derivatives are averaged over
 * that orbit (fluxes, not inputs) and the SLOW states advanced with steps of several periods by an
 * exponential Runge-Kutta step (ETD3RK, {@link Etd3Stages}) using the diagonal of their own Jacobian (the
 * slow subsystem still holds hour-to-day relaxations such as the gland pool); recorded rows inside a
 * step come from the step's dense output, their FAST states from the orbit at the row's phase: the
 * sample where the row is on the orbit's sample grid (every two hours of a daily regimen), else the
 * orbit's state at that phase, which each orbit period keeps for the phases of the rows still to
 * come in its segment ({@link RowPhaseSamples}, taken like the samples from the solver's continuous
 * extension), moved by the orbit's response to the SLOW states since the orbit as every row is
 * ({@link #recordWithin}, {@link #atPartialPhase}; before, a row between samples took the nearest
 * sample, a staircase). The orbit is cached: between orbits the
 * average is corrected by re-evaluating the SLOW derivatives on the cached orbit samples (a quadrature
 * difference; their FAST part moved with the SLOW states by the orbit's first-order quasi-steady
 * response, {@link AdiabaticResponse}), which costs six evaluations of the SLOW rows alone instead of an orbit, plus a prediction of what
 * that correction misses (the FAST orbit itself moving with the SLOW states): their sensitivity
 * learnt by a secant from consecutive orbits ({@link FluxSecant}), or a damped trend in time where
 * that predicted worse; how long an orbit is reused is error-controlled by {@link OrbitReuse}. The
 * secant's term is explicit in the SLOW step: its entries on the diagonal, added to the linear part,
 * moved the quasi-equilibrium of the fast-relaxing gland pool (docs/performance-log.md, "sixth pass").
 * Within a regimen each orbit is computed with the drift of the FAST orbit subtracted from the FAST
 * derivatives ({@link OrbitDrift}), so that the FAST states that relax over hours (the adapted PTH of
 * the bone efflux) trail their drifting orbit as in the reference run. Rows within 40 days of a
 * regimen's start, stop or change also carry the FAST states' linear transient from the state reached
 * ({@link OnsetTransient}: the initial layer and the lag behind the moving orbit), the rows only.
 * The wall's rates are affine in its milieu (the serum's supersaturation and osteogenic drives,
 * {@link org.vascalc.physiology.model.MilieuAffine}), so the orbit integrates the milieu and
 * evaluates the wall a few times per orbit, and the quadrature evaluates it once at the samples'
 * mean milieu ({@link FrozenFastSystem}, {@link #quadrature}).
 * A piece shorter than a period that starts on the period grid (the part of a day after a run's last
 * whole period: a run given in years) is finished on the cached orbit ({@link #partialPeriod}), also
 * where it ends off the orbit's sample grid (each orbit period then keeps a sample at that phase,
 * {@link #endSample}); pieces not aligned with the period (a regimen that starts mid-day) or
 * without an orbit run in reference mode.
 * Parts of the run live in their own classes: the settings ({@link FastSettings}), the orbit system
 * ({@link FrozenFastSystem}), the orbit's first guess ({@link OrbitStartGuess}), its closure test and
 * period-map step ({@link OrbitClosure}), the structural probes over the SLOW states
 * ({@link SlowCouplingProbe}), the SLOW step-size control ({@link SlowStepControl}) and the ETD phi
 * functions ({@link EtdPhi}).
 */
final class FastRun {

    /** Work counters; {@code orbitIntegration} sums the stiff integrator's statistics over all orbit periods. */
    record Stats(long slowSteps, long orbits, long orbitPeriods, IntegrationStats orbitIntegration) {
    }

    private final AssembledModel model;
    /** Where the run's arrays come from ({@link RunArena}; {@link RunArena#NONE}: new ones). */
    private final RunArena arena;
    private final Rodas4Integrator integrator;
    /**
     * The orbit integration's own integrator (a W-method that keeps its Jacobian; see
     * {@link Integrators#orbit}), restarted for this run ({@link Rodas4Integrator#restart}).
     */
    private final Rodas4Integrator orbitIntegrator;
    /** The first orbit's monodromy seed, kept between the simulator's runs from one stabilised state ({@link SeedMemo}); may be null. */
    private final SeedMemo seeds;
    private final Tolerances tol;
    private final IntakeTimeline timeline;
    private final FastSettings settings;
    private final int n;
    private final int[] fast;
    private final int[] slow;
    private final double[] atol;
    /**
     * Positions in {@link #slow} of the orbit's quadrature components: every SLOW state, or with the
     * frozen milieu those not owned by a {@link org.vascalc.physiology.model.MilieuAffine} block
     * ({@link #affineOwned}), whose integrals come from their milieu's.
     */
    private final int[] directSlow;
    private final int[] affineOwned;
    /**
     * Positions in {@link #slow} of the SLOW states not owned by an affine block (the wall's): the
     * ones whose averages move with an estimate's FAST states directly, with the frozen milieu or
     * without it ({@link #smallMove}; the wall's follow the milieu, which those states set). With
     * the wall's states among them the decision differed between the two ways of integrating the
     * wall (FrozenMilieuTest: 2.7e-4 apart where they agree to 1e-7).
     */
    private final int[] moveChecked;
    /** Milieu scalars integrated as quadrature components (0 without the frozen milieu). */
    private final int milieuSize;
    /** Scratch of {@link #quadrature}: one sample's milieu and their mean. */
    private final double[] milieuSample;
    private final double[] milieuMean;
    /** The owned integrals of the orbit samples, computed when read (null without the frozen milieu). */
    private final DeferredOwnedIntegrals deferredOwned;

    // Orbit cache.
    private boolean orbitValid;
    private double orbitTime;
    private double orbitPeriod;
    private double orbitSegment;
    private final double[] orbitStart;
    /**
     * Best estimate of the orbit's start: the quasi-Newton step from the last period's start
     * ({@link PeriodMapNewton}), where {@link #orbitStart} is that period's end. The next orbit's first
     * guess is extrapolated from these estimates: the period's end is up to a closure scale off the
     * orbit (more in the slowly contracting components), and extrapolated over the orbits that error
     * was about as large as the drift left to predict (docs/performance-log.md, "orbit start").
     */
    private final double[] orbitEstimate;
    /** The FAST derivatives of the drift guard's moved sample at the orbit's own time (drivers). */
    private final double[] fAtOrbitDrivers;
    private final double[] average;
    private final double[] quad0;
    private final double[] diag;
    /** Time at which each group's entries of {@link #diag} were evaluated (at the orbit, or after a rejected step). */
    private double[] groupTime;
    /** The diagonal group ({@link #diagGroups}) of each SLOW state. */
    private final int[] groupOf;
    /** The SLOW states whose correction failed in the last step (or all, for a full diagonal). */
    private final boolean[] failed;
    /** Largest ratio of a SLOW state's correction to its tolerance scale in the last step. */
    private double stepError;
    /** Whether {@link #diag} holds every group's entries (from an earlier orbit at least). */
    private boolean diagKnown;
    /**
     * Largest {@code -h l} (diagonal entry {@code l} times the longest SLOW step) of an entry that is
     * not re-evaluated at a new orbit. In the exponential step the linear part cancels to first order in
     * {@code h l} (each stage's change of the drive subtracts {@code l} times the stage's change), so a non-stiff entry's
     * value hardly matters; one that has become stiff since (carboxylated MGP under a large MK-7 dose)
     * shows as a rejected step, which refreshes it. Keeping these entries changed no agreement
     * difference in its fourth digit and saved 840 of the benchmark decade's 24 598 calls (the wall's
     * slow growth states; docs/performance-log.md, "SLOW step control").
     */
    static final double NON_STIFF = 0.5;
    /** The raw quadrature at the last SLOW step's start. */
    private final double[] qBase;
    /**
     * {@link #qBase} is the quadrature at ({@link #baseTime}, {@link #baseSlow}) on the cached orbit of
     * {@link #baseFrame}, with {@link #baseMilieu} the {@link #milieuMean} it left: a SLOW step starting
     * there (the first after an orbit, whose {@link #quad0} it is; the retry after a rejected step)
     * takes it instead of evaluating it again, the same bits ({@link #startQuadrature}).
     */
    private double baseTime = Double.NaN;
    private long baseFrame = -1;
    private final double[] baseSlow;
    private final double[] baseMilieu;
    /**
     * Changes whenever the quadrature's inputs other than the time and the SLOW states may have
     * changed: a new orbit (samples, response, period), a new {@link #run}.
     */
    private long frame;
    /** SLOW steps that started from the kept quadrature ({@link #startQuadrature}). */
    private long keptStarts;
    /**
     * Whether the last SLOW step was the third-order one ({@link Etd3Stages}); the stabiliser's run-in
     * keeps the second-order step (see {@link #slowStep}).
     */
    private boolean thirdOrder;
    /** The length of the current (or last) {@link #run}, hours. */
    private double runEnd = Double.POSITIVE_INFINITY;
    /** The SLOW step's stages and dense output. */
    private final Etd3Stages stages;
    private final double[][] samples;
    /**
     * The SLOW integrals (the orbit's accumulators, intakes' jumps of cumulative counters included)
     * from the period's start to each sample, for a piece shorter than a period ({@link #partialPeriod}).
     */
    private final double[][] sampleIntegrals;
    /** Per SLOW state: driven by a period mean ({@link org.vascalc.physiology.model.Block#periodMeanStates}). */
    private final boolean[] periodMean;
    /**
     * The phase (hours after a period's start) of the end of the segment the next orbit is computed
     * for, where that end is off the sample grid, else NaN; {@link #orbitEndPhase} is the current
     * orbit's. Each of the orbit's periods then also keeps the state and the SLOW integrals at that
     * phase ({@link #endSample}, {@link #endIntegrals}; taken like the samples, from the solver's
     * continuous extension, before an intake at that time), so that the segment's last piece,
     * shorter than a period, ends on the orbit there ({@link #partialPeriod}).
     */
    private double endPhase = Double.NaN;
    /**
     * Longest piece off the sample grid finished on the orbit, hours: a day (every piece of a daily
     * regimen). The piece's SLOW change is the orbit's integral at the frozen SLOW state with an
     * exponential-Euler factor, first order in the piece's length against the relaxation of the
     * gland pool (hours to days); a weekly regimen's segment that ends 96 h into its week (day 60
     * of FastModeSchedulesTest's scenario) put the gland pool 1.1e-2 and tissue vitamin K 8.3e-3
     * off reference mode (6.8e-5 and 3.9e-3 with the piece in reference mode), so longer pieces
     * stay there.
     */
    static final double OFF_GRID_PIECE_HOURS = 24;
    private double orbitEndPhase = Double.NaN;
    private final double[] endSample;
    private final double[] endIntegrals;
    /**
     * The orbit's states at the phases of recorded rows between its samples ({@link RowPhaseSamples}),
     * taken with the samples in every period ({@link #period}, {@link #sampleWithin}) and read by
     * {@link #recordWithin} and {@link #atPartialPhase}.
     */
    private final RowPhaseSamples rowSamples;
    /** The current {@link #run}'s recording plan (null before the first run). */
    private RecordingPlan plan;
    /** Whether the current orbit period has taken its {@link #endSample} (true where there is none). */
    private boolean endTaken;
    /** Scratch of {@link #partialPeriod}: the SLOW states' change from the period's start to each sample (and to the end phase). */
    private final double[][] partialDelta;
    private final double[] partialRate;
    private final double[] partialLast;
    private final double[] partialCorrection;
    private final double[] fastRate0;
    private OrbitReuse reuse;
    /** The SLOW states alone (indexed like {@link #slow}), for the reuse prediction. */
    private final double[] slowNow;
    /** The predicted indirect change of each averaged SLOW derivative at {@link #slowNow} ({@link OrbitReuse#indirect}). */
    private final double[] indirectNow;
    /** Scratch of {@link #slowStep}: e^x - 1 of each SLOW state's ETD argument x (NaN where |x| &lt; 1e-6). */
    private final double[] stepExpm1;
    private final double[] slowScratch;
    private final double[] slowAtol;

    // Scratch.
    private final double[] z;
    private final double[] w;
    private final double[] w2;
    private final double[] f;
    private final double[] before;
    private final double[] row;
    private long steps;
    private long orbits;
    private FrozenFastSystem frozen;
    private long periods;
    private int[][] diagGroups;
    /** {@link SlowCouplingProbe#reads}: which SLOW states each SLOW derivative reads directly (the diagonal's validity test). */
    private boolean[][] slowReads;
    /**
     * Per diagonal group: the response's column ({@link AdiabaticResponse#column}) of its member that
     * moves the FAST samples, when its entries were taken (such a member is alone in its group); all
     * zeros for a group without one.
     */
    private double[][] groupResponse;
    /** Per diagonal group: the SLOW states at which its entries were taken ({@link #diagonalOf}). */
    private double[][] groupSlow;
    /** Per diagonal group: the orbit's mean FAST states when its entries were taken. */
    private double[][] groupFast;
    /** The current orbit's mean FAST states ({@link #orbitFastMean}). */
    private double[] fastMean;
    private final double[] quadScratch;
    /**
     * Per diagonal group, its members among {@link #directSlow}: the only rows its quadrature sums
     * ({@link #averageOnSamples}); {@link #diagonalOf} reads no other.
     */
    private int[][] groupRows;
    /** The one row a candidate entry's quadrature sums ({@link #candidateDiagonal}). */
    private final int[] oneRow = new int[1];
    /**
     * Whether {@link #movedScratch} is the quadrature on the samples as they are: its call moved no
     * FAST state (every {@link #fastShift} entry +0), so its rows were the samples' own with the SLOW
     * states set.
     */
    private boolean movedBaseUnshifted;
    /** The quadrature at a first orbit's open period ({@link #candidateDiagonal}). */
    private final double[] candidateBase;
    /** Own-state entries of the averaged SLOW Jacobian on a first orbit's open period ({@link #candidateDiagonal}). */
    private final double[] candidateDiag;
    private double sampleStart;
    private double sampleStep;
    private int sampleNext;
    /**
     * Factor on the declared absolute tolerance of a transit depot in the orbit integration. The
     * declared tolerances are reference mode's (rtol 1e-7): 1e-7 mmol for the calcium depots, which
     * there are controlled absolutely below atol / rtol = 1 mmol. At the orbit's rtol 2e-3 the same
     * atol had the error control follow an emptying depot relatively down to 5e-5 mmol (4e-6 of a
     * 500 mg tablet): 17 steps of every night went to following 3e-3 to 1e-5 mmol left in the
     * stomach and chyme to 0.2 % each. With 100, the calcium depots' 1e-5 mmol (0.4 ug of
     * calcium, 4e-7 of a day's intake) ends that at 5e-3 mmol, 200 times below reference mode's
     * threshold. Measured against orbits at rtol 1e-7 (docs/performance-log.md, "orbit steps"): one
     * orbit day's SLOW changes as accurate as before (worst 2.1e-3 both, with the warm first
     * steps); factors 300 and 1000 took hardly fewer steps and were 3-4 times less accurate.
     */
    static final double TRANSIT_TOLERANCE_SCALE = 100;
    /**
     * Factor on the orbit's tolerances, relative and absolute, of every FAST state (with
     * {@link #TRANSIT_RELATIVE_SCALE} on the transit depots' relative one). The orbit's steps are the
     * gut depots' (every accepted step is led by one: docs/performance-log.md, "orbitsteps2"), while
     * the fast-versus-reference agreement is set by the states that drive the SLOW rates (PTH, ECF
     * calcium: the CKD years' bone-cell levels): with every tolerance at the nominal 2e-3 times 1.5
     * the CKD G4 carbonate-binder year's osteoclasts missed the 1e-2 limit (1.09e-2). So the error
     * budget is split by what each part feeds: the non-depot states at half the nominal tolerance,
     * the depots at twice its relative tolerance (0.5 x 4), which reach the SLOW rates only through
     * the absorbed flux. Benchmark decade: 840 -> 671 orbit steps, 5 847 -> 5 171 calls; every
     * FastVersusReferenceIT case at or below its level with uniform tolerances (worst 8.04e-3 ->
     * 7.96e-3); the decade's bone-mineral change against orbits at rtol 1e-6: 2.0e-3 -> 4.1e-3.
     */
    static final double FAST_TOLERANCE_FACTOR = 0.5;
    /**
     * Factor on the transit depots' relative orbit tolerance, on top of {@link #FAST_TOLERANCE_FACTOR}:
     * their relative tolerance is 0.5 x 4 = 2 times the nominal one ({@link #FAST_TOLERANCE_FACTOR}).
     */
    static final double TRANSIT_RELATIVE_SCALE = 4;
    private final double[] jacobianScratch;
    /** The orbit's closure test and quasi-Newton step on the period map ({@link OrbitClosure}). */
    private final OrbitClosure closure;
    /** Set by {@link #expireOrbit}: the cached orbit is due, but the next one starts warm from it. */
    private boolean expired;
    /**
     * Shortest interval between two orbits whose difference {@link OrbitReuse} takes as a trend (it
     * was also the orbit start's, now {@link OrbitStartGuess#START_TREND_HOURS}). In the first days
     * of a regimen orbits come daily and the approach to the new homeostasis decelerates, so a linear
     * extrapolation overshoots: with it there, the 1-year fast-versus-reference difference of
     * cumulative urinary phosphate rose from 5.8e-3 to 7.6e-3 (docs/performance.md).
     */
    private static final double MIN_TREND_HOURS = 7 * 24;
    FastRun(AssembledModel model, Rodas4Integrator integrator, Tolerances tol, IntakeTimeline timeline,
            FastSettings settings) {
        this(model, integrator, Integrators.orbit(), tol, timeline, settings);
    }

    /**
     * With the orbit integrator {@code orbitIntegrator} (a W-method: {@link Integrators#orbit}), which a
     * simulator keeps from run to run to save its allocation; it is restarted here, so the run's
     * results are those with a new one.
     */
    FastRun(AssembledModel model, Rodas4Integrator integrator, Rodas4Integrator orbitIntegrator, Tolerances tol,
            IntakeTimeline timeline, FastSettings settings) {
        this(model, integrator, orbitIntegrator, tol, timeline, settings, null);
    }

    /**
     * With {@code seeds}, where the first orbit's monodromy seed is kept for the simulator's later runs
     * from the same stabilised state and taken from it where it holds the seed of the same Jacobian
     * ({@link SeedMemo}; null: none kept). The results are those without it.
     */
    FastRun(AssembledModel model, Rodas4Integrator integrator, Rodas4Integrator orbitIntegrator, Tolerances tol,
            IntakeTimeline timeline, FastSettings settings, SeedMemo seeds) {
        this(model, integrator, orbitIntegrator, tol, timeline, settings, seeds, RunArena.NONE);
    }

    /**
     * With the run's arrays lent by {@code arena} ({@link RunArena}: each zero-filled, as new ones):
     * the caller gives them back after the run ({@link RunArena#release}) and uses this run no more.
     */
    FastRun(AssembledModel model, Rodas4Integrator integrator, Rodas4Integrator orbitIntegrator, Tolerances tol,
            IntakeTimeline timeline, FastSettings settings, SeedMemo seeds, RunArena arena) {
        this.arena = arena;
        this.seeds = seeds;
        this.model = model;
        this.integrator = integrator;
        this.orbitIntegrator = orbitIntegrator;
        orbitIntegrator.restart();
        this.tol = tol;
        this.timeline = timeline;
        this.settings = settings;
        this.n = model.dimension();
        this.fast = model.fastIndices();
        this.atol = model.absoluteTolerances();
        boolean frozenMilieu = settings.stageQuadrature() && settings.frozenMilieu() && model.milieuSize() > 0;
        // The affine blocks' SLOW states out of the SLOW machinery, on their own step (WallStepper).
        boolean ownStep = frozenMilieu && settings.affineOwnStep();
        this.slow = ownStep
                ? IntArrays.filter(model.slowIndices(), i -> !model.ownedByAffine(i))
                : model.slowIndices();
        wall = ownStep ? new WallStepper(model,
                IntArrays.filter(model.slowIndices(), model::ownedByAffine), atol,
                model.milieuSize(), arena) : null;
        wallFailed = arena.booleans(wall == null ? 0 : wall.size());
        orbitMilieu = arena.doubles(Math.max(1, model.milieuSize()));
        milieu0 = arena.doubles(Math.max(1, model.milieuSize()));
        milieuSize = frozenMilieu ? model.milieuSize() : 0;
        directSlow = IntArrays.range(slow.length, j -> !frozenMilieu || !model.ownedByAffine(slow[j]));
        affineOwned = IntArrays.range(slow.length, j -> frozenMilieu && model.ownedByAffine(slow[j]));
        moveChecked = IntArrays.range(slow.length, j -> !model.ownedByAffine(slow[j]));
        periodMean = arena.booleans(slow.length);
        for (int j = 0; j < slow.length; j++) {
            periodMean[j] = model.periodMean(slow[j]);
        }
        milieuSample = arena.doubles(Math.max(1, milieuSize));
        milieuMean = arena.doubles(Math.max(1, milieuSize));
        orbitStart = arena.doubles(n);
        orbitEstimate = arena.doubles(n);
        average = arena.doubles(slow.length);
        quad0 = arena.doubles(slow.length);
        diag = arena.doubles(slow.length);
        qBase = arena.doubles(slow.length);
        baseSlow = arena.doubles(slow.length);
        baseMilieu = arena.doubles(Math.max(1, milieuSize));
        stages = new Etd3Stages(slow.length, arena);
        groupOf = arena.ints(slow.length);
        failed = arena.booleans(slow.length);
        samples = arena.doubles(settings.samples(), n);
        sampleIntegrals = arena.doubles(settings.samples(), slow.length);
        // (one slot more: the end-phase sample)
        deferredOwned = milieuSize > 0 ? new DeferredOwnedIntegrals(model, slow, affineOwned, milieuSize, settings.samples() + 1) : null;
        endSample = arena.doubles(n);
        rowSamples = new RowPhaseSamples(n);
        endIntegrals = arena.doubles(slow.length);
        partialDelta = arena.doubles(settings.samples() + 1, slow.length);
        partialRate = arena.doubles(slow.length);
        partialLast = arena.doubles(slow.length);
        partialCorrection = arena.doubles(slow.length);
        fastRate0 = arena.doubles(n);
        fAtOrbitDrivers = arena.doubles(n);
        slowNow = arena.doubles(slow.length);
        indirectNow = arena.doubles(slow.length);
        stepExpm1 = arena.doubles(slow.length);
        slowScratch = arena.doubles(slow.length);
        slowAtol = arena.doubles(slow.length);
        for (int j = 0; j < slow.length; j++) {
            slowAtol[j] = atol[slow[j]];
        }
        // After the SLOW integrals: the milieu's integrals (frozen milieu).
        z = arena.doubles(n + slow.length + milieuSize);
        w = arena.doubles(n);
        w2 = arena.doubles(n);
        f = arena.doubles(n);
        before = arena.doubles(n);
        row = arena.doubles(n);
        quadScratch = arena.doubles(slow.length);
        candidateBase = arena.doubles(slow.length);
        candidateDiag = arena.doubles(slow.length);
        jacobianScratch = arena.doubles(fast.length * fast.length);
        closure = new OrbitClosure(n, fast, before, z, settings.orbitTolerance(), arena);
        response = new AdiabaticResponse(model, fast, slow, atol, true, arena);
        fastShift = arena.doubles(fast.length);
        drift = new OrbitDrift(fast, arena, settings.probe().lagScale());
        onsetLag = settings.onsetRows() == FastSettings.ONSET_ROWS_LAG ? new OnsetLag(fast, slow) : null;
        transientRows = settings.onsetRows() >= FastSettings.ONSET_ROWS_FORCED;
        transientForcing = this::transientForcing;
        lagRates = j -> stages.rate(j, lagTheta);
        startGuesses = new OrbitStartGuess(n, fast, slow, atol, slowAtol, settings.orbitTolerance(), arena);
        moveByResponse = guess -> {
            response.shift(guess, fastShift);
            addLagChange();
            addFastShift(guess);
        };
        direct = settings.onsetDirect().on();
        // (onsetadopt: the gated direct onset needs the initial layer for the kick's size, FastSettings#onsetDirect)
        layer = settings.probe().initialLayer() != BiasProbe.LAYER_OFF || direct
                ? new InitialLayer(n, fast.length, slow.length) : null;
        layerMean = layer != null ? new double[1][n] : null;
        boolean mineralLayer = layer != null && settings.probe().layerBlock() == BiasProbe.BLOCK_MINERAL;
        layerOutsideMineral = mineralLayer ? IntArrays.filter(fast, i -> !inBlock(model,
                org.vascalc.physiology.mineral.MineralBlock.ID, i)) : null;
        layerVitaminKSlow = mineralLayer ? IntArrays.range(slow.length, j -> inBlock(model,
                org.vascalc.physiology.vitamink.VitaminKBlock.ID, slow[j])) : new int[0];
        layerSolve = (in, out) -> response.forcingResponse(in, out);
        layerRates = (m, x, out) -> model.slowDerivatives(layerTime + m * layerStep, x, out);
        spread = layer != null && settings.probe().layerSpread() == BiasProbe.SPREAD_OVER_LAYER;
        courseApplied = new double[spread ? slow.length : 0];
        courseValue = new double[spread ? slow.length : 0];
        averageMove = arena.doubles(slow.length);
        milieuMove = arena.doubles(milieuSize);
        milieuMoved = arena.doubles(milieuSize);
        movedScratch = arena.doubles(slow.length);
        lagRateUsed = arena.doubles(fast.length);
        lagRateChange = arena.doubles(fast.length);
        lagShift = arena.doubles(fast.length);
        beforeOrbit = arena.doubles(n);
        directSaved = new double[direct ? n : 0];
        deviationScale = arena.doubles(n);
        deviationSlow = arena.doubles(slow.length);
    }

    /**
     * The closed vitamin K block ({@link LinearBlockPropagator}) of the run's orbits, or null (none yet, or
     * integrated with the other FAST states). It carries the run's deviation from the orbits
     * ({@link LinearBlockPropagator#deviating}): the block's orbit is its periodic steady state, which
     * the true state approaches only with the block's own time constants (plasma MK-7's half-life of
     * about three days), so where an orbit takes over from another state (a regimen's start, stop or
     * change of dose) the difference decays exactly as {@code e^{A t}} of it, and rows and the SLOW
     * uptake take it with them ({@link #addDeviation}, {@link #deviationRates}).
     */
    private LinearBlockPropagator closedBlock;
    /** Positions in {@link #slow} of {@link #closedBlock}'s SLOW states, and their integrals' scratch. */
    private int[] closedSlowPos = new int[0];
    private double[] closedSlowIntegral = new double[0];
    private double[] closedSlowRate = new double[0];
    /** The run's state before a new orbit took over ({@link #newOrbit}). */
    private final double[] beforeOrbit;
    /** Below these (layout-indexed) the deviation is rounding and dropped ({@link #dropDeviation}). */
    private final double[] deviationScale;
    /** The deviation's mean contribution to the SLOW rates over a SLOW step, by position in {@link #slow}. */
    private final double[] deviationSlow;

    /** Whether the run carries the closed block's deviation from the orbits (not in the run-in: it wants the homeostasis). */
    private boolean carriesDeviation() {
        return closedBlock != null && !model.course().stabilising();
    }

    /**
     * Adds the closed block's deviation from the orbits at {@code tau} (not before its time) to {@code row},
     * without advancing it: the deviation moves at SLOW steps and orbits only, so a row's bits do not
     * depend on which rows came before it (FastHourlyRowsTest: hourly and two-hourly rows agree bit for bit).
     */
    private void addDeviation(double tau, double[] row) {
        if (carriesDeviation() && closedBlock.deviating()) {
            closedBlock.addDeviationAt(tau, row);
        }
    }

    /** Drops the deviation once every component is below 1e-12 of the orbit's start or 1e-9 of the state's absolute tolerance. */
    private void dropDeviation() {
        for (int i : closedBlock.states) {
            deviationScale[i] = Math.max(1e-12 * Math.abs(orbitStart[i]), 1e-9 * atol[i]);
        }
        closedBlock.dropDeviationBelow(deviationScale);
    }

    /**
     * The deviation at {@code t} moved into {@code y}'s states and no longer carried: before a piece
     * that integrates the full model ({@link #offGrid}, {@link #onset}), or at the end of a partial
     * period, where the next orbit takes over from {@code y} ({@link #newOrbit}).
     */
    private void foldDeviation(double t, double[] y) {
        if (carriesDeviation() && closedBlock.deviating()) {
            closedBlock.advanceDeviation(t);
            closedBlock.addDeviationTo(y);
            closedBlock.clearDeviation();
        }
    }

    /**
     * The deviation's contribution to the SLOW rates over a SLOW step {@code [t, t + h]}
     * ({@link #deviationSlow}, added to all three stages' rates): the constant rate {@code N} whose
     * relaxation at the step's linear part {@code l} gives the deviation's exact uptake at the step's
     * end, {@code h phi1(h l) N = u(h) = ∫ e^{l (h - s)} C d(t + s) ds}
     * ({@link LinearBlockPropagator#deviationUptake}). A constant added to the three stages' rates is
     * integrated exactly by the ETD3 step and leaves its error estimate as it was; the instantaneous
     * uptake at the stages would give the step a quadratic through a decay of days, far off over a
     * step of weeks. Rows inside the step take the exact uptake to their time instead of the
     * constant's ({@link #addDeviationUptake}).
     */
    private void deviationRates(double t, double h) {
        // (deviationSlow is read only where deviationStep is set, and then written at every closed position)
        deviationStep = false;
        if (!carriesDeviation() || !closedBlock.deviating()) {
            return;
        }
        closedBlock.advanceDeviation(t);
        // (yearly rows would not drop it: the SLOW steps do, once it is rounding)
        dropDeviation();
        if (!closedBlock.deviating() || !settings.vitaminKUptake()) {
            return;
        }
        deviationStep = true;
        closedBlock.markDeviation();
        for (int k = 0; k < closedSlowPos.length; k++) {
            closedSlowRate[k] = DoubleOrder.min(diag[closedSlowPos[k]], 0);
        }
        closedBlock.deviationUptake(h, closedSlowRate, closedSlowIntegral);
        for (int k = 0; k < closedSlowPos.length; k++) {
            int j = closedSlowPos[k];
            deviationSlow[j] = closedSlowIntegral[k] / (h * EtdPhi.phi(h * closedSlowRate[k]));
        }
    }

    /** Whether the last SLOW step ({@link #slowStep}) carried a deviation ({@link #deviationRates}). */
    private boolean deviationStep;

    /**
     * A row {@code s} hours into the last SLOW step: its closed SLOW states take the deviation's exact
     * uptake to {@code s} in place of the step's constant rate's ({@link #deviationRates}).
     */
    private void addDeviationUptake(double s, double[] row) {
        if (!deviationStep || !(s > 0)) {
            return;
        }
        closedBlock.deviationUptake(s, closedSlowRate, closedSlowIntegral);
        for (int k = 0; k < closedSlowPos.length; k++) {
            int j = closedSlowPos[k];
            double constant = s * EtdPhi.phi(s * closedSlowRate[k]) * deviationSlow[j];
            row[slow[j]] += closedSlowIntegral[k] - constant;
        }
    }

    /** The affine blocks' own step (null: their states are SLOW states like the others). */
    private final WallStepper wall;
    private final boolean[] wallFailed;
    /** The orbit's integrated mean milieu, and the samples' mean milieu at the orbit. */
    private final double[] orbitMilieu;
    private final double[] milieu0;
    private double wallDiagTime = Double.NaN;

    /** The time at which {@link #quadrature} evaluates the affine blocks (the samples' mean time). */
    private double affineTime(double t) {
        double dt = orbitPeriod / samples.length;
        int stride = quadratureStride();
        int count = (samples.length + stride - 1) / stride;
        return t + 0.5 * (count - 1) * stride * dt;
    }

    /** The drift ({@link OrbitDrift#rate}) the last orbit was computed with, and scratch for its change. */
    private final double[] lagRateUsed;
    private final double[] lagRateChange;
    private final double[] lagShift;

    /**
     * Adds to {@link #fastShift} how far the orbit moves because the drift subtracted from the FAST
     * derivatives ({@link OrbitDrift}) changed since the last orbit: the lag it books moves the orbit
     * by {@code J_ff^-1 v} ({@link AdiabaticResponse#forcingResponse}), a move the response to the
     * SLOW states does not contain. Without it the orbits after the drift was first set (or changed
     * its pace) started 4-6 closure scales off in PTH and the adapted PTH and took a second period
     * (benchmark decade 20 -> 19 periods; docs/performance-log.md, "orbit count").
     */
    private void addLagChange() {
        double[] v = drift.rate();
        for (int k = 0; k < fast.length; k++) {
            lagRateChange[k] = v[k] - lagRateUsed[k];
        }
        response.forcingResponse(lagRateChange, lagShift);
        for (int k = 0; k < fast.length; k++) {
            if (Double.isFinite(lagShift[k])) {
                fastShift[k] += lagShift[k];
            }
        }
    }

    /** How far the SLOW averages of a period accepted at its quasi-Newton estimate move to the orbit's ({@link #onOrbitEstimate}). */
    private final double[] averageMove;
    private final double[] movedScratch;
    /** How far the milieu's period means move likewise, and scratch. */
    private final double[] milieuMove;
    private final double[] milieuMoved;

    /** The next orbit's first guess ({@link OrbitStartGuess}). */
    private final OrbitStartGuess startGuesses;
    /** A start guess moved by the response and the drift's change ({@link OrbitStartGuess#adiabatic}). */
    private final OrbitStartGuess.ResponseMove moveByResponse;

    /** The FAST orbit's first-order response to the SLOW states between orbits. */
    private final AdiabaticResponse response;
    private final double[] fastShift;
    /** Whether the last piece of the run was a SLOW step on an orbit (its FAST states are the orbit's start, unmoved). */
    private boolean endedOnStep;
    /** The lag of the FAST states that relax over hours behind the orbit's drift ({@link OrbitDrift}). */
    private final OrbitDrift drift;

    Stats run(RecordingPlan plan, double[] y, double end, ProgressListener progress) {
        begin(plan, y, end);
        double t = 0;
        // One step per pass, in a method of its own: with the step inline this once-per-run method
        // was compiled twice (an OSR compile of its loop; docs/performance-log.md, "jitwork").
        while (t < end - 1e-9) {
            t = advance(plan, y, t, end, progress);
        }
        while (plan.nextTime() <= end + 1e-9) {
            if (endedOnStep) {
                plan.record(endRow(y, end), model.driversAt(end));
            } else {
                plan.record(y, model.driversAt(end));
            }
        }
        return stats();
    }

    /**
     * As {@link #run} of a run that ends at {@code end}, stopped at {@code until} (a dosing-period boundary before
     * it) with the rows at {@code until} left to the run that goes on from there (fast mode's direct path after the
     * years before the class regimen, e.g. a trial's vintage; classdirect2), and {@code y} the state it goes on
     * from ({@link #handOff}). Every step before {@code until} is the one a run to {@code end} takes, so the rows up
     * to {@code until} are the same bits as another arm's run on the same years.
     */
    Stats runUntil(RecordingPlan plan, double[] y, double until, double end, ProgressListener progress) {
        begin(plan, y, end);
        double t = 0;
        rowsAtEndLater = true;
        try {
            while (t < until - 1e-9) {
                t = advance(plan, y, t, until, progress);
            }
        } finally {
            rowsAtEndLater = false;
        }
        handOff(y, until);
        return stats();
    }

    /**
     * The start {@link #run} and {@link #runUntil} share: the run's end and plan, a new frame, a first SLOW step of
     * one period proposed, and the rows at 0, the stabilised, untreated state (before the orbit replaces the FAST
     * states).
     */
    private void begin(RecordingPlan plan, double[] y, double end) {
        runEnd = end;
        this.plan = plan;
        course = null;
        frame++;
        stepPeriods = 1;
        while (plan.nextTime() <= 1e-9) {
            plan.record(y, model.driversAt(0));
        }
        endedOnStep = false;
    }

    /** The counters of the run so far, as {@link #run} and {@link #runUntil} return them. */
    private Stats stats() {
        return new Stats(steps, orbits, periods, frozen == null ? IntegrationStats.ZERO : frozen.stats);
    }

    /** Whether the pieces off the SLOW steps leave their end's rows to the next run ({@link #runUntil}). */
    private boolean rowsAtEndLater;

    /**
     * The state a run continuing from {@code t} starts from, put into {@code y}: after a SLOW step {@code y}'s FAST
     * states are the last orbit's start, unmoved (up to an orbit interval old), so the state is the row's at
     * {@code t} ({@link #endRow}: that start moved by the orbit's response to the SLOW states, with the lag,
     * transient and deviation terms), which is also the row the averaged run records there when a new regimen's
     * orbit takes over (the same bits: {@code DirectClassTest}, {@code VintageTest}; the unmoved start read
     * serum calcium 1.2e-5 mmol/L higher two days into a dialysis run); else {@code y} with the closed block's
     * deviation folded in, as an onset starts from it.
     */
    private void handOff(double[] y, double t) {
        if (endedOnStep) {
            System.arraycopy(endRow(y, t), 0, y, 0, n);
        } else {
            foldDeviation(t, y);
        }
    }

    /** The SLOW step's length in periods that the controller proposes next ({@link #advance}). */
    private double stepPeriods;

    /**
     * One step of {@link #run} from {@code t}: a SLOW step of whole periods on the orbit (computed
     * anew where the cached one is due), or the piece up to the next period or boundary where
     * {@code t} is off the period grid. Returns the time reached.
     */
    private double advance(RecordingPlan plan, double[] y, double t, double end, ProgressListener progress) {
        double b = timeline.nextBoundary(t);
        double period = timeline.periodAt(t);
        double aligned = Math.ceil(t / period - 1e-9) * period;
        if (aligned > t + 1e-9 || b - t < period - 1e-9) {
            // (spreadkick: a course's increment at the piece's end; rows inside the piece do not see it)
            double reached = offGrid(plan, y, t, b, period, aligned, end, progress);
            courseTo(reached, y);
            return reached;
        }
        BiasProbe probe = settings.probe();
        if (probe.oracleOn() && !model.course().stabilising() && Math.abs(t - probe.oracleHour()) < 1e-6) {
            setToOracle(probe.oracle(), y, t);
        }
        boolean sameSegment = orbitValid && orbitSegment == b && orbitPeriod == period;
        if (!sameSegment && onsetSegment != b && !model.course().stabilising() && settings.onsetHours() > 0) {
            onsetSegment = b;
            double from = timeline.boundaryAtOrBefore(t);
            double to = Math.min(Math.min(from + settings.onsetHours(), b), end);
            if (to > t + 1e-9 && timeline.dosingChangesAt(from)) {
                double reached = onset(plan, y, t, to, end, progress);
                courseTo(reached, y);
                return reached;
            }
        }
        boolean orbitTaken = false;
        if (direct && !sameSegment && directSegment != b && !model.course().stabilising()) {
            // the gated direct onset (FastSettings#onsetDirect; onsetgate, the default since onsetadopt): the onset's
            // orbit and the kick's size first (layercost's gate); a weak onset keeps that orbit, a strong one is
            // integrated directly instead (onsetcause)
            directSegment = b;
            double from = timeline.boundaryAtOrBefore(t);
            double to = Math.min(Math.min(from + settings.onsetDirect().directHours(), b), end);
            if (to > t + 1e-9 && timeline.dosingChangesAt(from)) {
                System.arraycopy(y, 0, directSaved, 0, n);
                directGating = true;
                directStrong = false;
                directCap = false;
                if (probe.traced()) {
                    traceReason = "segment";
                }
                newOrbit(t, y, b, period, false);
                directGating = false;
                orbitTaken = true;
                if (directStrong) {
                    directOnset(y);
                    directCap = true;
                    double reached = onset(plan, y, t, to, end, progress);
                    courseTo(reached, y);
                    return reached;
                }
            }
        }
        if (probe.firstMeasureGate() == BiasProbe.GATE_DRIFT && sameSegment && !expired
                && reuse.firstMeasurePending() && t - orbitTime >= reuse.interval() - 1e-9) {
            // layercost's drift gate: the early measurement only where the start drift measure is large by then
            double measure = driftMeasure(t, y);
            boolean strong = measure >= probe.gateThreshold();
            if (probe.traced()) {
                probe.trace().accept(String.format(Locale.ROOT, "GATE day %8.2f: start drift measure %.4g after %.2f d%s",
                        t / 24, measure, (t - orbitTime) / 24, strong ? ": strong, early measurement"
                                : ": weak, first interval back to the restart's"));
            }
            if (!strong) {
                reuse.cancelFirstMeasure();
            }
        }
        if (!orbitTaken && (!sameSegment || expired || t - orbitTime >= reuse.interval() - 1e-9
                || reuse.beyondSecant(slowOf(y)) || drifted(t, y))) {
            if (settings.probe().traced()) {
                traceReason = !sameSegment ? "segment" : expired ? "expired" : t - orbitTime >= reuse.interval() - 1e-9
                        ? "interval" : reuse.beyondSecant(slowOf(y)) ? "beyondSecant" : "drift";
            }
            newOrbit(t, y, b, period, sameSegment);
        }
        // A run may end before its timeline does (the stabiliser's runs share one long timeline).
        double periodsLeft = Math.floor((Math.min(b, end) - t) / period + 1e-9);
        // At most maxStepPeriods days of simulated time per step, whatever the period.
        int maxPeriods = Math.max(1, (int) Math.floor(settings.maxStepPeriods() * 24.0 / period + 1e-9));
        // Steps end where the next orbit is due.
        double untilDue = Math.max(1, Math.floor((orbitTime + reuse.interval() - t) / period + 1e-9));
        if (probe.oracleOn() && !model.course().stabilising() && t < probe.oracleHour() - 1e-6) {
            untilDue = Math.min(untilDue, Math.max(1, Math.floor((probe.oracleHour() - t) / period + 1e-9)));
        }
        // Outside the run-in a step may span GUARD_SPANS such intervals; the guards are then
        // checked inside it at that spacing (guardCut).
        int guardPeriods = maxPeriods;
        if (!model.course().stabilising()) {
            maxPeriods *= probe.guardSpans(GUARD_SPANS);
        }
        double h;
        while (true) {
            h = Math.min(Math.min(Math.min(stepPeriods, maxPeriods), periodsLeft), untilDue) * period;
            boolean ok = slowStep(t, h, y);
            if (ok) {
                double cut = guardCut(t, h, y, guardPeriods * period);
                if (cut == 0) {
                    break;
                }
                // A guard fired inside the step: the step again up to that point, where the next
                // pass's guards (at the state reached) then compute the new orbit.
                undoStep(y);
                stepPeriods = cut / period;
                continue;
            }
            // Rejected (and the SLOW states restored): the failed states' diagonal is now fresh at
            // this state; retry with the controller's step (at most half), or with the same single
            // period, which slowStep then accepts once the failed states' diagonal is fresh.
            // Breaking out here after a rejected single period, as before, skipped the period's
            // SLOW change altogether (a day's intake missing from the cumulative counter).
            stepPeriods = SlowStepControl.rejectedStepPeriods(h / period, stepError, thirdOrder);
        }
        stepPeriods = SlowStepControl.nextStepPeriods(h / period, stepPeriods, maxPeriods, stepError, thirdOrder);
        toOrbitStart(y);
        recordWithin(plan, t, h, y, end);
        // spreadkick: the course's increment at the step's end (the rows inside took it at their own times)
        courseTo(t + h, y);
        endedOnStep = true;
        t += h;
        steps++;
        progress.progress(t / end);
        return t;
    }

    /**
     * {@link BiasProbe}'s onset oracle (a developer switch, off by default): the SLOW states and the wall's set to
     * the reference run's at {@code t}; each one's relative change goes back to the oracle ({@link BiasProbe.Oracle#changed}).
     */
    private void setToOracle(BiasProbe.Oracle oracle, double[] y, double t) {
        for (int i = 0; i < n; i++) {
            String id = model.layout().variable(i).id();
            double v = oracle.value(id, t);
            if (Double.isFinite(v)) {
                oracle.changed(id, t, (y[i] - v) / Math.max(Math.abs(v), 1e-6));
                y[i] = v;
            }
        }
    }

    /**
     * How many guard intervals ({@link FastSettings#maxStepPeriods} days, 128) a SLOW step outside the
     * run-in may span. The orbit's guards ({@link OrbitReuse#beyondSecant}, {@link #drifted}) were
     * checked only between steps, so 365-day steps, which saved steps, were refused for checking
     * them less often (docs/performance-log.md, "fewer SLOW steps"); a longer step now checks them
     * inside itself, on its dense output, at the old spacing ({@link #guardCut}). With two (256-day
     * steps) the benchmark decade took 55 SLOW steps instead of 68 (4 390 calls instead of 4 626; the
     * late steps' error estimates 0.18-0.34 of the tolerance, 0.03-0.32 with 128 days), the orbits
     * the same, the fast-versus-reference levels unchanged but for the five-year case's third
     * digits (docs/performance-log.md, "slowstep"); three (384 days) took 54.
     */
    static final int GUARD_SPANS = 2;

    /**
     * The orbit's guards inside an accepted step longer than their spacing {@code g}: at every
     * multiple of {@code g} into the step, on the step's dense output ({@link Etd3Stages#value}).
     * Returns the first such point (hours into the step) where a guard fires, else 0.
     */
    private double guardCut(double t, double h, double[] y, double g) {
        for (double s = g; s < h - 1e-9; s += g) {
            System.arraycopy(y, 0, w, 0, n);
            for (int j = 0; j < slow.length; j++) {
                w[slow[j]] = stages.value(j, s / h);
            }
            if (reuse.beyondSecant(slowOf(w)) || drifted(t + s, w)) {
                return s;
            }
        }
        return 0;
    }

    /** The SLOW states (and the wall's) back to the last step's start. */
    private void undoStep(double[] y) {
        for (int i : slow) {
            y[i] = before[i];
        }
        if (wall != null) {
            wall.restore(y);
        }
    }

    /**
     * {@link #advance} off the period grid (a piece shorter than a period, or a start between
     * period boundaries): the partial period on the cached orbit where it applies, else the
     * reference integration up to the next period boundary or {@code b}. Returns the time reached.
     */
    private double offGrid(RecordingPlan plan, double[] y, double t, double b, double period, double aligned,
                           double end, ProgressListener progress) {
        if (transient_ != null) {
            // rows off the SLOW steps come from the orbit's partial period or the full model
            transient_.stop();
        }
        endedOnStep = false;
        if (aligned <= t + 1e-9 && partialPeriod(plan, t, b, period, y)) {
            progress.progress(b / end);
            return b;
        }
        double to = aligned > t + 1e-9 ? Math.min(aligned, b) : b;
        foldDeviation(t, y);
        ReferenceRun.run(model, integrator, tol, timeline, plan, y, t, to, to >= end - 1e-9 && !rowsAtEndLater, null);
        orbitValid = false;
        stepPeriods = 1;
        return to;
    }

    /** The gated direct onset is on ({@link FastSettings#onsetDirect}). */
    private final boolean direct;
    /** onsetgate: the segment (its end) whose onset the direct-onset gate has judged; NaN: none yet. */
    private double directSegment = Double.NaN;
    /** onsetgate: while the gate's orbit is computed ({@link #newOrbit} then computes the kick's size only). */
    private boolean directGating;
    /** onsetgate: the gate's verdict on the onset being judged (the kick's size at least the threshold). */
    private boolean directStrong;
    /** onsetgate: the next new regimen's orbit follows a gated direct onset (its first interval capped). */
    private boolean directCap;
    /** onsetgate: the run's state at the judged onset, before the gate's orbit. */
    private final double[] directSaved;

    /**
     * onsetgate, a strong onset: the state back to what it was before the gate's orbit ({@link #directSaved}), so that
     * the onset is integrated from it as {@link FastSettings#onsetHours}' is. The closed vitamin K block's states are
     * the orbit's start plus the deviation the orbit took up ({@code LinearBlockPropagator#addDeviation}: the state
     * before plus any deviation carried into the onset), folded in as {@link #onset} would fold it; the rest are the
     * saved values. The rows' transient started at the orbit is ended (the onset's rows are the full model's).
     */
    private void directOnset(double[] y) {
        foldDeviation(orbitTime, y);
        int[] closed = closedBlock == null ? null : closedBlock.states;
        for (int i = 0; i < n; i++) {
            if (!isClosed(closed, i)) {
                y[i] = directSaved[i];
            }
        }
        if (transient_ != null) {
            transient_.stop();
        }
    }

    /** The segment (its end) whose onset has been integrated directly ({@link #onset}); NaN: none yet. */
    private double onsetSegment = Double.NaN;
    /** The onset's integrator ({@link #onset}), made when first needed. */
    private Rodas4Integrator onsetIntegrator;

    /**
     * The regimen's first hours, from {@code t} to {@code to}, integrated directly (the full model, as a
     * piece off the grid is, {@link #offGrid}) before the segment's first orbit
     * ({@link FastSettings#onsetHours}); then that orbit starts from the state the regimen has reached.
     * With the orbit's own integrator and nominal relative tolerance (a W-method at 2e-3, each state's
     * absolute tolerance): a day so costs 280-400 derivative calls and keeps PTH within 2.3e-4 of
     * reference mode over the integrated days; with this run's integrator and tolerances (those of
     * reference mode, 1e-7) it cost about 6 300 a day, more than the benchmark decade's whole run
     * (docs/performance-log.md, "onset"). Returns the time reached.
     */
    private double onset(RecordingPlan plan, double[] y, double t, double to, double end, ProgressListener progress) {
        endedOnStep = false;
        if (onsetIntegrator == null) {
            onsetIntegrator = Integrators.orbit();
        }
        foldDeviation(t, y);
        ReferenceRun.run(model, onsetIntegrator, new Tolerances(settings.integrationRelativeTolerance(), atol),
                timeline, plan, y, t, to, to >= end - 1e-9 && !rowsAtEndLater, null);
        orbitValid = false;
        stepPeriods = 1;
        progress.progress(to / end);
        return to;
    }

    /** A new orbit at {@code t} in the segment ending at {@code b}, and the reuse control's update. */
    private void newOrbit(double t, double[] y, double b, double period, boolean sameSegment) {
        double age = t - orbitTime;
        if (sameSegment && !expired && !model.course().stabilising()) {
            // The cached orbit's prediction here, to be compared with the orbit about to be computed.
            quadrature(t, y, slowScratch);
            for (int j = 0; j < slow.length; j++) {
                slowScratch[j] = average[j] + (slowScratch[j] - quad0[j]);
            }
            reuse.predicted(slowScratch, slowOf(y), age);
        }
        boolean continued = sameSegment && !expired;
        long periodsBefore = periods;
        endPhase = offGridEnd(b - t, period);
        if (closedBlock != null && closedBlock.deviating()) {
            // (with the last orbit's A, before the new orbit's prepare)
            closedBlock.advanceDeviation(t);
        }
        // The state the new orbit takes over from, where a deviation may start (closedBlock is made
        // at the run's first orbit, so it is not asked here).
        boolean takesOver = !sameSegment && !model.course().stabilising();
        if (takesOver) {
            System.arraycopy(y, 0, beforeOrbit, 0, n);
        }
        // (onsetgate: with the direct-onset gate only the gate's orbit computes the kick, for its size)
        boolean kicks = layer != null && takesOver
                && (!direct || directGating);
        if (kicks) {
            layerReached(y);
        }
        boolean carry = transientWanted(t, sameSegment);
        // (spreadkick: the layer's time course wants J_ff too; a copy, no arithmetic changed)
        response.keepJacobian(carry || kicks && spread);
        if (carry) {
            transientBefore(t, y);
        }
        computeOrbit(t, y, period, sameSegment);
        if (carry) {
            transientAfter(t, y, sameSegment);
        } else if (transient_ != null) {
            transient_.stop();
        }
        endPhase = Double.NaN;
        if (takesOver && carriesDeviation()) {
            // A new regimen's orbit (or the run's first) takes over from the state the run had
            // reached: the block's state is continuous, so the deviation takes up the difference.
            // Within a segment the next orbit differs from the last by the drivers' drift only, which
            // the true state follows adiabatically (that difference is no transient).
            closedBlock.addDeviation(t, beforeOrbit, y);
            dropDeviation();
        }
        orbitSegment = b;
        if (continued && !model.course().stabilising()) {
            for (int j = 0; j < slow.length; j++) {
                slowScratch[j] = y[slow[j]];
            }
            reuse.measured(average, diag, slowScratch, slowAtol, age, period, runEnd - t);
        } else {
            // The stabiliser wants the homeostasis, not the path to it: there the error
            // control (which shortened the intervals along a CKD run-in) would only add
            // orbits, so the former fixed age and drift trigger stay (OrbitReuse.restart).
            reuse.restart();
            // (with the gated direct onset only the orbit after a direct onset is capped; the probe's cap is off then,
            // FastSettings#withProbe)
            double cap = direct ? (directCap ? settings.onsetDirect().firstIntervalHours() : 0)
                    : settings.probe().firstIntervalHours();
            directCap = false;
            if (cap > 0 && !model.course().stabilising()) {
                // BiasProbe (onsetcause) and the gated direct onset: a new regimen's first orbit handed to the error
                // control early
                reuse.capInterval(cap);
            }
            if (settings.probe().firstMeasureHours() > 0 && !model.course().stabilising() && !kickGated()) {
                // BiasProbe (layercheck): a new regimen's first orbit measured by then if the drift guard has not tripped
                // (layercost's kick gates decide after the kick, kickSlowStates)
                reuse.measureFirstBy(settings.probe().firstMeasureHours());
            }
        }
        reuse.orbitAt(slowOf(y));
        var sink = settings.probe().trace();
        if (sink != null) {
            String[] names = new String[slow.length];
            for (int j = 0; j < slow.length; j++) {
                names[j] = model.layout().variable(slow[j]).id();
            }
            sink.accept(String.format(Locale.ROOT, "ORBIT day %8.2f after %7.2f d (%s%s), periods %d: %s",
                    t / 24, continued ? age / 24 : Double.NaN, traceReason, model.course().stabilising() ? ", stabilising" : "",
                    periods - periodsBefore, reuse.describe(names)));
        }
        if (kicks) {
            kickSlowStates(t, y, period);
        }
    }

    /** {@link BiasProbe#initialLayer}'s closed form ({@link InitialLayer}); null while the switch is off (today). */
    private final InitialLayer layer;
    /** The orbit's mean state, the one point of {@link BiasProbe#LAYER_AT_MEAN}. */
    private final double[][] layerMean;
    private final InitialLayer.Solve layerSolve;
    private final InitialLayer.SlowRates layerRates;
    /**
     * mineralkick ({@link BiasProbe#BLOCK_MINERAL}): the FAST states outside the mineral block (layout indices), which
     * get no layer, and the positions in {@link #slow} of the vitamin K block's SLOW states, which get no kick; null
     * and none with {@link BiasProbe#BLOCK_ALL}.
     */
    private final int[] layerOutsideMineral;
    private final int[] layerVitaminKSlow;

    /** Whether layout index {@code i} is one of block {@code blockId}'s states (false where the model has no such block). */
    private static boolean inBlock(AssembledModel model, String blockId, int i) {
        for (org.vascalc.physiology.model.Block b : model.blocks()) {
            if (b.id().equals(blockId)) {
                int off = model.layout().offset(blockId);
                return i >= off && i < off + b.variables().size();
            }
        }
        return false;
    }

    /** The time of the layer's first point and the spacing of its points (the orbit's samples). */
    private double layerTime;
    private double layerStep;

    /**
     * Before a new regimen's orbit: the FAST states the run has reached ({@code y}'s, moved by the last orbit's
     * response after a SLOW step, as {@link #transientBefore} takes them; without the rows' transient, so that the
     * kick does not depend on which rows are recorded).
     */
    private void layerReached(double[] y) {
        for (int k = 0; k < fast.length; k++) {
            layer.reached[k] = y[fast[k]];
        }
        if (endedOnStep) {
            response.shift(y, layer.shift);
            for (int k = 0; k < fast.length; k++) {
                layer.reached[k] += layer.shift[k];
            }
        }
    }

    /**
     * After a new regimen's orbit at {@code t} ({@code y} its start, the orbit's SLOW states): the SLOW states
     * (the wall's included) kicked by {@code -B J^-1 e0} ({@link InitialLayer}); the orbit, its response, its
     * quadrature and the reuse control keep the SLOW states they were computed at, so the kick reads to them as a
     * SLOW move since the orbit. The whole kick at once: a cumulative counter at 0 may go below 0 for the layer's days.
     */
    private void kickSlowStates(double t, double[] y, double period) {
        double[][] points;
        int count;
        layerTime = t;
        if (settings.probe().initialLayer() == BiasProbe.LAYER_AT_MEAN || direct) {
            double[] mean = layerMean[0];
            System.arraycopy(y, 0, mean, 0, n);
            for (int i : fast) {
                double sum = 0;
                for (double[] sample : samples) {
                    sum += sample[i];
                }
                mean[i] = sum / samples.length;
            }
            points = layerMean;
            count = 1;
            layerStep = 0;
        } else {
            points = samples;
            count = samples.length;
            layerStep = period / samples.length;
        }
        int[] leftOut = layerOutsideMineral != null ? layerOutsideMineral
                : closedBlock == null ? null : closedBlock.states;
        if (!layer.kick(y, fast, slow, atol, leftOut, layerSolve, points, count, layerRates)) {
            return;
        }
        for (int j : layerVitaminKSlow) {
            // mineralkick: the vitamin K block's SLOW states keep the averaged path (before the size, so the gate
            // sees the mineral kick's size)
            layer.kick[j] = 0;
        }
        var sink = settings.probe().trace();
        if (direct) {
            // the gated direct onset: the size decides between the orbit at once and a direct onset; no kick is applied
            int[] arg = new int[1];
            double size = InitialLayer.size(layer.kick, slowOf(y), average, diag, slowAtol, settings.fluxTolerance(), arg);
            directStrong = size >= settings.onsetDirect().gateReuseTolerances();
            if (sink != null) {
                sink.accept(String.format(Locale.ROOT, "GATE day %8.2f: kick size %.4g (%s)%s", t / 24, size,
                        arg[0] < 0 ? "-" : model.layout().variable(slow[arg[0]]).id(),
                        directStrong ? ": strong, direct onset" : ": weak, the orbit at once"));
            }
            return;
        }
        if (kickGated() || sink != null) {
            // layercost (BiasProbe#firstMeasureGate): the kick's size in the reuse control's tolerances
            int[] arg = new int[1];
            double size = InitialLayer.size(layer.kick, slowOf(y), average, diag, slowAtol, settings.fluxTolerance(), arg);
            boolean strong = size >= settings.probe().gateThreshold();
            if (sink != null) {
                sink.accept(String.format(Locale.ROOT, "GATE day %8.2f: kick size %.4g (%s)%s", t / 24, size,
                        arg[0] < 0 ? "-" : model.layout().variable(slow[arg[0]]).id(), kickGated()
                                ? (strong ? ": strong, early measurement" : ": weak, no early measurement") : ""));
            }
            if (kickGated() && strong && settings.probe().firstMeasureHours() > 0) {
                reuse.measureFirstBy(settings.probe().firstMeasureHours());
            }
            if (settings.probe().firstMeasureGate() == BiasProbe.GATE_KICK_BOTH && !strong) {
                return;
            }
        }
        StringBuilder line = sink == null ? null : new StringBuilder(String.format(Locale.ROOT,
                "LAYER day %8.2f: SLOW kick (relative, > 1e-4):", t / 24));
        for (int j = 0; j < slow.length; j++) {
            int i = slow[j];
            double v = y[i] + layer.kick[j];
            if (line != null && Math.abs(layer.kick[j]) > 1e-4 * (Math.abs(y[i]) + atol[i])) {
                line.append(String.format(Locale.ROOT, " %s %+.2e", model.layout().variable(i).id(),
                        layer.kick[j] / Math.max(Math.abs(y[i]), atol[i])));
            }
            // Not held at 0: a cumulative counter at 0 at the run's start takes its deficit here (the layer's
            // days' worth at once); held at 0, the kick of the cumulative urine was lost (initlayer's first sweep).
            if (!spread) {
                y[i] = v;
            }
        }
        if (line != null) {
            sink.accept(line.toString());
        }
        if (spread) {
            startCourse(t, y, points, count);
        }
    }

    /** {@link BiasProbe#SPREAD_OVER_LAYER}: the kick given over the layer's time course ({@link LayerCourse}). */
    private final boolean spread;
    /** The running course (null: none), the hour it started, what of it the SLOW states in {@code y} have, and scratch. */
    private LayerCourse course;
    private double courseStart;
    private final double[] courseApplied;
    private final double[] courseValue;

    /**
     * spreadkick: instead of the whole kick at {@code t}, the course {@code Δs(s) = B a(s)} ({@link LayerCourse}),
     * given to the SLOW states at the SLOW path's step ends and to each row inside it at its time ({@link #courseTo},
     * {@link #addCourse}). {@code J} is the orbit's {@code J_ff} (the one whose factors gave the kick's
     * {@code J^-1}), {@code B} a matrix at the kick's points (one SLOW-row call per point plus one per FAST state the
     * layer reaches), the vitamin K block's SLOW rows zero with {@link BiasProbe#BLOCK_MINERAL}. A course still
     * running from an earlier onset is finished at once first (its remainder; the SLOW path keeps no two layers).
     * Where {@code J_ff} is not known the kick is given at once, as today's.
     */
    private void startCourse(double t, double[] y, double[][] points, int count) {
        finishCourse(y);
        double[] jff = response.jacobian();
        if (jff == null) {
            for (int j = 0; j < slow.length; j++) {
                y[slow[j]] += layer.kick[j];
            }
            return;
        }
        double[] e0 = layer.layer();
        boolean[] columns = LayerCourse.reach(jff, e0);
        double[] b = new double[slow.length * fast.length];
        long before = model.evaluations();
        for (int m = 0; m < count; m++) {
            layer.matrix(m, points[m], columns, fast, slow, atol, layerRates, 1.0 / count, b);
        }
        for (int j : layerVitaminKSlow) {
            java.util.Arrays.fill(b, j * fast.length, (j + 1) * fast.length, 0.0);
        }
        double[] scale = new double[fast.length];
        for (int k = 0; k < fast.length; k++) {
            scale[k] = settings.orbitTolerance() * Math.abs(y[fast[k]]) + atol[fast[k]];
        }
        course = new LayerCourse(jff, e0, b, slow.length, scale, layerSolve);
        courseStart = t;
        java.util.Arrays.fill(courseApplied, 0.0);
        var sink = settings.probe().trace();
        if (sink != null) {
            double worst = 0;
            int at = -1;
            for (int j = 0; j < slow.length; j++) {
                double d = Math.abs(course.total()[j] - layer.kick[j]) / Math.max(Math.abs(layer.kick[j]), 1e-300);
                if (layer.kick[j] != 0 && d > worst) {
                    worst = d;
                    at = j;
                }
            }
            sink.accept(String.format(Locale.ROOT, "COURSE day %8.2f: ends after %.0f h, B matrix %d calls, "
                    + "end value off the directional kick by %.3g relative (%s)", t / 24, course.endHours(),
                    model.evaluations() - before, worst, at < 0 ? "-" : model.layout().variable(slow[at]).id()));
        }
    }

    /** The running course's increment since it was last given, up to hour {@code time}, given to {@code y}'s SLOW states. */
    private void courseTo(double time, double[] y) {
        if (course == null) {
            return;
        }
        course.at(time - courseStart, courseValue);
        for (int j = 0; j < slow.length; j++) {
            y[slow[j]] += courseValue[j] - courseApplied[j];
            courseApplied[j] = courseValue[j];
        }
        if (time - courseStart >= course.endHours()) {
            course = null;
        }
    }

    /** The running course's remainder given at once to {@code y}'s SLOW states (a new kick's course replaces it). */
    private void finishCourse(double[] y) {
        if (course != null) {
            courseTo(Double.POSITIVE_INFINITY, y);
        }
    }

    /** A row at hour {@code tau} (after the last {@link #courseTo}): its SLOW states take the course to {@code tau}. */
    private void addCourse(double tau, double[] row) {
        if (course == null) {
            return;
        }
        course.at(tau - courseStart, courseValue);
        for (int j = 0; j < slow.length; j++) {
            row[slow[j]] += courseValue[j] - courseApplied[j];
        }
        // courseValue is scratch here: courseTo reads its own
    }

    /** Whether {@link BiasProbe#firstMeasureGate} is one of the kick's (the early measurement decided after the kick). */
    private boolean kickGated() {
        int gate = settings.probe().firstMeasureGate();
        return gate == BiasProbe.GATE_KICK || gate == BiasProbe.GATE_KICK_BOTH;
    }

    /** Why the last orbit was due, for the run's trace ({@link BiasProbe#trace}). */
    private String traceReason = "-";

    /** The FAST states of {@code y} set to the orbit's start. */
    private void toOrbitStart(double[] y) {
        for (int i : fast) {
            y[i] = orbitStart[i];
        }
    }

    /**
     * The phase within its last period of a segment's end {@code left} hours away, where it is off
     * the period's sample grid and at most {@link #OFF_GRID_PIECE_HOURS} into it; else NaN (the end
     * is on the grid, where the samples hold it, or the piece runs in reference mode).
     */
    private double offGridEnd(double left, double period) {
        double phase = left - Math.floor(left / period + 1e-9) * period;
        double dt = period / samples.length;
        if (!Double.isFinite(phase) || phase <= 1e-9 || phase >= period - 1e-9 || phase > OFF_GRID_PIECE_HOURS + 1e-9
                || Math.abs(Math.round(phase / dt) * dt - phase) <= 1e-9) {
            return Double.NaN;
        }
        return phase;
    }

    /**
     * For a run that goes on with this one's regimen on a restarted clock (the stabiliser's next
     * chunk): the next orbit starts from this one's and keeps the period-map estimate
     * ({@link PeriodMapNewton}), but without the drift extrapolation, whose times belong to the old
     * clock. A fresh {@code FastRun} per chunk started each chunk's orbit cold (three periods and a
     * new monodromy seed where one period now usually closes it).
     */
    private void expireOrbit() {
        expired = true;
        startGuesses.forgetTrend();
    }

    /**
     * Computes the orbit at hour 0 of the next {@link #run} now (warm from the last orbit, as after
     * {@link #expireOrbit}) and puts its start into the FAST states of {@code y}, so the caller can
     * read outputs on a fresh orbit; the next run then starts on it. The stabiliser reads its labs
     * this way: read at the end of a chunk, they came from the chunk's last orbit, up to 30 days old,
     * and a chunk without a new orbit showed no change (a false convergence at 40 320 h for CKD G4).
     */
    void restartOnOrbit(double[] y) {
        expireOrbit();
        double period = timeline.periodAt(0);
        double b = timeline.nextBoundary(0);
        boolean sameSegment = orbitValid && orbitSegment == b && orbitPeriod == period;
        computeOrbit(0, y, period, sameSegment);
        orbitSegment = b;
        reuse.restart();
        reuse.orbitAt(slowOf(y));
    }

    /**
     * The cached orbit's mean derivative of the SLOW state at layout index {@code state}, per hour:
     * after {@link #restartOnOrbit} the period average at that call's SLOW states.
     */
    double orbitMeanRate(int state) {
        for (int j = 0; j < slow.length; j++) {
            if (slow[j] == state) {
                return average[j];
            }
        }
        throw new IllegalArgumentException("not a SLOW state: " + state);
    }

    /** Layout indices of the SLOW states, in the order of {@link #averagedSlowRates}. */
    int[] slowStates() {
        return slow.clone();
    }

    /**
     * The orbit-averaged SLOW derivatives, per hour, at the SLOW states of {@code y}: the cached
     * orbit's average plus the quadrature's change from the orbit's SLOW states to {@code y}'s, on
     * the samples moved by the orbit's first-order response ({@link AdiabaticResponse}), as the SLOW
     * steps read them (without the indirect prediction); at the orbit's own SLOW states (after
     * {@link #restartOnOrbit}) the orbit's exact average. For the run-in's steady-state solve.
     */
    void averagedSlowRates(double[] y, double[] out) {
        quadrature(orbitTime, y, out);
        for (int j = 0; j < slow.length; j++) {
            out[j] = average[j] + (out[j] - quad0[j]);
        }
    }

    /**
     * For a run that goes on from this one's end on a clock restarted at 0 without a new orbit (the
     * stabiliser's next chunk): the cached orbit's times move back by {@code hours}, so its age, the
     * diagonal's and the drift extrapolation's stay true.
     */
    void continueOnNewClock(double hours) {
        orbitTime -= hours;
        if (groupTime != null) {
            for (int g = 0; g < groupTime.length; g++) {
                groupTime[g] -= hours;
            }
        }
        startGuesses.shiftClock(hours);
    }

    /**
     * {@code y} with its FAST states where the cached orbit starts at {@code y}'s SLOW states, to first
     * order (its start moved by {@link AdiabaticResponse}, as recorded outputs are), into {@code out}:
     * outputs read on it follow the SLOW states without a new orbit.
     */
    void onMovedOrbit(double[] y, double[] out) {
        System.arraycopy(y, 0, out, 0, n);
        for (int i : fast) {
            out[i] = samples[0][i];
        }
        response.shift(out, fastShift);
        addFastShift(out);
    }

    /**
     * Adds the orbit's response {@link #fastShift} (set by {@code response.shift}) to the FAST states
     * of {@code row}; a non-negative amount stays so (the response is linear, the pools are not).
     */
    private void addFastShift(double[] row) {
        for (int k = 0; k < fast.length; k++) {
            int i = fast[k];
            double v = row[i] + fastShift[k];
            row[i] = row[i] >= 0 ? atLeast(v, 0) : v;
        }
    }

    /** The SLOW states of {@code y} in {@link #slowNow}. */
    private double[] slowOf(double[] y) {
        for (int j = 0; j < slow.length; j++) {
            slowNow[j] = y[slow[j]];
        }
        return slowNow;
    }

    /**
     * The orbit reuse control, made at the first orbit: the secant's columns are the SLOW states that
     * enter a FAST derivative, probed at that state.
     */
    private OrbitReuse makeReuse(double t, double[] y) {
        double[] influence = SlowCouplingProbe.influenceOnOrbit(model, fast, slow, atol, t, y);
        int[] columns = IntArrays.range(slow.length, j -> influence[j] > 0);
        // the response's columns are these states: it need not probe them again (AdiabaticResponse#enteringKnown)
        response.enteringKnown(columns);
        double[] columnWeight = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            columnWeight[c] = influence[columns[c]];
        }
        return new OrbitReuse(slow.length, new FluxSecant(slow.length, columns, columnWeight),
                settings.fluxTolerance(), MIN_TREND_HOURS, settings.maxOrbitAgeHours(), settings.reuseRules(),
                settings.probe().traced());
    }

    /**
     * One exponential Runge-Kutta (Cox & Matthews ETD3RK, {@link Etd3Stages}) step of the SLOW states
     * over {@code h}, with the diagonal of their averaged Jacobian as the linear part: exact for linear
     * relaxation toward a drive that changes quadratically in the step; three averages of the SLOW
     * derivatives (at the start, at the half-step and full-step predictors). Returns false (and
     * restores the SLOW states) when the step is not to be trusted: the difference from the embedded
     * second-order solution, which is that solution's local error, exceeds {@link SlowStepControl#STEP_TOLERANCE}.
     * The ETD2RK step before took two averages, but its error estimate (the first-order step's error)
     * held the steps to 1-32 days: 176 steps (352 averages) in the benchmark decade against 69 (207).
     * The stabiliser's run-in keeps the ETD2RK step: it stops when every lab changes by less than 1e-4
     * over a 30-day chunk, and with the third-order step (the error it keeps near that level) a CKD G4
     * run-in stopped 7 chunks later on moved orbits than chunk by chunk (StabiliserTest), a reference
     * adult's one chunk later.
     * The diagonal is cached with the orbit and
     * goes stale when a SLOW state that does not feed back on the FAST ones (tissue vitamin K under
     * a large MK-7 dose) changes the stiffness of another SLOW state (the carboxylated MGP fraction,
     * whose rate constant is proportional to tissue vitamin K); with a stale diagonal the stiff part
     * is treated explicitly and the step diverges. So a rejected step first refreshes the diagonal at
     * the current state, in the groups of the states whose correction failed (the caller then retries
     * with the controller's shorter step, {@link SlowStepControl#rejectedStepPeriods}). The step's error (the
     * largest error estimate in tolerance scales) sizes the next step ({@link SlowStepControl#nextStepPeriods}).
     */
    private boolean slowStep(double t, double h, double[] y) {
        thirdOrder = !model.course().stabilising();
        // The first stage's raw quadrature is kept: a rejected step refreshes the diagonal at this very state.
        startQuadrature(t, y);
        corrected(t, y, qBase, w);
        deviationRates(t, h);
        addDeviationRates(w);
        if (wall != null) {
            wall.milieu(milieuMean, orbitMilieu, milieu0);
            wall.begin(affineTime(t), h, y, thirdOrder);
        }
        for (int j = 0; j < slow.length; j++) {
            int i = slow[j];
            before[i] = y[i];
            if (thirdOrder) {
                stages.begin(h, j, y[i], w[j], DoubleOrder.min(diag[j], 0));
                y[i] = stages.half(j);
            } else {
                double x = h * DoubleOrder.min(diag[j], 0);
                // e^x - 1 once for both factors (phi2 below has the same argument): the same values
                stepExpm1[j] = Math.abs(x) < 1e-6 ? Double.NaN : Math.expm1(x);
                y[i] += h * w[j] * EtdPhi.phiGiven(x, stepExpm1[j]);
            }
        }
        if (thirdOrder) {
            // The half-step predictor with the deviation's exact uptake to there, not the constant's
            // (the carboxylated MGP fraction's rate reads tissue vitamin K there; at the end the two agree).
            addDeviationUptake(0.5 * h, y);
            slowAverage(t + 0.5 * h, y, w2);
            addDeviationRates(w2);
            for (int j = 0; j < slow.length; j++) {
                int i = slow[j];
                stages.halfRate(j, y[i], w2[j]);
                y[i] = stages.end(j);
            }
            if (wall != null) {
                wall.milieu(milieuMean, orbitMilieu, milieu0);
                wall.half(affineTime(t + 0.5 * h), y);
            }
        }
        slowAverage(t + h, y, w2);
        addDeviationRates(w2);
        boolean accepted = true;
        boolean failedFresh = true;
        stepError = 0;
        if (wall != null) {
            wall.milieu(milieuMean, orbitMilieu, milieu0);
            if (!wall.end(affineTime(t + h), y, SlowStepControl.STEP_TOLERANCE, wallFailed)) {
                accepted = false;
                failedFresh = wallDiagTime == t;
            }
            stepError = wall.error();
        }
        for (int j = 0; j < slow.length; j++) {
            int i = slow[j];
            double estimate;
            if (thirdOrder) {
                stages.endRate(j, y[i], w2[j]);
                y[i] = stages.value(j, 1);
                estimate = stages.error(j);
            } else {
                double l = DoubleOrder.min(diag[j], 0);
                estimate = h * EtdPhi.phi2Given(h * l, stepExpm1[j]) * (w2[j] - w[j] - l * (y[i] - before[i]));
                y[i] += estimate;
            }
            // Math.max, not DoubleOrder: which magnitude is larger is a coin toss (see Rodas4Integrator.errorNorm)
            double scale = atol[i]
                    + SlowStepControl.STEP_TOLERANCE * Math.max(Math.abs(before[i]), Math.abs(y[i]));
            double ratio = Math.abs(estimate) / scale;
            failed[j] = !(ratio <= 1);
            if (failed[j]) {
                accepted = false;
                failedFresh &= groupTime[groupOf[j]] == t || nothingToRefresh(j);
                stepError = Double.isNaN(ratio) ? Double.POSITIVE_INFINITY : DoubleOrder.max(stepError, ratio);
            } else {
                stepError = DoubleOrder.max(stepError, ratio);
            }
        }
        if (accepted || h <= orbitPeriod + 1e-9 && failedFresh) {
            return true;
        }
        for (int i : slow) {
            y[i] = before[i];
        }
        if (wall != null) {
            wall.restore(y);
            boolean any = false;
            for (boolean b : wallFailed) {
                any |= b;
            }
            if (any) {
                quadratureMilieu(t, y);
                wall.milieu(milieuMean, orbitMilieu, milieu0);
                wall.diagonal(affineTime(t), y, 0, wallFailed);
                wallDiagTime = t;
            }
        }
        refreshFailedGroups(t, y);
        return false;
    }

    /**
     * The raw quadrature at the step's start into {@link #qBase} and {@link #milieuMean}: the one kept
     * at this very time, SLOW state and orbit (after an orbit, its {@link #quad0}; at the retry after
     * a rejected step, the rejected step's first), the same bits as evaluating it again; else evaluated.
     * A rejected step restores the SLOW states and leaves the samples, the response and the period as
     * they were (its diagonal refresh changes only {@link #diag}), so the retry's first stage is the
     * same quantity. (The end stage's quadrature as the next step's first, FSAL, is not: it is taken
     * at the end predictor, not at the solution; docs/performance-log.md, branch {@code fsal}.)
     */
    private void startQuadrature(double t, double[] y) {
        if (baseFrame == frame && baseTime == t && sameSlow(y, baseSlow)) {
            System.arraycopy(baseMilieu, 0, milieuMean, 0, milieuMean.length);
            keptStarts++;
            return;
        }
        quadrature(t, y, qBase);
        keepBase(t, y);
    }

    /** Records that {@link #qBase} (and {@link #milieuMean}) is the quadrature at {@code t}, {@code y} on this orbit. */
    private void keepBase(double t, double[] y) {
        baseTime = t;
        baseFrame = frame;
        for (int j = 0; j < slow.length; j++) {
            baseSlow[j] = y[slow[j]];
        }
        System.arraycopy(milieuMean, 0, baseMilieu, 0, milieuMean.length);
    }

    /** Whether {@code y}'s SLOW states are {@code kept}'s, bit for bit. */
    private boolean sameSlow(double[] y, double[] kept) {
        for (int j = 0; j < slow.length; j++) {
            if (Double.doubleToRawLongBits(y[slow[j]]) != Double.doubleToRawLongBits(kept[j])) {
                return false;
            }
        }
        return true;
    }

    /** SLOW steps whose first stage was the kept quadrature ({@link #startQuadrature}), not evaluated again. */
    long keptStarts() {
        return keptStarts;
    }

    /**
     * Rows in [t, t + h): SLOW states from the step's dense output ({@link Etd3Stages#value}; linear
     * interpolation between the step's ends, before, was second-order only in the middle of a step
     * now up to 128 days long), FAST states from the orbit at that phase (the sample on the sample
     * grid, else the state {@link #rowSamples} kept there; the nearest sample before, which put an
     * hourly row an hour after a calcium dose 9.3 % off reference mode in PTH), moved by the orbit's
     * response to the SLOW states ({@link AdiabaticResponse}).
     */
    private void recordWithin(RecordingPlan plan, double t, double h, double[] yEnd, double end) {
        stepStart = t;
        stepLength = h;
        while (plan.nextTime() < t + h - 1e-9 || (plan.nextTime() <= t + h + 1e-9 && t + h >= end - 1e-9
                && plan.nextTime() < end - 1e-9)) {
            double tau = plan.nextTime();
            double phase = RowPhaseSamples.phaseOf(tau - t, orbitPeriod);
            int m = (int) Math.round(phase / orbitPeriod * samples.length) % samples.length;
            // On the sample grid the sample; between samples the orbit's state at the row's phase.
            boolean onSample = RowPhaseSamples.onGrid(phase, orbitPeriod / samples.length);
            System.arraycopy(onSample ? samples[m] : rowSamples.at(phase), 0, row, 0, n);
            double a = (tau - t) / h;
            for (int j = 0; j < slow.length; j++) {
                int i = slow[j];
                if (!thirdOrder) {
                    row[i] = before[i] + a * (yEnd[i] - before[i]);
                } else if (before[i] >= 0 && yEnd[i] >= 0) {
                    // A non-negative amount stays so: the drive's quadratic through the three stages
                    // dips below a rate that is 0 at the start and then grows (the aortic remodelling
                    // once pressure exceeds its reference), and so did the row (-1.1e-8, plausible-478).
                    row[i] = atLeast(stages.value(j, a), 0);
                } else {
                    row[i] = stages.value(j, a);
                }
            }
            addCourse(tau, row);
            if (wall != null) {
                wall.within(a, yEnd, row);
            }
            addDeviationUptake(tau - t, row);
            // The FAST values where the orbit would be at this SLOW state, to first order, as in the
            // quadrature: the raw sample is up to an orbit interval old (PTH at yearly rows was 1.2e-2
            // off the reference run where orbits were months apart, 1.7e-3 shifted).
            response.shift(row, fastShift);
            addFastShift(row);
            addOnsetLag(a, row);
            addTransient(tau, row);
            addDeviation(tau, row);
            plan.record(row, model.driversAt(tau));
        }
        transientThrough(t + h);
    }

    /** Adds the closed block's deviation's mean rates over the step ({@link #deviationRates}) to a stage's {@code rates}. */
    private void addDeviationRates(double[] rates) {
        if (!deviationStep) {
            return;
        }
        for (int j : closedSlowPos) {
            rates[j] += deviationSlow[j];
        }
    }

    /**
     * The row recorded at the end of a run whose last piece was a SLOW step, as {@link #recordWithin}
     * reads a row at the end of a step: {@code y}'s SLOW states, the FAST ones the orbit's sample at
     * phase 0 moved by the orbit's response to those SLOW states ({@link AdiabaticResponse}). After
     * a step {@code y}'s FAST states are the orbit's start, unmoved: recorded as they were, the last
     * row stepped back to the orbit's state (PTH 8.63 -> 8.57 pmol/L in the last day of two years of
     * CKD G4, whose orbits were months apart; the reference run has 8.62). {@code y} is not changed.
     */
    private double[] endRow(double[] y, double end) {
        System.arraycopy(y, 0, row, 0, n);
        for (int i : fast) {
            row[i] = samples[0][i];
        }
        response.shift(row, fastShift);
        addFastShift(row);
        addOnsetLag(1, row);
        addTransient(end, row);
        addDeviation(end, row);
        return row;
    }

    /** Whether the rows carry the linear transient after an onset ({@link FastSettings#onsetRows}). */
    private final boolean transientRows;
    /** The rows' linear transient ({@link OnsetTransient}); made when first needed, null before. */
    private OnsetTransient transient_;
    /** The last accepted SLOW step (start, length), whose dense output gives the transient's forcing. */
    private double stepStart;
    private double stepLength;
    private final OnsetTransient.Forcing transientForcing;

    /** {@code g = v - S sdot} (by FAST position) at {@code time} in the last SLOW step; the closed block's states none. */
    private void transientForcing(double time, double[] out) {
        lagTheta = (time - stepStart) / stepLength;
        for (int j = 0; j < slow.length; j++) {
            transient_.slowRates[j] = stages.rate(j, lagTheta);
        }
        response.rateResponse(transient_.slowRates, out);
        int[] closed = closedBlock == null ? null : closedBlock.states;
        for (int k = 0; k < fast.length; k++) {
            out[k] = isClosed(closed, fast[k]) ? 0 : lagRateUsed[k] - out[k];
        }
    }

    /**
     * Whether a new orbit at {@code t} is to start (a new regimen's) or carry on (the same regimen's) a
     * transient: only where a row is to come within its window. A run whose rows are far apart (the
     * benchmark's yearly rows) makes none and keeps no Jacobian.
     */
    private boolean transientWanted(double t, boolean sameSegment) {
        if (!transientRows || model.course().stabilising() || plan == null) {
            return false;
        }
        if (sameSegment) {
            return transient_ != null && transient_.within(plan.nextTime());
        }
        if (!(plan.nextTime() < t + OnsetTransient.WINDOW_HOURS)) {
            return false;
        }
        if (transient_ == null) {
            transient_ = new OnsetTransient(fast.length, slow.length);
        }
        return true;
    }

    private static boolean isClosed(int[] closed, int i) {
        if (closed != null) {
            for (int c : closed) {
                if (c == i) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Adds the transient at {@code tau} to a row in the last SLOW step, where one is carried there. */
    private void addTransient(double tau, double[] row) {
        if (transient_ == null || !thirdOrder || !transient_.within(tau)) {
            return;
        }
        double[] e = transient_.at(tau, transientForcing);
        for (int k = 0; k < fast.length; k++) {
            int i = fast[k];
            double x = row[i] + e[k];
            row[i] = row[i] >= 0 ? atLeast(x, 0) : x;
        }
    }

    /** The transient integrated to the end of the last SLOW step while rows are to come in its window; else ended. */
    private void transientThrough(double to) {
        if (transient_ == null || !transient_.active()) {
            return;
        }
        if (!thirdOrder || !transient_.within(plan.nextTime()) || transient_.cursor() < stepStart - 1e-9) {
            transient_.stop();
            return;
        }
        transient_.advanceTo(to, transientForcing);
    }

    /**
     * Before a new regimen's orbit at {@code t}: the FAST states the row at {@code t} would have had
     * ({@code y}'s, moved by the last orbit's response after a SLOW step, plus the transient carried) into
     * the transient's {@code start}; {@link #transientAfter} subtracts the new orbit's start.
     */
    private void transientBefore(double t, double[] y) {
        for (int k = 0; k < fast.length; k++) {
            transient_.start[k] = y[fast[k]];
        }
        if (endedOnStep) {
            // (in a scratch of its own: fastShift's last value is read after the orbit, movedBaseUnshifted)
            response.shift(y, transient_.shift);
            for (int k = 0; k < fast.length; k++) {
                transient_.start[k] += transient_.shift[k];
            }
            if (transient_.active() && Math.abs(transient_.cursor() - t) <= 1e-9 && thirdOrder) {
                double[] e = transient_.at(t, transientForcing);
                for (int k = 0; k < fast.length; k++) {
                    transient_.start[k] += e[k];
                }
            }
        }
    }

    /** After a new orbit at {@code t} ({@code y} its start): the transient from the state reached, or its Jacobian after a same-regimen orbit. */
    private void transientAfter(double t, double[] y, boolean sameSegment) {
        double[] jff = response.jacobian();
        if (model.course().stabilising() || jff == null) {
            transient_.stop();
            return;
        }
        if (sameSegment) {
            if (transient_.active()) {
                transient_.jacobian(jff);
            }
            return;
        }
        int[] closed = closedBlock == null ? null : closedBlock.states;
        boolean layer = settings.onsetRows() >= FastSettings.ONSET_ROWS_TRANSIENT;
        for (int k = 0; k < fast.length; k++) {
            transient_.start[k] = layer && !isClosed(closed, fast[k]) ? transient_.start[k] - y[fast[k]] : 0;
        }
        transient_.begin(t, transient_.start, jff);
    }

    /** The rows' quasi-steady lag behind the moving orbit ({@link OnsetLag}); null unless {@link FastSettings#onsetRows} is 1 (the lag alone). */
    private final OnsetLag onsetLag;
    /** Where in the last SLOW step the lag's SLOW rates are read ({@link #lagRates}). */
    private double lagTheta;
    /** The last SLOW step's dense output's rates at {@link #lagTheta} (one object: no allocation per row). */
    private final OnsetLag.SlowRates lagRates;

    /**
     * Adds to a row {@code theta} into the last SLOW step the FAST states' lag behind the orbit as the
     * SLOW states move it ({@link OnsetLag}); nothing where it is off or the step was the run-in's
     * second-order one (whose rows interpolate linearly).
     */
    private void addOnsetLag(double theta, double[] row) {
        if (onsetLag == null || !thirdOrder) {
            return;
        }
        lagTheta = theta;
        onsetLag.lagAt(lagRates, response, response, lagRateUsed, closedBlock == null ? null : closedBlock.states);
        onsetLag.addTo(row);
    }

    /**
     * A piece [t, b) shorter than a period that starts on the period grid (a run given in years ends
     * a part of a day after its last whole period), on the cached orbit of its segment instead of in
     * reference mode from a cold start (new step size, new full Jacobians, every intake resolved:
     * 5 141 of the benchmark decade's 37 326 derivative calls, for its last 12 hours). The SLOW
     * states move by the orbit's own integrals from phase 0 to the piece's end phase (the
     * accumulators at that sample: exactly the intakes before the end are in the cumulative
     * counters, as in reference mode, where an intake at the end belongs to the next piece). An end
     * phase off the sample grid (0.1 year ends at 12:36) has its own sample, {@link #endSample}
     * with {@link #endIntegrals}, taken in every period of the segment's orbits (the segment's end
     * is known when the orbit is computed, {@link #offGridEnd}): the samples up to the last one
     * before the end and that sample are the piece's nodes, so an intake between the last sample
     * and the end is counted exactly, and the end's FAST states (the gut's depots holding that
     * meal) are the orbit's there; before, such a piece ran in reference mode (0.1 year of the
     * reference adult: 5 124 derivative calls instead of 685). To these changes are added
     * the change of the SLOW derivatives since the orbit over the samples in the piece (the
     * quadrature difference of {@link #slowAverage} on the piece, by the trapezoidal rule, the FAST
     * part moved by {@link AdiabaticResponse}) and the predicted indirect change, with the
     * exponential-Euler factor of each state's diagonal (the gland pool relaxes within hours); the
     * FAST states are the orbit's at the end phase, moved to the new SLOW state, as recorded rows
     * within a step are ({@link #recordWithin}). Rows inside the piece take the SLOW changes up to
     * their phase (so a cumulative counter steps at its intake, not linearly across the piece).
     * Against the reference tail from the same state (benchmark decade): SLOW states within 1.1e-4,
     * cumulative counters within 3e-7, PTH 3.7e-3 (the reference tail starts from the unshifted
     * orbit start). Off the grid (PartialPeriodTest) the cumulative counters equal reference mode's
     * at every row and the books close as over whole days; the end row's PTH is as far from
     * reference mode's as at an end on the grid (12:36 and 12:00 of day 36: 5.5e-3 and 5.6e-3 for
     * the reference adult, 9.2e-3 and 9.4e-3 for CKD G4: the orbit's midday values). Returns false,
     * with nothing changed, where no orbit applies: none for this segment and period (a regimen
     * that starts mid-day or lasts less than a period), an expired one, an end phase off the sample
     * grid without its end sample (an orbit computed for another end), or SLOW integrals not kept
     * per sample (trapezoidal quadrature).
     */
    private boolean partialPeriod(RecordingPlan plan, double t, double b, double period, double[] y) {
        double phase = b - t;
        double dt = period / samples.length;
        int m = (int) Math.round(phase / dt);
        // Off the grid: the samples up to the last one before the end, then the end-phase sample.
        boolean offGrid = Math.abs(m * dt - phase) > 1e-9;
        if (offGrid) {
            m = (int) Math.floor(phase / dt);
        }
        if (!orbitValid || expired || orbitSegment != b || orbitPeriod != period || !settings.stageQuadrature()
                || (offGrid ? !(Math.abs(orbitEndPhase - phase) <= 1e-9) || m < 0 : m < 1) || m >= samples.length) {
            return false;
        }
        // The nodes: samples 0 .. m, then (off the grid) the end phase.
        int last = offGrid ? m + 1 : m;
        slowOf(y);
        reuse.indirect(slowNow, t - orbitTime, indirectNow);
        response.shift(y, fastShift);
        if (deferredOwned != null) {
            deferredOwned.complete(m, samples, sampleIntegrals);
            if (offGrid) {
                deferredOwned.complete(samples.length, endSample, endIntegrals);
            }
        }
        for (int k = 0; k <= last; k++) {
            double tau = k > m ? phase : k * dt;
            double[] integrals = k > m ? endIntegrals : sampleIntegrals[k];
            System.arraycopy(k > m ? endSample : samples[k], 0, row, 0, n);
            partialSlowRows(orbitTime + tau, row);
            for (int j = 0; j < slow.length; j++) {
                partialRate[j] = -f[slow[j]];
            }
            moveRowTo(y);
            partialSlowRows(t + tau, row);
            double width = k > m ? phase - m * dt : dt;
            for (int j = 0; j < slow.length; j++) {
                double change = partialRate[j] + f[slow[j]];
                // Trapezoidal sum of the change of the SLOW derivatives since the orbit, up to node k.
                partialCorrection[j] = k == 0 ? 0 : partialCorrection[j] + 0.5 * width * (partialLast[j] + change);
                partialLast[j] = change;
                // A state driven by the period's mean (the phosphate load that drives FGF23) moves
                // at that mean within the period, not along the orbit's flux.
                double integral = periodMean[j] ? tau * average[j] : integrals[j];
                partialDelta[k][j] = (integral + partialCorrection[j]
                        + tau * indirectNow[j]) * EtdPhi.phi(tau * DoubleOrder.min(diag[j], 0));
            }
        }
        for (int j = 0; j < slow.length; j++) {
            before[slow[j]] = y[slow[j]];
        }
        if (wall != null) {
            quadratureMilieu(t, y);
            wall.milieu(milieuMean, orbitMilieu, milieu0);
            wall.beginPartial(affineTime(t), y);
        }
        double endNode = offGrid ? phase / dt : m;
        // Rows in [t, b): the SLOW states between the nodes' changes, the FAST ones the orbit's at the row's phase.
        while (plan.nextTime() < b - 1e-9) {
            double tau = plan.nextTime();
            atPartialPhase(tau - t, dt, m, last, endNode, row);
            addDeviation(tau, row);
            plan.record(row, model.driversAt(tau));
        }
        atPartialPhase(phase, dt, m, last, endNode, y);
        // The piece ends at a boundary: the next orbit takes over from y (or y is the run's last row).
        foldDeviation(b, y);
        return true;
    }

    /**
     * The SLOW rows of {@link #slow} at {@code row} into {@link #f}: with the affine blocks on their
     * own step ({@link #wall}) none of those rows is theirs and they write into none of them, so they
     * are not called (the same bits, {@link AssembledModel#plainSlowRows}).
     */
    private void partialSlowRows(double t, double[] row) {
        if (affineOwned.length == 0 && milieuSize > 0) {
            model.plainSlowRows(t, row, f);
        } else {
            model.slowDerivatives(t, row, f);
        }
    }

    /**
     * The state at {@code phase} into a partial period ({@link #partialPeriod}) whose nodes are the
     * samples 0 .. {@code m} and, where {@code last} is {@code m + 1}, the end-phase sample at
     * {@code endNode} sample intervals: the SLOW states from {@link #before} by the changes up to the
     * nodes around it, linear between them, and the FAST ones the orbit's at that phase (the node's
     * sample on a node, else the state {@link #rowSamples} kept there), moved to those SLOW states by
     * the orbit's response.
     */
    private void atPartialPhase(double phase, double dt, int m, int last, double endNode, double[] out) {
        double x = atLeast(DoubleOrder.min(endNode, phase / dt), 0);
        int k = Math.min(last - 1, (int) Math.floor(x + 1e-9));
        // The node after k, in sample intervals (the end phase is closer than a whole interval).
        double next = k + 1 > m ? endNode : k + 1;
        double a = (x - k) / (next - k);
        int nearest = x - k < 0.5 * (next - k) ? k : k + 1;
        double node = nearest > k ? next : k;
        // On a node its sample; between nodes the orbit's state at the row's phase.
        double[] fastFrom = Math.abs(x - node) * dt <= RowPhaseSamples.PHASE_SLACK
                ? (nearest > m ? endSample : samples[nearest]) : rowSamples.at(phase);
        System.arraycopy(fastFrom, 0, out, 0, n);
        for (int j = 0; j < slow.length; j++) {
            int i = slow[j];
            out[i] = before[i] + partialDelta[k][j] + a * (partialDelta[k + 1][j] - partialDelta[k][j]);
        }
        if (wall != null) {
            wall.partial(x * dt, out);
        }
        response.shift(out, fastShift);
        addFastShift(out);
    }

    /**
     * Average SLOW derivative at the current SLOW state: cached orbit average plus quadrature
     * correction plus the predicted indirect change ({@link OrbitReuse#indirect}).
     */
    private void slowAverage(double t, double[] y, double[] out) {
        quadrature(t, y, out);
        corrected(t, y, out, out);
    }

    /** {@link #slowAverage} from the quadrature {@code q} at {@code y} (which may be {@code out}). */
    private void corrected(double t, double[] y, double[] q, double[] out) {
        slowOf(y);
        reuse.indirect(slowNow, t - orbitTime, indirectNow);
        for (int j = 0; j < slow.length; j++) {
            out[j] = average[j] + (q[j] - quad0[j]) + indirectNow[j];
        }
    }

    /** Every how many orbit samples the quadrature reads: each in the run-in, else every {@code samples / quadratureSamples}-th. */
    private int quadratureStride() {
        return model.course().stabilising() ? 1 : samples.length / settings.quadratureSamples();
    }

    /**
     * {@link #row} (an orbit sample) moved to {@code y}: its SLOW states set to {@code y}'s, its FAST
     * states where the orbit would be at that SLOW state, to first order ({@link AdiabaticResponse},
     * {@link #fastShift} as {@code response.shift(y, fastShift)} left it); a non-negative amount stays
     * so (the response is linear, the pools are not).
     */
    private void moveRowTo(double[] y) {
        for (int i : slow) {
            row[i] = y[i];
        }
        addFastShift(row);
    }

    /**
     * Mean of the SLOW derivatives over the cached orbit samples, with the SLOW part taken from {@code y}.
     * With the frozen milieu the {@link org.vascalc.physiology.model.MilieuAffine} blocks (the wall)
     * are evaluated once, at the samples' mean milieu and the drivers at their mean time: their rates
     * are affine in the milieu, so that is the mean of their rates but for the drivers' change within
     * the day (a day of age and eGFR course), whose effect on the mean is of second order.
     *
     * <p>Only the SLOW rows are evaluated ({@link AssembledModel#slowDerivatives}, the same rows as
     * the full call, SlowRatesTest). Outside the run-in the quadrature takes every second sample
     * ({@link FastSettings#quadratureSamples}, 6 of 12): it enters only as the difference from the
     * orbit's own quadrature {@link #quad0} on the same samples, whose sampling error largely cancels.
     * Measured on the benchmark decade against the quadrature on 24 samples (QuadratureSamplesRunner):
     * 12 samples 3.3e-5 (bone-mineral change), 6 samples 4.3e-4, 4 samples 1.6e-3; CKD G4 1.8e-3 with
     * 12 and with 6 (pth level). Against reference mode the agreement tests' worst levels moved by at
     * most 6e-5, but CKD G5 with carbonate from 1.6e-3 to 3.9e-3 (docs/performance-log.md, "quadcost").
     * Quadrature calls of the benchmark decade 5 726 -> 2 882. The run-in keeps all samples, so the
     * stabilised state every comparison starts from is unchanged. Every fourth sample (3) is as close to
     * the 12-sample difference as every second only where the day's doses are 12 h apart (8:00 and
     * 20:00: the integrand's dominant cycle is then 12 h, and 0, 8, 16 h fall on its phases 0, 8, 4 h,
     * those of the 6 samples); with the benchmark's 8:00 and 19:00 its error at the end of a reuse
     * interval was 2-3.5 times the 6 samples' (up to 0.68 of the reuse tolerance at eGFR 65), and
     * 4 samples were worse still (docs/performance-log.md, "quad3").
     */
    private void quadrature(double t, double[] y, double[] out) {
        averageOnSamples(t, y, null, 0, out, milieuMean, directSlow);
    }

    /** Whether the FAST dynamics at the orbit's start changed enough (SLOW states or drivers) to need a new orbit. */
    private boolean drifted(double t, double[] y) {
        double drift = reuse.controlled() ? settings.driftTolerance() : OrbitReuse.FIRST_DRIFT_TOLERANCE;
        System.arraycopy(samples[0], 0, row, 0, n);
        for (int i : slow) {
            row[i] = y[i];
        }
        if (model.course().stabilising()) {
            // In the run-in nothing else bounds an orbit's use within a chunk (no error control,
            // OrbitReuse.restart), so the guard measures what the orbit moved by its response to
            // the SLOW states does not explain: on the frozen samples it fired at nearly every SLOW
            // step of a CKD run-in's first two years (CKD G4: 382 k calls instead of 291 k, same
            // end state). In controlled runs the raw samples are kept: there the shifted guard
            // added orbits (reference decade 34 -> 50, CKD G4 57 -> 198; docs/performance.md).
            response.shift(y, fastShift);
            addFastShift(row);
        }
        // The change splits into the SLOW states' part (the moved sample at the orbit's drivers)
        // and the drivers' part. A FAST state that relaxes within minutes (PTH) follows a change of
        // its derivative only for its own relaxation time, so the SLOW part moves its orbit by
        // about the change times that time, not times the period (with the period the guard fired
        // at 10 % of PTH per day where PTH's orbit moved by 0.2-0.6 %); the drivers' part (the
        // falling eGFR of a CKD course) keeps the period, as the reuse control does not see it.
        // (FAST rows only: the SLOW ones are not read)
        model.fastRowDerivatives(orbitTime, row, fAtOrbitDrivers);
        model.fastRowDerivatives(t, row, f);
        for (int k = 0; k < fast.length; k++) {
            int i = fast[k];
            double change = Math.abs(fAtOrbitDrivers[i] - fastRate0[i]) * response.moveTime(k, orbitPeriod)
                    + Math.abs(f[i] - fAtOrbitDrivers[i]) * orbitPeriod;
            if (change > atol[i] + drift * Math.abs(orbitStart[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #drifted}'s measure (layercost's drift gate, {@link BiasProbe#GATE_DRIFT}; not in a stabilising run): the
     * largest FAST state's change in units of the guard's limit, {@code change / (atol + drift |orbitStart|)}, 1 the
     * guard's trip. The same arithmetic as {@link #drifted}, kept apart so that its comparison stays the same bits.
     */
    private double driftMeasure(double t, double[] y) {
        double drift = reuse.controlled() ? settings.driftTolerance() : OrbitReuse.FIRST_DRIFT_TOLERANCE;
        System.arraycopy(samples[0], 0, row, 0, n);
        for (int i : slow) {
            row[i] = y[i];
        }
        model.fastRowDerivatives(orbitTime, row, fAtOrbitDrivers);
        model.fastRowDerivatives(t, row, f);
        double worst = 0;
        for (int k = 0; k < fast.length; k++) {
            int i = fast[k];
            double change = Math.abs(fAtOrbitDrivers[i] - fastRate0[i]) * response.moveTime(k, orbitPeriod)
                    + Math.abs(f[i] - fAtOrbitDrivers[i]) * orbitPeriod;
            worst = Math.max(worst, change / (atol[i] + drift * Math.abs(orbitStart[i])));
        }
        return worst;
    }

    /**
     * Runs the FAST states to their periodic orbit at the current SLOW state. {@code sameRegimen}:
     * the last orbit belongs to the same schedule segment, so its start, moved with the SLOW states
     * ({@link OrbitStartGuess#adiabatic}) or extrapolated along the last orbits' drift ({@link OrbitStartGuess#extrapolate}),
     * whichever missed the last orbit by less, is the first guess.
     */
    private void computeOrbit(double t, double[] y, double period, boolean sameRegimen) {
        orbits++;
        orbitEndPhase = endPhase;
        if (reuse == null) {
            reuse = makeReuse(t, y);
        }
        boolean warm = orbitValid && orbitPeriod == period;
        boolean continued = warm && sameRegimen;
        rowSamples.prepare(plan, t, period, timeline.nextBoundary(t), samples.length);
        guessStart(t, y, warm, sameRegimen);
        orbitPeriod = period;
        if (frozen == null) {
            frozen = newFrozen();
        }
        Tolerances augmented = beginOrbit(t, period, continued);
        // The period loop alone here, its steps in small methods: this method runs a few times per
        // run, and with the loops of its set-up and finish inline it was compiled four times (three
        // OSR compiles of 1 374 bytecodes: docs/performance-log.md, "jitwork").
        boolean freshJacobians = true;
        boolean stepTaken = false;
        boolean correctedAverages = false;
        boolean fellBack = false;
        for (int k = 0; k < settings.maxOrbitPeriods(); k++) {
            long rejectedBefore = beginPeriod(freshJacobians);
            try {
                period(frozen, augmented, t, period);
            } catch (IntegrationException e) {
                // A period from a quasi-Newton step (k > 0) that diverges: once, the next period starts
                // from the last period's end instead (OrbitClosure#stepFailed). Runs that integrate are
                // untouched (this path only replaces a failure).
                if (k == 0 || fellBack) {
                    // no fallback: said as fast mode's limitation, not as a crash (review14)
                    throw new FastModeIntegrationException(t, e);
                }
                fellBack = true;
                periods++;
                closure.stepFailed();
                pinHeldStates();
                freshJacobians = true;
                continue;
            }
            periods++;
            // Stale Jacobians show as rejected steps: take fresh ones in the next period.
            freshJacobians = frozen.stats.rejectedSteps() > rejectedBefore && frozen.replaying();
            stepTaken = false;
            if (closure.closed()) {
                // The defect of a slowly contracting component (calcitriol, FGF23: 0.8-0.95 per
                // period) understates its distance from the orbit up to tenfold; a closed period is
                // kept only where the quasi-Newton step puts its end within a closure scale of the
                // orbit, else the next period starts from that step (docs/performance-log.md, "orbit start by response").
                closure.fromPeriod();
                stepTaken = true;
                if (closure.endError() <= OrbitClosure.ACCEPT_END_ERROR || !Double.isFinite(closure.endError())
                        || k + 1 >= settings.maxOrbitPeriods()) {
                    break;
                }
                startAtClosureStep();
                continue;
            }
            stepTaken = k + 1 < settings.maxOrbitPeriods();
            if (stepTaken && acceptPeriod(t, y, period, warm)) {
                if (closure.acceptedAtEstimate()) {
                    onOrbitEstimate(t, y, movesTaken);
                    correctedAverages = true;
                }
                break;
            }
        }
        takeOrbit(t, y, period, stepTaken, correctedAverages, continued);
        afterOrbit(t, y, continued);
    }

    /**
     * The orbit's start guess into {@code z}: {@code y}, with the last orbit's start where it is
     * {@code warm} (same period), extrapolated and moved with the SLOW states where the regimen is
     * the same ({@link #computeOrbit}).
     */
    private void guessStart(double t, double[] y, boolean warm, boolean sameRegimen) {
        if (!(warm && sameRegimen) || expired || model.course().stabilising()) {
            drift.reset();
        }
        System.arraycopy(y, 0, z, 0, n);
        if (warm) {
            for (int i : fast) {
                z[i] = orbitEstimate[i];
            }
        }
        if (warm && sameRegimen && startGuesses.hasTrend() && !expired) {
            startGuesses.extrapolate(t, orbitTime, orbitEstimate, z);
        }
        if (warm && sameRegimen) {
            startGuesses.adiabatic(y, orbitEstimate, expired, z, response, moveByResponse);
        }
        System.arraycopy(drift.rate(), 0, lagRateUsed, 0, fast.length);
        if (warm && sameRegimen && !expired) {
            startGuesses.pushTrend(orbitEstimate, orbitTime);
        } else {
            startGuesses.forgetTrend();
        }
    }

    /**
     * Layout indices of the closed vitamin K block's held (warfarin) states, or none: 0 throughout a run
     * without warfarin (first-order in themselves, no intake), so any value the start guesses give them
     * (the adiabatic response and the closure's quasi-Newton step solve the whole FAST system, whose
     * pivoting can leave roundoff of 1e-31 there) is set back to the exact 0 ({@link #pinHeldStates}).
     */
    private int[] heldZero = new int[0];

    /** The held states of the closed block back to their exact value 0 (see {@link #heldZero}). */
    private void pinHeldStates() {
        for (int i : heldZero) {
            z[i] = 0.0;
        }
    }

    /** The frozen system of the run's orbits, made at its first orbit. */
    private FrozenFastSystem newFrozen() {
        LinearBlockPropagator closedForm = closedForm();
        heldZero = closedForm == null ? new int[0] : heldStates(closedForm);
        closedBlock = closedForm;
        if (closedForm != null) {
            closedSlowPos = IntArrays.range(slow.length, j -> IntArrays.contains(closedForm.slowStates, slow[j]));
            closedSlowIntegral = new double[closedSlowPos.length];
            closedSlowRate = new double[closedSlowPos.length];
        }
        FrozenFastSystem made = new FrozenFastSystem(model, settings, orbitIntegrator, n, fast, slow, atol, directSlow,
                affineOwned, milieuSize, z, deferredOwned, drift, this::sampleWithin, closedForm, heldZero);
        made.lendFrom(arena);
        closure.closureScalesFor(atol, made);
        return made;
    }

    /**
     * The frozen system and the closure at the orbit's start; a new map ({@code continued} false)
     * is seeded. Returns the augmented system's tolerances.
     */
    private Tolerances beginOrbit(double t, double period, boolean continued) {
        frozen.invalidate();
        if (milieuSize > 0) {
            // The SLOW states and the drivers (at t) are fixed for the whole orbit, and with them the
            // affine blocks' coefficients.
            model.freezeMilieu(t, z);
        }
        pinHeldStates();
        frozen.beginOrbit(t);
        Tolerances augmented = frozen.tolerances(settings.integrationRelativeTolerance());
        if (!continued) {
            // A new map: its first estimate is exp(J T) with the FAST Jacobian at the start guess.
            frozen.jacobianAt(t, jacobianScratch);
            // (the run's first orbit starts at the stabilised state: its seed is the one kept)
            closure.seed(jacobianScratch, period, orbits == 1 ? seeds : null);
        }
        closure.beginOrbit();
        return augmented;
    }

    /** A period's start: its FAST start kept, the integrals zeroed. Returns the rejected steps so far. */
    private long beginPeriod(boolean freshJacobians) {
        for (int i : fast) {
            before[i] = z[i];
        }
        Arrays.fill(z, n, z.length, 0.0);
        frozen.beginIntegrals();
        long rejectedBefore = frozen.stats.rejectedSteps();
        frozen.beginPeriod(freshJacobians);
        return rejectedBefore;
    }

    /** The next period starts from the closure's quasi-Newton step. */
    private void startAtClosureStep() {
        double[] next = closure.next();
        for (int q = 0; q < fast.length; q++) {
            z[fast[q]] = next[q];
        }
        pinHeldStates();
    }

    /** The orbit's start, estimate and averages (moved where {@code correctedAverages}) from the last period. */
    private void takeOrbit(double t, double[] y, double period, boolean stepTaken, boolean correctedAverages,
                           boolean continued) {
        frozen.ownedAtPeriodEnd();
        System.arraycopy(z, 0, orbitStart, 0, n);
        closure.estimate(stepTaken, orbitEstimate);
        startGuesses.score(continued, y, orbitEstimate, expired);
        for (int j = 0; j < slow.length; j++) {
            average[j] = z[n + j] / period + (correctedAverages ? averageMove[j] : 0);
        }
        if (wall != null) {
            for (int k = 0; k < milieuSize; k++) {
                orbitMilieu[k] = z[n + slow.length + k] / period + (correctedAverages ? milieuMove[k] : 0);
            }
        }
        for (int i : fast) {
            y[i] = orbitStart[i];
        }
        orbitTime = t;
        expired = false;
    }

    /** What is kept with a new orbit: the response, the drift, the base quadrature, the diagonal, the wall's milieu. */
    private void afterOrbit(double t, double[] y, boolean continued) {
        response.update(t, samples, y);
        if (!model.course().stabilising()) {
            drift.orbitComputed(t, samples, response);
        }
        quadrature(t, y, quad0);
        frame++;
        System.arraycopy(quad0, 0, qBase, 0, slow.length);
        keepBase(t, y);
        diagonal(t, y, quad0, continued && !model.course().stabilising());
        if (wall != null) {
            // The samples' mean milieu at the orbit's own state, as the quadrature there left it
            // (kept with qBase): the diagonal's quadratures leave that of the last group they
            // perturbed, which was taken before (a milieu 1e-6-relative off, of whichever group
            // came last).
            System.arraycopy(baseMilieu, 0, milieuMean, 0, milieuSize);
            System.arraycopy(milieuMean, 0, milieu0, 0, milieuSize);
            wall.milieu(milieuMean, orbitMilieu, milieu0);
            wall.diagonal(affineTime(t), y, Math.min(settings.maxStepPeriods() * 24.0, runEnd), null);
            wallDiagTime = t;
        }
        System.arraycopy(samples[0], 0, row, 0, n);
        model.fastRowDerivatives(t, row, fastRate0); // read by drifted, FAST rows only
        orbitValid = true;
    }

    /**
     * A period accepted with its quasi-Newton estimate as the orbit's start
     * ({@link OrbitClosure#step(AdiabaticResponse, double)}, {@link #acceptPeriod}): its trajectory was on average
     * {@code dev} ({@link OrbitClosure#meanDeviation}) off the orbit. The SLOW averages are moved to
     * the orbit's to first order, by the quadrature on the period's samples moved by {@code -dev}
     * minus that on the samples as they are ({@link #averageMove}; the milieu's means alike,
     * {@link #milieuMove}, for the wall's rates, affine in them); the first sample becomes the estimate and the others (the end-phase one too) move by {@code -dev}, so that
     * their mean, which the drift of the lagging states is taken from ({@link OrbitDrift}), is the
     * orbit's. Measured against the period that would have verified the start (docs/performance-log.md,
     * "periods"): the moved averages were 0.001-0.03 flux tolerances ({@link OrbitReuse}'s scale) from
     * it where the unmoved were 0.03-0.27. Without the samples moved the drift took the trajectory's
     * mean for the orbit's, and the later orbits' start guesses missed by up to 42 scales
     * (CKD G4 carbonate year: 12 orbits instead of 15, osteoclasts 9.4e-3 from the reference).
     * The moves are {@link #movesToEstimate} (taken already where {@link #acceptPeriod} judged by them),
     * the samples' {@link #moveSamplesToEstimate}.
     */
    private void onOrbitEstimate(double t, double[] y, boolean movesTaken) {
        if (!movesTaken) {
            movesToEstimate(t, y);
        }
        moveSamplesToEstimate();
    }

    /**
     * Whether the open period just integrated is accepted (its step taken by the closure,
     * {@link OrbitClosure#step(AdiabaticResponse, double)}, with the last orbit's response where
     * {@code warm}, else with the seed's Jacobian): by the closure's own rules, or at its
     * quasi-Newton estimate where what that estimate changes in the period's SLOW averages is small
     * ({@link #smallMove}). Where accepted at the estimate the averages' moves ({@link #averageMove},
     * {@link #milieuMove}) are set ({@link #movesTaken}); the caller moves the samples.
     */
    private boolean acceptPeriod(double t, double[] y, double period, boolean warm) {
        movesTaken = false;
        if (closure.step(warm ? response : null, period)) {
            return true;
        }
        if (!closure.estimateCandidate()) {
            return false;
        }
        movesToEstimate(t, y);
        movesTaken = true;
        if (!smallMove(period, y, diag)) {
            // At a run's first orbit no SLOW diagonal is known (all 0: the floor rate 1/year):
            // the failing states' own entries on this period's samples, and the check again.
            if (diagKnown) {
                return false;
            }
            candidateDiagonal(t, y, period);
            if (!smallMove(period, y, candidateDiag)) {
                return false;
            }
        }
        closure.acceptAtEstimate();
        return true;
    }

    /**
     * At a run's first orbit (no SLOW diagonal known, {@link #diagKnown}, so {@link #smallMove} took
     * the floor rate {@code 1/year} for every state): the own-state entries of the averaged SLOW
     * Jacobian ({@link #candidateDiag}) of the states whose move failed that check, taken on the open
     * period's samples at {@code y} as {@link #diagonalOf} takes them on an accepted orbit's (each
     * state perturbed alone, the FAST samples moved by the orbit's response, which
     * {@link AdiabaticResponse#update} takes here on the same samples); the other entries stay 0 (the
     * floor). The check then judges each failing state's move by its own relaxation rate, as the reuse
     * control judges its error ({@link OrbitReuse}). Without it a state relaxing in two days
     * ({@code mineral.po4Icf}) had a scale ~100 times too small and the regimen's first orbit took a
     * third period only to verify averages the move had already put within 0.09 flux tolerances of
     * the verified ones (docs/performance-log.md, "coldorbit2"). The orbit's own response and
     * diagonal are taken after it as before ({@link #afterOrbit}).
     */
    private void candidateDiagonal(double t, double[] y, double period) {
        Arrays.fill(candidateDiag, 0.0);
        response.update(t, samples, y);
        if (movedBaseUnshifted && (wall != null || milieuSize == 0) && unshiftedAt(y)) {
            // The samples, t and y of movesToEstimate's unmoved quadrature (just taken by acceptPeriod),
            // and neither shift moves a FAST state (no response before this one, and this one is
            // taken at y): the same rows, so the same sums (with the wall on its own step or without
            // a milieu the quadrature leaves nothing else behind).
            System.arraycopy(movedScratch, 0, candidateBase, 0, slow.length);
        } else {
            candidateQuadrature(t, y, candidateBase, directSlow);
        }
        System.arraycopy(y, 0, w, 0, n);
        for (int j : moveChecked) {
            if (withinMove(j, period, y, 0.0)) {
                continue;
            }
            int i = slow[j];
            w[i] = y[i] + diagonalIncrement(y, i);
            oneRow[0] = j;
            candidateQuadrature(t, w, quadScratch, oneRow);
            candidateDiag[j] = (quadScratch[j] - candidateBase[j]) / (w[i] - y[i]);
            w[i] = y[i];
        }
    }

    /** Whether the response moves no FAST state at {@code y} (every {@link #fastShift} entry +0 after its shift). */
    private boolean unshiftedAt(double[] y) {
        response.shift(y, fastShift);
        return allPositiveZero(fastShift, fast.length);
    }

    private static boolean allPositiveZero(double[] a, int length) {
        for (int k = 0; k < length; k++) {
            if (Double.doubleToRawLongBits(a[k]) != 0L) {
                return false;
            }
        }
        return true;
    }

    /**
     * The SLOW rows' quadrature at {@code at}, as {@link #diagonalOf} takes it for a group that is not
     * affine-only, summing {@code rows} (positions in {@link #slow}, among {@link #directSlow}) only.
     */
    private void candidateQuadrature(double t, double[] at, double[] out, int[] rows) {
        averageOnSamples(t, at, null, 0, out, wall != null ? null : milieuMean, rows);
    }

    /**
     * Largest first-order move of the period's SLOW averages to the orbit's ({@link #averageMove}), in
     * the reuse control's flux tolerances ({@link OrbitReuse}: {@code tol (|average| + kappa |y|) + kappa atol},
     * {@code kappa = max(-diag, 1/year)} with the last orbit's SLOW diagonal; at a run's first orbit,
     * where none is known, the floor and, for the states that fail with it, their entries on the
     * period's own samples, {@link #candidateDiagonal}) at which a period whose start was refused as too far from
     * the orbit ({@link OrbitClosure#ACCEPT_START_ERROR} on its mean distance) is accepted at its
     * quasi-Newton estimate all the same, with its averages moved. What the start's distance costs
     * is what the SLOW states see of it, the averages; the first-order move removed 93-99 % of their
     * difference from the orbit's over the benchmark decade's refused periods (the regimen's first
     * orbit's second period: 1.81 flux tolerances unmoved, 0.074 moved; the days-60 and -97 orbits' first
     * periods 1.07 / 0.038 and 0.76 / 0.017; the run-in's first orbit's first period 23.8 / 0.26), so
     * a move within 2 leaves ~0.15 at most, below the ~0.16-0.27 the closure's own rule accepts unmoved
     * and far below the reuse control's budget of 1 (docs/performance-log.md, "coldorbit"). Over the
     * benchmark decade, its eGFR-65 and CKD G4 versions and 24 new cohort members (`coldorbit2`) the
     * moved averages of refused periods within {@link OrbitClosure#ESTIMATE_START_MEASURED} were 1-7 %
     * of the unmoved distance from the verified orbit's (simulation/README.md, "the error an
     * acceptance at the estimate leaves").
     */
    static final double ACCEPT_MOVE = 2;
    /** Whether {@link #acceptPeriod} took the moves of the last period's averages ({@link #movesToEstimate}). */
    private boolean movesTaken;

    /**
     * Whether the move to the estimate ({@link #averageMove}) of every SLOW average that the
     * quadrature on the samples gives with and without the frozen milieu ({@link #moveChecked}) is
     * within {@link #ACCEPT_MOVE} flux tolerances, with the SLOW diagonal {@code d} (the last orbit's
     * {@link #diag}, or {@link #candidateDiag}).
     */
    private boolean smallMove(double period, double[] y, double[] d) {
        for (int j : moveChecked) {
            if (!withinMove(j, period, y, d[j])) {
                return false;
            }
        }
        return true;
    }

    /** Whether SLOW average {@code j}'s move is within {@link #ACCEPT_MOVE} flux tolerances, with its diagonal entry {@code d}. */
    private boolean withinMove(int j, double period, double[] y, double d) {
        double average = z[n + j] / period;
        double kappa = DoubleOrder.max(-DoubleOrder.min(d, 0), 1 / OrbitReuse.HORIZON_HOURS);
        double scale = slowAtol[j] * kappa
                + settings.fluxTolerance() * (Math.abs(average) + kappa * Math.abs(y[slow[j]]));
        return Math.abs(averageMove[j]) <= ACCEPT_MOVE * scale;
    }

    /** The SLOW averages' and the milieu's moves to the orbit's for the closure's mean distance ({@link #onOrbitEstimate}). */
    private void movesToEstimate(double t, double[] y) {
        double[] dev = closure.meanDeviation();
        averageOnSamples(t, y, dev, 0, movedScratch, milieuMove, directSlow);
        // (fastShift as that call left it; checked here, not in every quadrature)
        movedBaseUnshifted = allPositiveZero(fastShift, fast.length);
        averageOnSamples(t, y, dev, -1, averageMove, milieuMoved, directSlow);
        // (the owned integrals in z are completed only after the period loop: the moves are added then)
        for (int j = 0; j < slow.length; j++) {
            averageMove[j] -= movedScratch[j];
        }
        for (int k = 0; k < milieuSize; k++) {
            milieuMove[k] = milieuMoved[k] - milieuMove[k];
        }
    }

    /** The samples moved to the orbit's estimate by the closure's mean distance ({@link #onOrbitEstimate}). */
    private void moveSamplesToEstimate() {
        double[] dev = closure.meanDeviation();
        for (int i : fast) {
            samples[0][i] = z[i];
        }
        for (int m = 1; m < samples.length; m++) {
            for (int q = 0; q < fast.length; q++) {
                int i = fast[q];
                double v = samples[m][i] - dev[q];
                samples[m][i] = samples[m][i] >= 0 ? atLeast(v, 0) : v;
            }
        }
        if (Double.isFinite(orbitEndPhase)) {
            for (int q = 0; q < fast.length; q++) {
                int i = fast[q];
                double v = endSample[i] - dev[q];
                endSample[i] = endSample[i] >= 0 ? atLeast(v, 0) : v;
            }
        }
        rowSamples.move(fast, dev);
    }

    /**
     * Mean of the SLOW derivatives over the period's samples at the SLOW state {@code y}, their FAST
     * part moved by the last orbit's response to {@code y} ({@link AdiabaticResponse#shift}) plus
     * {@code sign * dev} (none where {@code dev} is null: {@link #quadrature}), into {@code out}, and
     * the milieu's mean into {@code milieu}. The affine blocks' own rows are 0 in the samples' calls
     * and added once, at the samples' mean time. Only the rows {@code rows} (positions in {@link #slow},
     * among {@link #directSlow}) are summed, the others of {@code out} left 0: a diagonal group's
     * quadrature is read in its own rows only (one of 18 for a state perturbed alone), and each row's
     * sum is the same operations on the same values whichever others are summed.
     */
    private void averageOnSamples(double t, double[] y, double[] dev, double sign, double[] out, double[] milieu,
                                  int[] rows) {
        Arrays.fill(out, 0, slow.length, 0.0);
        if (milieu != null) {
            Arrays.fill(milieu, 0.0);
        }
        double dt = orbitPeriod / samples.length;
        response.shift(y, fastShift);
        if (dev != null) {
            for (int k = 0; k < fast.length; k++) {
                fastShift[k] += sign * dev[k];
            }
        }
        int stride = quadratureStride();
        int count = (samples.length + stride - 1) / stride;
        readRowBase(y);
        for (int m = 0; m < samples.length; m += stride) {
            moveReadFastTo(samples[m]);
            if (milieuSize > 0) {
                if (milieu == null) {
                    model.plainSlowRowsOfDiagonal(t + m * dt, row, f);
                } else {
                    model.plainSlowDerivatives(t + m * dt, row, f, milieuSample);
                    for (int k = 0; k < milieuSize; k++) {
                        milieu[k] += milieuSample[k] / count;
                    }
                }
            } else {
                model.slowDerivatives(t + m * dt, row, f);
            }
            for (int j : rows) {
                out[j] += f[slow[j]] / count;
            }
        }
        if (milieuSize > 0 && wall == null) {
            Arrays.fill(f, 0.0);
            model.addAffineRates(t + 0.5 * (count - 1) * stride * dt, y, milieu, f);
            for (int j = 0; j < slow.length; j++) {
                out[j] += f[slow[j]];
            }
        }
    }

    /**
     * {@link #row} before a quadrature's sample loop: the first sample with the read SLOW states
     * ({@link #directSlow}) set to {@code y}'s, which are the same for every sample. Each sample then
     * sets only the FAST states ({@link #moveReadFastTo}): the entries left are the affine blocks' own
     * SLOW states (the wall's 44 of 62), which neither the other blocks nor the milieu read
     * (AffineDiagonalTest; the affine blocks' own rates are taken at {@code y} itself), so the calls
     * see the bits of a copy of each sample moved to {@code y} ({@link #moveRowTo}). One copy of
     * the state per quadrature, was one per sample.
     */
    private void readRowBase(double[] y) {
        System.arraycopy(samples[0], 0, row, 0, n);
        for (int j : directSlow) {
            int i = slow[j];
            row[i] = y[i];
        }
    }

    /** {@link #row}'s FAST states: {@code sample}'s moved by {@link #fastShift}, as {@link #addFastShift} on a copy of it. */
    private void moveReadFastTo(double[] sample) {
        for (int k = 0; k < fast.length; k++) {
            int i = fast[k];
            double s = sample[i];
            double v = s + fastShift[k];
            row[i] = clamped(s, v);
        }
    }

    /**
     * {@code s >= 0 ? Math.max(0, v) : v} (a non-negative amount stays so), the same bits (a NaN {@code v}
     * itself, +0 for -0), with the common case (v positive) first: a predictable branch instead of
     * the intrinsic's NaN and signed-zero handling at every FAST state of every quadrature sample.
     */
    private static double clamped(double s, double v) {
        return v > 0 || v != v || !(s >= 0) ? v : 0.0;
    }

    /**
     * Own-state sensitivity of the averaged SLOW derivatives at {@code y}, by finite differences on
     * the orbit samples; {@code base} is the quadrature at {@code y}. SLOW states that do not enter
     * each other's derivatives are perturbed together. After the first orbit, groups whose entries
     * are all non-stiff ({@link #NON_STIFF}) keep them; on an orbit that continues the last one's
     * regimen ({@code continued}) so do the groups whose entries are still valid ({@link #stillValid}).
     */
    private void diagonal(double t, double[] y, double[] base, boolean continued) {
        if (diagGroups == null) {
            slowReads = SlowCouplingProbe.reads(model, slow, atol, samples[0], t, y);
            diagGroups = SlowCouplingProbe.groups(slowReads, response);
            groupTime = arena.doubles(diagGroups.length);
            groupSlow = arena.doubles(diagGroups.length, slow.length);
            groupFast = arena.doubles(diagGroups.length, fast.length);
            groupResponse = arena.doubles(diagGroups.length, fast.length);
            fastMean = arena.doubles(fast.length);
            responseNow = arena.doubles(fast.length);
            groupRows = new int[diagGroups.length][];
            boolean[] direct = new boolean[slow.length];
            for (int j : directSlow) {
                direct[j] = true;
            }
            for (int g = 0; g < diagGroups.length; g++) {
                for (int j : diagGroups[g]) {
                    groupOf[j] = g;
                }
                int[] group = diagGroups[g];
                groupRows[g] = IntArrays.range(group.length, q -> direct[group[q]]);
                for (int q = 0; q < groupRows[g].length; q++) {
                    groupRows[g][q] = group[groupRows[g][q]];
                }
            }
        }
        // Groups whose entries were all non-stiff keep them (see NON_STIFF); the first diagonal is complete.
        boolean first = !diagKnown;
        diagKnown = true;
        // No step is longer than the run (the stabiliser's 30-day chunks, whose diagonal stays as
        // with the 32-day steps before; the 128-day cap refreshed 168 more calls' worth of entries
        // in a reference adult's run-in).
        double longest = Math.min(settings.maxStepPeriods() * 24.0, runEnd);
        for (int j = 0; j < slow.length; j++) {
            failed[j] = first || -Math.min(diag[j], 0) * longest >= NON_STIFF;
        }
        orbitFastMean();
        if (continued && !first) {
            for (int g = 0; g < diagGroups.length; g++) {
                if (stillValid(g, y)) {
                    for (int j : diagGroups[g]) {
                        failed[j] = false;
                    }
                }
            }
        }
        diagonalOf(t, y, base, Double.NaN);
    }

    /**
     * The share of the drift guard's fraction ({@link FastSettings#driftTolerance}) by which what a
     * diagonal group's entries are a function of may have moved at a new orbit for them to be kept
     * ({@link #stillValid}). A kept entry serves until the next orbit, over which its arguments move on
     * by about as much as over the last interval (the reuse control's intervals change by at most
     * twofold, the SLOW states' rates slowly); half the fraction at the check keeps them within the
     * whole fraction where they are used. Measured (docs/performance-log.md, `staldiag`): with the
     * whole fraction at the check, CKD G4 binder year osteoclasts 9.00e-3 of reference (main 8.49e-3);
     * with half, 8.49e-3. The entries' own relative change per relative move of their arguments was
     * 0.4-0.9 (osteoclasts, carboxylated MGP), so the fraction bounds the entries' error too, except
     * where a rate law switches branch (the intracellular phosphate entry jumps by 30 % at a 6 % move).
     */
    static final double VALID_MOVE_SHARE = 0.5;

    /**
     * The relative move, since a diagonal group's entries were taken, of what they are a function of
     * beyond which they are taken again at a new orbit. A member's entry {@code d_r} is the change of
     * its row's quadrature on the orbit samples when its state is moved (with the group's others, which
     * its row does not read): a function of the SLOW states its row reads directly
     * ({@link #slowReads}, probed with the FAST part held; its own state where the entry is non-zero),
     * of the samples (their mean FAST states, which also carry the drivers' course: a falling eGFR
     * moves them without any SLOW state), and, for a member that moves the FAST samples (alone in its
     * group), of how far it moves them: the response's column ({@link AdiabaticResponse#column}), held
     * to the fraction above the change that moves a sample by less than its absolute tolerance at the
     * entry's increment. A SLOW state that moves the samples but that the row does not read directly
     * reaches the entry only through the samples, which the mean FAST states check. The fraction is the
     * drift guard's ({@link FastSettings#driftTolerance}, {@link #drifted}; its share
     * {@link #VALID_MOVE_SHARE} at the check): an orbit is trusted until the FAST
     * dynamics it was taken on moved by that fraction; its averages' derivatives by the SLOW states,
     * taken on the same samples, are held to the same trust. What a stale entry moves is bounded in
     * the same fraction: the reuse control's flux scale ({@link OrbitReuse}: {@code kappa} enters it
     * linearly, so by at most the entry's relative error, and the interval by half of it), and in the
     * SLOW step only the linear part, to which the exponential step is exact to first order in
     * {@code h l} where it is small and whose failure where it is not shows as a rejected step, which
     * refreshes the failed states' groups ({@link #refreshFailedGroups}).
     */
    private boolean stillValid(int g, double[] y) {
        double tolerance = VALID_MOVE_SHARE * settings.driftTolerance();
        double[] kept = groupSlow[g];
        for (int r : diagGroups[g]) {
            boolean[] reads = slowReads[r];
            for (int j = 0; j < slow.length; j++) {
                if ((reads[j] || j == r && diag[r] != 0) && moved(y[slow[j]], kept[j], atol[slow[j]], tolerance)) {
                    return false;
                }
            }
        }
        double[] keptFast = groupFast[g];
        for (int k = 0; k < fast.length; k++) {
            if (moved(fastMean[k], keptFast[k], atol[fast[k]], tolerance)) {
                return false;
            }
        }
        int mover = movingMember(g);
        if (mover >= 0) {
            double[] now = responseNow;
            response.column(mover, now);
            double increment = diagonalIncrement(y, slow[mover]);
            double[] then = groupResponse[g];
            for (int k = 0; k < fast.length; k++) {
                if (moved(now[k], then[k], atol[fast[k]] / increment, tolerance)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Scratch for {@link #stillValid}: the response's column now. */
    private double[] responseNow;

    /** The member of group {@code g} that moves the FAST samples ({@link #enteringMask}), or -1. */
    private int movingMember(int g) {
        boolean[] entering = enteringMask();
        for (int j : diagGroups[g]) {
            if (entering[j]) {
                return j;
            }
        }
        return -1;
    }

    /** The response's column of group {@code g}'s member that moves the FAST samples into {@code out} (zeros if none). */
    private void movingColumn(int g, double[] out) {
        int mover = movingMember(g);
        if (mover >= 0) {
            response.column(mover, out);
        } else {
            java.util.Arrays.fill(out, 0.0);
        }
    }

    private static boolean moved(double now, double then, double atol, double tolerance) {
        return !(Math.abs(now - then) <= atol + tolerance * Math.abs(then));
    }

    /** The orbit samples' mean FAST states into {@link #fastMean}. */
    private void orbitFastMean() {
        for (int k = 0; k < fast.length; k++) {
            int i = fast[k];
            double sum = 0;
            for (double[] sample : samples) {
                sum += sample[i];
            }
            fastMean[k] = sum / samples.length;
        }
    }

    /**
     * The diagonal entries of the groups holding a {@link #failed} state and not yet evaluated at
     * {@code t} (their {@link #groupTime}); {@code base} is the quadrature at {@code y}.
     */
    private void diagonalOf(double t, double[] y, double[] base, double freshAt) {
        System.arraycopy(y, 0, w, 0, n);
        for (int g = 0; g < diagGroups.length; g++) {
            int[] group = diagGroups[g];
            boolean due = false;
            for (int j : group) {
                due |= failed[j];
            }
            if (!due || groupTime[g] == freshAt) {
                continue;
            }
            groupTime[g] = t;
            for (int j = 0; j < slow.length; j++) {
                groupSlow[g][j] = y[slow[j]];
            }
            System.arraycopy(fastMean, 0, groupFast[g], 0, fast.length);
            movingColumn(g, groupResponse[g]);
            for (int j : group) {
                int i = slow[j];
                w[i] = y[i] + diagonalIncrement(y, i);
            }
            if (affineOnly(group)) {
                quadratureMilieu(t, y);
                affineQuadrature(t, w, group, quadScratch);
            } else if (wall != null) {
                // Only the group's rows are read: the samples' mean milieu (which the wall's own
                // step takes from the step's quadratures, never from these) is not formed.
                averageOnSamples(t, w, null, 0, quadScratch, null, groupRows[g]);
            } else {
                averageOnSamples(t, w, null, 0, quadScratch, milieuMean, groupRows[g]);
            }
            for (int j : group) {
                int i = slow[j];
                diag[j] = (quadScratch[j] - base[j]) / (w[i] - y[i]);
                w[i] = y[i];
            }
        }
    }

    /** {@link AdiabaticResponse#entering()} as last seen, and as a mask over {@link #slow}. */
    private int[] enteringSeen;
    private boolean[] enteringMask;

    /**
     * Whether every member of {@code group} is a SLOW state of a
     * {@link org.vascalc.physiology.model.MilieuAffine} block (the wall) that moves no FAST sample
     * ({@link AdiabaticResponse} keeps no column for it). Moving only such states changes
     * {@link #quadrature} in their own rows alone, and there only through the block's one call at
     * the samples' mean milieu: the samples' rows, the other blocks' rates (which do not read the
     * wall's states) and the milieu (the FAST states and the drivers) are the same bits. So their
     * diagonal quadrature is that one call ({@link #affineQuadrature}) and not six evaluations of the
     * SLOW rows; the entries are the same bits (AffineDiagonalTest).
     */
    private boolean affineOnly(int[] group) {
        if (milieuSize == 0) {
            return false;
        }
        boolean[] entering = enteringMask();
        for (int j : group) {
            if (!model.ownedByAffine(slow[j]) || entering[j]) {
                return false;
            }
        }
        return true;
    }

    /** {@link AdiabaticResponse#entering()} as a mask over {@link #slow} (made again only when the response's set changes). */
    private boolean[] enteringMask() {
        int[] entering = response.entering();
        if (entering != enteringSeen) {
            enteringSeen = entering;
            enteringMask = new boolean[slow.length];
            for (int j : entering) {
                enteringMask[j] = true;
            }
        }
        return enteringMask;
    }

    /**
     * Whether refreshing SLOW state {@code j}'s diagonal entry cannot change it: its entry was exactly 0
     * when last taken (its quadrature did not move at all when the state was moved: no row reads it,
     * as for the cumulative counters) and it moves no FAST sample, not a state of an affine block
     * (whose own step judges it). A SLOW step that failed in such a state is not failing for a stale
     * linear part: at a single period, where it cannot be shortened, it is accepted as the retry after
     * a refresh was (the benchmark decade's urine calcium counter at days 1 and 2, its level still
     * near its start at 0, 18 calls each: the refresh of its group and the same step again, accepted
     * then with the same error); a longer step is still rejected and shortened, without that refresh.
     * Should the row read the state in a branch the last difference did not see, the entry is taken
     * again at the next orbit, as a non-stiff entry kept across orbits ({@link #NON_STIFF}) is.
     */
    private boolean nothingToRefresh(int j) {
        return Double.doubleToRawLongBits(diag[j]) == 0L && !enteringMask()[j] && !model.ownedByAffine(slow[j]);
    }

    /** {@link #milieuMean} as {@link #quadrature} at {@code y} leaves it, without the SLOW rows' calls. */
    private void quadratureMilieu(double t, double[] y) {
        double dt = orbitPeriod / samples.length;
        response.shift(y, fastShift);
        Arrays.fill(milieuMean, 0.0);
        int stride = quadratureStride();
        int count = (samples.length + stride - 1) / stride;
        readRowBase(y);
        for (int m = 0; m < samples.length; m += stride) {
            moveReadFastTo(samples[m]);
            model.milieu(t + m * dt, row, milieuSample);
            for (int k = 0; k < milieuSize; k++) {
                milieuMean[k] += milieuSample[k] / count;
            }
        }
    }

    /**
     * The rows of {@code group} (affine-owned, see {@link #affineOnly}) of {@link #quadrature} at
     * {@code w}, from {@link #milieuMean} at the unmoved state: the same operations on the same bits.
     */
    private void affineQuadrature(double t, double[] w, int[] group, double[] out) {
        double dt = orbitPeriod / samples.length;
        int stride = quadratureStride();
        int count = (samples.length + stride - 1) / stride;
        Arrays.fill(f, 0.0);
        model.addAffineRates(t + 0.5 * (count - 1) * stride * dt, w, milieuMean, f);
        for (int j : group) {
            out[j] = 0.0;
            out[j] += f[slow[j]];
        }
    }

    /**
     * After a rejected step: the diagonal at the current SLOW state (the step's start, whose
     * quadrature is {@link #qBase}), for the groups of the states whose correction failed. The
     * orbit's diagonal goes stale where one SLOW state sets another's stiffness (tissue vitamin K
     * the carboxylated MGP fraction's); the failed state's own group holds its entry. Refreshing all
     * groups at every rejection, before, cost 14 quadratures where one or two were due.
     */
    private void refreshFailedGroups(double t, double[] y) {
        for (int j = 0; j < slow.length; j++) {
            failed[j] &= !nothingToRefresh(j);
        }
        diagonalOf(t, y, qBase, t);
    }

    private double diagonalIncrement(double[] y, int i) {
        return 1e-6 * Math.abs(y[i]) + 10 * atol[i];
    }

    /**
     * One period of the frozen system from {@code z}, applying intakes and storing samples. The
     * solver stops only at intakes and at the period's end; the samples between are taken from its
     * continuous extension (they feed the quadrature correction, whose difference form cancels
     * their interpolation error to first order, and the FAST values of recorded rows).
     */
    private void period(FrozenFastSystem frozen, Tolerances augmented, double t0, double period) {
        int i = timeline.firstAtOrAfter(t0);
        sampleStart = t0;
        sampleStep = period / samples.length;
        sampleNext = 0;
        rowSamples.beginPeriod();
        endTaken = !Double.isFinite(orbitEndPhase);
        double t = t0;
        double end = t0 + period;
        boolean jumped = true;
        while (true) {
            if (!endTaken && t0 + orbitEndPhase <= t + 1e-9) {
                // The end phase at a stop (an intake there, applied after: it belongs to the next piece).
                System.arraycopy(z, n, endIntegrals, 0, slow.length);
                if (deferredOwned != null) {
                    frozen.deferOwned(samples.length, t > t0 ? frozen.pieceTau : 0);
                }
                System.arraycopy(z, 0, endSample, 0, n);
                endTaken = true;
            }
            while (sampleNext < samples.length && t0 + sampleNext * sampleStep <= t + 1e-9) {
                System.arraycopy(z, n, sampleIntegrals[sampleNext], 0, slow.length);
                if (deferredOwned != null) {
                    // z's owned integrals are not kept up to date within the period (FrozenFastSystem.ownedAtPeriodEnd)
                    frozen.deferOwned(sampleNext, t > t0 ? frozen.pieceTau : 0);
                }
                System.arraycopy(z, 0, samples[sampleNext++], 0, n);
            }
            while (rowSamples.nextAtOrBefore(t0, t)) {
                System.arraycopy(z, 0, rowSamples.takeNext(), 0, n);
            }
            while (i < timeline.size() && timeline.time(i) <= t + 1e-9 && timeline.time(i) < end - 1e-9) {
                applyFrozen(timeline.intake(i++));
                jumped = true;
            }
            if (t >= end - 1e-9) {
                return;
            }
            double next = end;
            if (i < timeline.size()) {
                next = Math.min(next, timeline.time(i));
            }
            frozen.integratePiece(augmented, t0, t, next, jumped);
            jumped = false;
            t = next;
        }
    }

    /**
     * Samples strictly inside the step from {@code stepStart} to {@code t} that just ended, from the
     * solver's continuous extension. A sample within 1e-9 h of a step's end is taken from the next
     * step, at that step's start: the step ends are sums of step sizes, off the sample grid by
     * rounding where the sizes are not binary fractions (an orbit step cap of 0.4 h put 1446.0
     * at 1446.0000000000014, before the next step's start; the solver's dense output allows a few ulps).
     * The end-phase sample ({@link #endSample}), where the orbit has one, is taken in time order
     * among them.
     */
    private void sampleWithin(double stepStart, double t) {
        if (!endTaken && sampleStart + orbitEndPhase < t - 1e-9) {
            // The samples before the end phase, then the end-phase sample ({@link #endSample}).
            while (sampleNext < samples.length && sampleStart + sampleNext * sampleStep < sampleStart + orbitEndPhase) {
                rowSamplesBefore(sampleStart + sampleNext * sampleStep, stepStart);
                sampleAt(stepStart);
            }
            rowSamplesBefore(sampleStart + orbitEndPhase, stepStart);
            double ts = DoubleOrder.max(stepStart, sampleStart + orbitEndPhase);
            double[] interpolated = frozen.interpolationBuffer();
            orbitIntegrator.interpolate(ts, interpolated);
            System.arraycopy(z, 0, endSample, 0, n);
            frozen.sampleState(ts, interpolated, endSample);
            if (settings.stageQuadrature()) {
                frozen.sampleIntegrals(samples.length, orbitEndPhase, interpolated, frozen.integratedFast(), endIntegrals);
            }
            endTaken = true;
        }
        while (sampleNext < samples.length && sampleStart + sampleNext * sampleStep < t - 1e-9) {
            rowSamplesBefore(sampleStart + sampleNext * sampleStep, stepStart);
            sampleAt(stepStart);
        }
        rowSamplesBefore(t - 1e-9, stepStart);
    }

    /**
     * The orbit's states at the rows' phases ({@link #rowSamples}) before {@code limit}, inside the
     * step that started at {@code stepStart}, from the solver's continuous extension as the samples
     * are ({@link #sampleAt}); taken in time order among the samples, before each of them, because
     * the closed block marches from sample to sample ({@link FrozenFastSystem#rowState} reads it at
     * the row's time without advancing it).
     */
    private void rowSamplesBefore(double limit, double stepStart) {
        while (rowSamples.nextBefore(sampleStart, limit)) {
            double ts = DoubleOrder.max(stepStart, sampleStart + rowSamples.nextPhase());
            double[] s = rowSamples.takeNext();
            System.arraycopy(z, 0, s, 0, n);
            double[] interpolated = frozen.interpolationBuffer();
            orbitIntegrator.interpolate(ts, interpolated);
            frozen.rowState(ts, interpolated, s);
        }
    }

    /** The next sample ({@link #sampleWithin}), inside the step that started at {@code stepStart}. */
    private void sampleAt(double stepStart) {
        double[] s = samples[sampleNext++];
        System.arraycopy(z, 0, s, 0, n);
        double ts = DoubleOrder.max(stepStart, sampleStart + (sampleNext - 1) * sampleStep);
        double[] interpolated = frozen.interpolationBuffer();
        orbitIntegrator.interpolate(ts, interpolated);
        frozen.sampleState(ts, interpolated, s);
        if (settings.stageQuadrature()) {
            frozen.sampleIntegrals(sampleNext - 1, (sampleNext - 1) * sampleStep, interpolated, frozen.integratedFast(),
                    sampleIntegrals[sampleNext - 1]);
        }
    }

    /**
     * The vitamin K block in closed form over the orbits ({@link LinearBlockPropagator}), or null:
     * when the settings allow it, with the stage quadrature, and when the block is affine over every
     * orbit of the run: warfarin-free at the start and no warfarin intake in the run (warfarin makes
     * the block nonlinear; such runs keep the block in the integrated orbit system).
     */
    private LinearBlockPropagator closedForm() {
        if (!settings.closedFormVitaminK() || !settings.stageQuadrature()) {
            return null;
        }
        for (org.vascalc.physiology.model.Block b : model.blocks()) {
            if (b instanceof org.vascalc.physiology.vitamink.VitaminKBlock vk && vk.warfarinFree(z)
                    && !timeline.has(org.vascalc.physiology.model.Intake.Kind.WARFARIN)) {
                int[] held = vk.warfarinIndices();
                int off = model.layout().offset(vk.id());
                int size = vk.variables().size();
                int[] states = IntArrays.filter(fast, i -> i >= off && i < off + size && !IntArrays.contains(held, i));
                int[] slowStates = IntArrays.filter(slow, i -> i >= off && i < off + size);
                return new LinearBlockPropagator(model, vk, states, slowStates);
            }
        }
        return null;
    }

    /** The closed block's FAST states that are not propagated (the warfarin states, 0 throughout). */
    private int[] heldStates(LinearBlockPropagator closedForm) {
        var vk = (org.vascalc.physiology.vitamink.VitaminKBlock) closedForm.block();
        return IntArrays.filter(vk.warfarinIndices(), i -> IntArrays.contains(fast, i));
    }

    /** An intake's jumps of SLOW states (cumulative counters) go to the accumulators, not the frozen states. */
    private void applyFrozen(org.vascalc.physiology.model.Intake intake) {
        for (int j = 0; j < slow.length; j++) {
            before[slow[j]] = z[slow[j]];
        }
        model.applyIntake(intake, z);
        for (int j = 0; j < slow.length; j++) {
            int s = slow[j];
            z[n + j] += z[s] - before[s];
            frozen.jumped(j, z[s] - before[s]);
            z[s] = before[s];
        }
    }
}
