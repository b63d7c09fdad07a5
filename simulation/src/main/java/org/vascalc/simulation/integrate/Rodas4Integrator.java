package org.vascalc.simulation.integrate;

import org.vascalc.physiology.numeric.DoubleOrder;

import static org.vascalc.core.input.ValidRange.fmt;
import static org.vascalc.physiology.numeric.DoubleOrder.atLeast;

/**
 * Embedded 4(3) Rosenbrock integrator for stiff systems: RODASP (Steinebach 1995, the default) or
 * RODAS4 (Hairer &amp; Wanner 1996, Section IV.7), both six-stage, L-stable and stiffly accurate. Each step
 * evaluates the Jacobian once (analytic from {@link OdeSystem#jacobian} or forward differences),
 * decomposes {@code I/(h gamma) - J} once and solves six linear systems; no Newton iteration, so a
 * step either works or is rejected with a smaller step.
 *
 * <p>With the W-method ROS34PW2 (Rang &amp; Angermann 2005; four stages, order 3, embedded order 2) the
 * Jacobian is not recomputed per step: any matrix keeps the method's order, so the one in hand
 * serves following steps, and following calls on the same system, until the error estimate says
 * it no longer damps the stiff modes: a step rejected, or an accepted step after which the
 * controller shrinks the step size, each with a Jacobian from an earlier step. The next step then
 * starts with a fresh one. With the Jacobian kept, the LU of {@code I/(h gamma) - J} depends on h
 * only: step sizes are rounded down to a geometric grid and the LUs kept per grid step, so the
 * repeating step sizes of a periodic solution find theirs decomposed already; so are the stage
 * weights {@code c_ij / h}. A step off the grid (a call's last step, cut to land on its end) solves
 * with the LU of the grid step below it, which is the same W-method with a shifted matrix
 * ({@link #offGridStep}).
 * {@link #discardJacobian()} forces a fresh Jacobian.
 *
 * <p>Error control: the embedded solution (order 3; order 2 for ROS34PW2) gives {@code err = rms(e_i /
 * (atol_i + rtol max(|y_i|, |y1_i|)))}; a step is accepted when {@code err <= 1}. The next step uses the
 * standard controller {@code h err^(-1/(q+1)) safety} (q the embedded order: -1/4, or -1/3 for ROS34PW2),
 * bounded by the step-ratio limits, combined after accepted steps with
 * Gustafsson's predictive controller (Gustafsson 1994; HW 1996, Section IV.8), as in the authors' code.
 *
 * <p>One class of about 550 lines because the step loop, the Jacobian, the starting step and the
 * dense output share the work arrays that keep the loop allocation-free.
 *
 * <p>Not thread-safe: one instance per thread. Work arrays are kept between calls and regrown only
 * when the system's dimension changes, so after the first call a run allocates nothing per step.
 */
public final class Rodas4Integrator implements StiffIntegrator {

    private static final double UROUND = Math.ulp(1.0);
    /**
     * A W-method's step sizes are rounded down to the grid 2^(k / GRID_PER_OCTAVE) (about 9 % apart),
     * and the LU of I/(h gamma) - J is kept per grid step while the Jacobian is: with a kept
     * Jacobian the iteration matrix depends on h only, and the step sizes of a periodic solution
     * repeat every period, so most steps find their LU decomposed already. Rounding down costs about
     * 4 % of step length.
     */
    private static final int GRID_PER_OCTAVE = 8;
    /** Grid indices k in [-GRID_SLOTS / 2, GRID_SLOTS / 2) (steps 2^-32 to 2^32) are cached. */
    private static final int GRID_SLOTS = 512;
    /** Order used in the starting-step heuristic (Hairer, Norsett &amp; Wanner, Solving ODEs I, II.4). */
    private static final int METHOD_ORDER = 4;

    private final Rodas4Options options;
    private final RosenbrockTableau tableau;
    /** The embedded solution's error behaves like h^(embedded order + 1). */
    private final double errorExponent;
    /** The embedded solution's order, which picks {@link #errorRoot}'s root. */
    private final int embeddedOrder;
    /** W-method: the Jacobian (and the LU, while the step size stays) is kept over steps and calls. */
    private final boolean reuseJacobian;
    /** The system whose Jacobian is in {@code jac} (W-methods keep it across calls), or null. */
    private OdeSystem jacobianOwner;
    /**
     * A W-method's step off the grid (a piece's last step, cut to land on its end) solves with the
     * LU of the largest grid step g not above it, {@code I/(g gamma) - J}: that is the step's own
     * matrix {@code I/(h gamma) - A} with {@code A = J - (1/(g gamma) - 1/(h gamma)) I}, and a
     * W-method keeps its order with any A (Rang &amp; Angermann 2005); the shift is at most 9 % of
     * {@code 1/(h gamma)} and damps (it moves A's spectrum left). Only the LU changes: the stage
     * weights {@code c_ij / h} and the quadratures' scaling use h. Fast mode cut each piece's last
     * step to a new size in most periods, so about half of its LUs were for steps taken once
     * (benchmark decade 79 LUs, 40 with the grid's; docs/performance-log.md, "orbitperiod").
     *
     * <p>Step sizes still off the grid (a step at the cap, a step beyond the grid's range; every
     * step of a Rosenbrock method, which takes a new Jacobian per step) keep their LUs while the
     * Jacobian stays, in a ring of {@link #OFF_GRID_KEPT}. Step sizes by slot (NaN: none), the LUs
     * and the Jacobian generation each was decomposed for.
     */
    private double[] offGridStep;
    private DenseLu[] offGridLu;
    private long[] offGridGeneration;
    /** The ring slot the next off-grid step size not kept takes. */
    private int offGridNext;
    /** Off-grid LUs kept (a day of fast mode has up to a handful of pieces). */
    private static final int OFF_GRID_KEPT = 8;
    /** W-methods: LUs by grid step (created on first use), valid while their generation is the Jacobian's. */
    private DenseLu[] luCache;
    private long[] luCacheGeneration;
    private long jacobianGeneration;
    /** Pivot orders by nonzero pattern, shared by all LUs of this integrator (see {@link PivotOrders}). */
    private PivotOrders pivotOrders;
    /**
     * The LU the stages solve with: grid slot k (&gt;= 0) of {@link #luCache}, or -(r + 1) for ring
     * slot r of {@link #offGridLu}: an index, not a reference field set at every step attempt (each
     * such store into this long-lived object carries the collector's write barrier;
     * docs/performance-log.md, "stepcost3").
     */
    private int activeLu;

    private int n = -1;
    /** Components solved with the LU: all but the trailing quadratures ({@link OdeSystem#quadratures}). */
    private int linear = -1;
    private double[] f0;
    private double[] ft;
    private double[][] k;
    private double[] arg;
    private double[] ynew;
    private double[] errVec;
    /** Per-component relative tolerance when the tolerances scale it ({@link Tolerances#relativeScale}); else unused. */
    private double[] rtolByComponent;
    /** Whether {@link #rtolByComponent} holds this call's relative tolerances. */
    private boolean perComponentRtol;
    private double[] fTmp;
    private double[] jac;
    /**
     * The nonzero pattern of {@code jac}'s LU-solved block off the diagonal (diagonal true), found
     * once per Jacobian for its decompositions ({@link DenseLu#decomposeShifted(double[], int, double, boolean[])}).
     */
    private boolean[] jacPattern;

    private double[] yOld;
    /** The end of the step in the original frame (differs from {@code ynew} only with a {@link LinearFrame}). */
    private double[] yEnd;
    /** The linear frame of the system being integrated (and of the dense output), or null. */
    private LinearFrame frame;
    private long derivativeCalls;
    /** Components the error norm averages over (see {@link Tolerances}: infinite atol = not controlled). */
    private int controlled;
    /**
     * One past the last controlled component: the error vector is formed below it only; above it
     * (trailing uncontrolled components such as quadratures) the norm checks only that the step's
     * end is finite.
     */
    private int errorEnd;
    /** Whether {@code ft} is exactly zero (an autonomous system), so the stages skip it. */
    private boolean timeDerivativeZero;
    /** The last accepted step [denseStart, denseEnd], while its stages are still in {@code k}. */
    private double denseStart;
    private double denseEnd;
    private boolean denseValid;
    private double suggestedNextStep;
    /** Step size the controller proposed after the first accepted step of the last call (0 before any). */
    private double firstStepProposal;
    /** First component whose df/dt (forward difference) is not finite at the current step start, or -1. */
    private int timeDerivativeBad;

    public Rodas4Integrator() {
        this(Rodas4Options.DEFAULTS);
    }

    public Rodas4Integrator(Rodas4Options options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
        this.tableau = options.method().tableau();
        this.errorExponent = 1.0 / (tableau.embeddedOrder + 1);
        this.embeddedOrder = tableau.embeddedOrder;
        this.reuseJacobian = tableau.wMethod;
        aWeights.list(tableau.a, tableau.stages, 1);
        gridWeights = reuseJacobian ? new StageWeights[GRID_SLOTS] : null;
    }

    /**
     * Makes the next call compute a fresh Jacobian even with a W-method (which otherwise keeps the
     * last one across calls on the same system). Not needed for correctness, since a W-method keeps
     * its order with any Jacobian, but a caller that knows the dynamics changed (a new problem in
     * the same object) saves the rejected steps that would otherwise trigger the refresh.
     */
    public void discardJacobian() {
        jacobianOwner = null;
        jacobianGeneration++;
    }

    /**
     * Makes the next call start as on a new integrator: no Jacobian, no step size remembered (the
     * {@link #suggestedNextStep()} and {@link #firstStepProposal()} of earlier calls are 0 again).
     * The work arrays, the per-step-size LU objects and the pivot orders by nonzero pattern stay
     * allocated: a decomposition depends on its matrix alone, so results are those of a new
     * integrator, without a new one's allocation and pattern analyses (a fast-mode decade made about
     * twenty LU objects of the orbit's dimension and analysed their patterns again at every run).
     */
    public void restart() {
        discardJacobian();
        suggestedNextStep = 0;
        firstStepProposal = 0;
        denseValid = false;
    }

    /**
     * Whether a W-method refreshes its kept Jacobian after an accepted step whose controller shrinks the step (the
     * default). Off, only a rejected step refreshes it, and the caller refreshes it on its own schedule
     * ({@link #discardJacobian()}): fast mode's direct run (docs/performance-log.md, "directfast"), where at loose
     * tolerances steps rarely shrink, the Jacobian was kept for months and the error estimate did not see what that
     * cost the osteoclasts.
     */
    private boolean refreshOnShrink = true;

    /** The sparse LU path's default pivot threshold ({@link DenseLu#PIVOT_THRESHOLD}). */
    public static final double DEFAULT_PIVOT_THRESHOLD = DenseLu.PIVOT_THRESHOLD;

    /** The sparse LU path's pivot threshold ({@link #DEFAULT_PIVOT_THRESHOLD} unless set). */
    private double pivotThreshold = DEFAULT_PIVOT_THRESHOLD;

    /** Sets {@link #pivotThreshold}; returns the previous setting (the caller restores it). */
    public double pivotThreshold(double threshold) {
        double was = pivotThreshold;
        pivotThreshold = threshold;
        return was;
    }

    /** Decompositions by the dense path (a diagonal pivot failed the threshold), over the integrator's life. */
    private long denseDecompositions;
    /** Sparse analyses of a nonzero pattern (by the decompositions), over the integrator's life. */
    private long patternAnalyses;

    /**
     * Decompositions by the dense path and sparse analyses of a nonzero pattern over the integrator's life,
     * {@code {dense, analyses}}: a developer's and a test's count (fast mode's direct run counts its own).
     */
    public long[] decompositionCounts() {
        return new long[] {denseDecompositions, patternAnalyses};
    }

    /**
     * With a W-method, the union of the nonzero patterns of the Jacobians taken since {@link #unitePatterns} was last
     * switched on, over which every decomposition takes its sparse analysis ({@link DenseLu#decomposeShiftedOver}), or
     * null (the default: each Jacobian's own pattern). Fast mode's direct run, whose differenced Jacobians' patterns
     * changed from one to the next, so that each decomposition analysed its pattern afresh.
     */
    private boolean[] patternUnion;

    /**
     * Switches {@link #patternUnion} on (an empty union, which the next Jacobian starts) or off; returns the previous
     * setting (the caller restores it).
     */
    public boolean unitePatterns(boolean on) {
        boolean was = patternUnion != null;
        patternUnion = on ? new boolean[jacPattern == null ? 0 : jacPattern.length] : null;
        if (on) {
            discardJacobian(); // the union starts with the next Jacobian, which every decomposition then sees
        }
        return was;
    }

    /** Sets {@link #refreshOnShrink}; returns the previous setting (the caller restores it). */
    public boolean refreshOnShrink(boolean on) {
        boolean was = refreshOnShrink;
        refreshOnShrink = on;
        return was;
    }

    public Rodas4Options options() {
        return options;
    }

    /**
     * Developer aid: sees every step attempt whose error norm is finite (accepted or rejected), before
     * the controller acts on it. Not for production use (null by default; one null check per step).
     */
    @FunctionalInterface
    public interface StepTrace {
        /**
         * @param t        the step's start
         * @param h        the step size tried
         * @param err      the scaled error norm (accepted when at most 1)
         * @param errVec   the embedded error estimate, by component (valid below {@code errorEnd})
         * @param y        the state at the step's start
         * @param yEnd     the step's end (in the original frame)
         * @param rtol     the relative tolerance
         * @param atol     the absolute tolerances
         * @param errorEnd one past the last component the norm reads
         * @param controlled the number of components the norm averages over
         */
        void step(double t, double h, double err, double[] errVec, double[] y, double[] yEnd, double rtol,
                  double[] atol, int errorEnd, int controlled);
    }

    private StepTrace stepTrace;

    /** Sets (or with null removes) the {@link StepTrace} called at every step attempt. */
    public void traceSteps(StepTrace trace) {
        this.stepTrace = trace;
    }

    private void ensureCapacity(int dimension, int quadratures) {
        if (dimension == n && dimension - quadratures == linear) {
            return;
        }
        n = dimension;
        linear = dimension - quadratures;
        jacobianOwner = null;
        luCache = reuseJacobian ? new DenseLu[GRID_SLOTS] : null;
        luCacheGeneration = reuseJacobian ? new long[GRID_SLOTS] : null;
        f0 = new double[n];
        ft = new double[n];
        k = new double[tableau.stages][n];
        arg = new double[n];
        ynew = new double[n];
        errVec = new double[n];
        rtolByComponent = new double[n];
        yOld = new double[n];
        yEnd = new double[n];
        fTmp = new double[n];
        jac = new double[n * n];
        jacPattern = new boolean[linear * linear];
        pivotOrders = new PivotOrders(linear);
        offGridStep = new double[OFF_GRID_KEPT];
        java.util.Arrays.fill(offGridStep, Double.NaN);
        // All made here (a W-method's ring fills over the first pieces; a first use in a later call
        // would allocate in its step loop), about 50 n² bytes each.
        offGridLu = new DenseLu[reuseJacobian ? OFF_GRID_KEPT : 1];
        for (int r = 0; r < offGridLu.length; r++) {
            offGridLu[r] = new DenseLu(linear, pivotOrders);
        }
        offGridGeneration = new long[OFF_GRID_KEPT];
        offGridNext = 0;
        activeLu = -1;
    }

    /**
     * Step size the controller proposed after the last accepted step of the previous call (0 before
     * any). An engine that integrates one segment after another passes it to
     * {@link #integrate(OdeSystem, Tolerances, double, double[], double, StepObserver, double)} so a
     * new segment starts where the last one left off instead of probing again.
     */
    public double suggestedNextStep() {
        return suggestedNextStep;
    }

    /**
     * Step size the controller proposed after the first accepted step of the last call (on the step
     * grid for a W-method, at most the maximum step; 0 before any call). A caller that integrates
     * the same piece of a periodic solution again (fast mode's orbits: the same hours of the next
     * day) passes it as the next call's first step: the controller has then measured the step the
     * solution allows right after the piece's start, where the automatic starting step
     * (Hairer, Norsett &amp; Wanner's heuristic) is a cautious guess that the controller can only
     * grow by {@link Rodas4Options#maxStepRatio()} per step.
     */
    public double firstStepProposal() {
        return firstStepProposal;
    }

    @Override
    public IntegrationStats integrate(OdeSystem system, Tolerances tolerances, double t0, double[] y, double t1,
                                      StepObserver observer) {
        return integrate(system, tolerances, t0, y, t1, observer, options.initialStep());
    }

    /**
     * As {@link #integrate(OdeSystem, Tolerances, double, double[], double, StepObserver)}, with this
     * call's first step size ({@code initialStep} &gt; 0, e.g. {@link #suggestedNextStep()}) or 0 for
     * the automatic choice; it is still bounded by the maximum step and the interval.
     */
    public IntegrationStats integrate(OdeSystem system, Tolerances tolerances, double t0, double[] y, double t1,
                                      StepObserver observer, double initialStep) {
        if (!(initialStep >= 0) || Double.isInfinite(initialStep)) {
            throw new IllegalArgumentException("initialStep must be finite and >= 0 (0 = automatic), was "
                    + initialStep);
        }
        int dim = system.dimension();
        if (y.length != dim) {
            throw new IllegalArgumentException("state has " + y.length + " components, system dimension is " + dim);
        }
        if (tolerances.absolute().length != dim) {
            throw new IllegalArgumentException("tolerances have " + tolerances.absolute().length
                    + " absolute entries, system dimension is " + dim);
        }
        if (!Double.isFinite(t0) || !Double.isFinite(t1)) {
            throw new IllegalArgumentException("integration interval must be finite, was [" + t0 + ", " + t1 + "]");
        }
        for (int i = 0; i < dim; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IntegrationException("initial state component " + i + " is not finite (" + y[i]
                        + ") at t = " + fmt(t0, 4), t0, i);
            }
        }
        denseValid = false;
        if (t0 == t1) {
            return IntegrationStats.ZERO;
        }
        int quadratures = system.quadratures();
        if (!(quadratures >= 0 && quadratures < dim)) {
            throw new IllegalArgumentException("quadratures must be in [0, " + dim + "), was " + quadratures);
        }
        if (quadratures > 0 && !reuseJacobian) {
            throw new IllegalArgumentException("quadrature components need a W-method (" + options.method()
                    + " needs their Jacobian rows)");
        }
        LinearFrame linearFrame = system.linearFrame();
        if (linearFrame != null && !reuseJacobian) {
            throw new IllegalArgumentException("a linear frame needs a W-method (" + options.method()
                    + " needs df/dt, which the frame makes nonzero)");
        }
        ensureCapacity(dim, quadratures);
        frame = linearFrame;
        derivativeCalls = 0;
        controlled = tolerances.normCount() > 0 ? tolerances.normCount() : controlledComponents(tolerances.absolute());
        errorEnd = controlledEnd(tolerances.absolute());
        double[] relativeScale = tolerances.relativeScale();
        perComponentRtol = relativeScale != null;
        if (perComponentRtol) {
            for (int i = 0; i < n; i++) {
                rtolByComponent[i] = tolerances.relative() * relativeScale[i];
            }
        }
        // The error vector is formed below errorEnd only; above it, it reads 0.
        java.util.Arrays.fill(errVec, errorEnd, n, 0.0);
        return run(system, tolerances, t0, y, t1, observer, initialStep);
    }

    private IntegrationStats run(OdeSystem system, Tolerances tol, double t0, double[] y, double t1,
                                 StepObserver observer, double initialStep) {
        final double dir = Math.signum(t1 - t0);
        final double rtol = tol.relative();
        final double[] atol = tol.absolute();
        final double maxStep = options.maxStep();
        final double facMin = 1 / options.maxStepRatio();
        final double facMax = 1 / options.minStepRatio();
        final double safety = options.safety();

        long accepted = 0;
        long rejected = 0;
        long attempts = 0;
        long jacobians = 0;
        long decompositions = 0;

        double t = t0;
        if (frame != null) {
            frame.anchor(t, y);
        }
        evaluate(system, t, y, f0);
        int bad = firstNonFinite(f0);
        if (bad >= 0) {
            throw new IntegrationException("derivative of component " + bad + " is not finite (" + f0[bad]
                    + ") at t = " + fmt(t, 4), t, bad);
        }
        double h = initialStep > 0 ? initialStep : startingStep(system, tol, t, y, t1, dir);
        h = dir * Math.min(Math.min(Math.abs(h), maxStep), Math.abs(t1 - t0));
        if (reuseJacobian && initialStep == 0 && Math.abs(h) < maxStep) {
            h = onGrid(h);
        }

        // A W-method reuses the Jacobian of an earlier call on the same system; it is then "stale"
        // (not taken at this step's start), and a rejected step refreshes it.
        boolean needJacobian = !(reuseJacobian && jacobianOwner == system);
        boolean jacobianFresh = false;
        if (needJacobian) {
            jacobianOwner = null;
        }
        boolean rejectedLast = false;
        int nonFiniteComponent = -1;
        double hAccepted = 0;
        double errAccepted = 0;

        while (true) {
            if (needJacobian) {
                jacobian(system, t, y);
                timeDerivative(system, t, y);
                jacobians++;
                needJacobian = false;
                jacobianFresh = true;
                jacobianOwner = system;
                jacobianGeneration++;
            }
            if (attempts >= options.maxSteps()) {
                throw new IntegrationException("more than " + options.maxSteps() + " step attempts between t = "
                        + fmt(t0, 4) + " and t = " + fmt(t1, 4) + " (reached t = " + fmt(t, 4) + ", step "
                        + fmt(Math.abs(h), 4) + ")", t, -1);
            }
            // A step that covers the rest of the interval is always tried, however short that rest is.
            boolean coversRest = Math.abs(h) >= Math.abs(t1 - t);
            if (!coversRest && (0.1 * Math.abs(h) <= Math.abs(t) * UROUND || Math.abs(h) < Double.MIN_NORMAL)) {
                if (nonFiniteComponent >= 0) {
                    throw new IntegrationException("component " + nonFiniteComponent
                            + " (its derivative or state) is not finite beyond t = " + fmt(t, 4) + " for every step size tried",
                            t, nonFiniteComponent);
                }
                throw new IntegrationException("step size underflow (" + fmt(Math.abs(h), 4) + ") at t = " + fmt(t, 4)
                        + ": the solution varies too fast for the requested tolerance", t, -1);
            }
            boolean last = false;
            double hPlanned = h;
            if ((t + 1.0001 * h - t1) * dir >= 0) {
                h = t1 - t;
                last = true;
            }
            attempts++;
            denseValid = false;
            boolean decomposed = true;
            int slot = reuseJacobian ? gridSlot(h) : -1;
            stepSlot = slot;
            if (slot < 0 && reuseJacobian && Math.abs(h) < maxStep) {
                // Off the grid (a piece's last step, cut to land on its end): the LU of the grid step
                // below h (see offGridStep); off the grid's range, slot stays -1.
                slot = gridSlot(onGrid(h));
            }
            if (slot >= 0) {
                if (luCache[slot] == null) {
                    luCache[slot] = new DenseLu(linear, pivotOrders);
                    luCacheGeneration[slot] = jacobianGeneration - 1;
                }
                activeLu = slot;
                if (luCacheGeneration[slot] != jacobianGeneration) {
                    decompositions++;
                    decomposed = decompose(luCache[slot], Math.copySign(GRID[slot], h));
                    luCacheGeneration[slot] = decomposed ? jacobianGeneration : jacobianGeneration - 1;
                }
            } else {
                int kept = reuseJacobian ? keptOffGrid(h) : -1;
                if (kept >= 0) {
                    activeLu = -(kept + 1);
                } else {
                    // A W-method's new off-grid step size takes the ring's next slot; a Rosenbrock
                    // method (a new Jacobian at every step) decomposes in slot 0 every time.
                    int r = reuseJacobian ? offGridNext : 0;
                    activeLu = -(r + 1);
                    decompositions++;
                    decomposed = decompose(offGridLu[r], h);
                    offGridStep[r] = decomposed ? h : Double.NaN;
                    offGridGeneration[r] = jacobianGeneration;
                    if (reuseJacobian) {
                        offGridNext = (r + 1) % OFF_GRID_KEPT;
                    }
                }
            }
            if (!decomposed) {
                // Singular iteration matrix: a smaller step moves 1/(h gamma) away from J's eigenvalues.
                // A non-finite Jacobian entry makes it "singular" too; its row names the culprit.
                int badEntry = firstNonFinite(jac);
                if (badEntry >= 0) {
                    nonFiniteComponent = badEntry / n;
                }
                rejected++;
                rejectedLast = true;
                h *= 0.5;
                needJacobian = reuseJacobian && !jacobianFresh;
                continue;
            }
            stages(system, t, y, h, false);
            // The step's end: y1 itself, or with a linear frame y1 shifted back to the original frame.
            double[] end = ynew;
            if (frame != null) {
                System.arraycopy(ynew, 0, yEnd, 0, n);
                frame.shift(h, yEnd);
                end = yEnd;
            }
            double err = errorNorm(y, end, rtol, atol);
            if (stepTrace != null && Double.isFinite(err)) {
                stepTrace.step(t, h, err, errVec, y, end, rtol, atol, errorEnd, controlled);
            }
            if (!Double.isFinite(err)) {
                // Name the derivative that broke first: the linear solves smear a NaN over all components.
                // The step is recomputed for that (the same calls at the same states), so that steps
                // that work do not scan every stage (a NaN or infinity reaches err through the norm).
                int badDerivative = stages(system, t, y, h, true);
                nonFiniteComponent = timeDerivativeBad >= 0 ? timeDerivativeBad
                        : badDerivative >= 0 ? badDerivative : firstNonFinite(ynew);
                if (nonFiniteComponent < 0) {
                    nonFiniteComponent = firstNonFinite(errVec);
                }
                rejected++;
                rejectedLast = true;
                h *= options.minStepRatio();
                needJacobian = reuseJacobian && !jacobianFresh;
                continue;
            }
            double fac = DoubleOrder.max(facMin, DoubleOrder.min(facMax, errorRoot(err, embeddedOrder, errorExponent) / safety));
            double hNew = h / fac;
            if (err <= 1) {
                if (accepted > 0) {
                    double facGus = (hAccepted / h) * errorRoot(err * err / errAccepted, embeddedOrder, errorExponent) / safety;
                    facGus = DoubleOrder.max(facMin, DoubleOrder.min(facMax, facGus));
                    fac = DoubleOrder.max(fac, facGus);
                    hNew = h / fac;
                }
                accepted++;
                hAccepted = h;
                errAccepted = atLeast(err, 1e-2);
                System.arraycopy(y, 0, yOld, 0, n);
                denseStart = t;
                t = last ? t1 : t + h;
                denseEnd = t;
                denseValid = true;
                System.arraycopy(end, 0, y, 0, n);
                if (observer != null) {
                    observer.stepDone(t, y);
                }
                if (Math.abs(hNew) > maxStep) {
                    hNew = dir * maxStep;
                }
                if (last) {
                    // A final step cut short to land on t1 says little about the step the solution allows;
                    // the controller's plan before the cut does.
                    suggestedNextStep = DoubleOrder.min(maxStep, DoubleOrder.max(Math.abs(hNew), Math.abs(hPlanned)));
                    if (accepted == 1) {
                        // On the step grid, so that a call started with it finds its LU kept.
                        firstStepProposal = reuseJacobian && suggestedNextStep < maxStep
                                ? onGrid(suggestedNextStep) : suggestedNextStep;
                    }
                    break;
                }
                if (rejectedLast && Math.abs(hNew) > Math.abs(h)) {
                    hNew = h;
                }
                rejectedLast = false;
                nonFiniteComponent = -1;
                if (frame != null) {
                    frame.anchor(t, y);
                }
                evaluate(system, t, y, f0);
                if (reuseJacobian) {
                    double ratio = hNew / h;
                    // A step at the cap is the caller's choice (and all such steps share one LU anyway).
                    if (Math.abs(hNew) < maxStep) {
                        hNew = onGrid(hNew);
                    }
                    // A kept Jacobian that makes the controller shrink the step no longer damps the
                    // stiff modes well: the error estimate, not a step count, says when to refresh.
                    needJacobian = refreshOnShrink && !jacobianFresh && ratio < 1;
                    jacobianFresh = false;
                } else {
                    needJacobian = true;
                }
                if (accepted == 1) {
                    firstStepProposal = Math.abs(hNew);
                }
                h = hNew;
            } else {
                rejected++;
                rejectedLast = true;
                h = accepted == 0 ? 0.1 * h : hNew;
                if (reuseJacobian) {
                    h = onGrid(h);
                }
                // Only a Jacobian from an earlier step can be to blame: refresh it here at the step start.
                needJacobian = reuseJacobian && !jacobianFresh;
            }
        }
        return new IntegrationStats(accepted, rejected, derivativeCalls, jacobians, decompositions);
    }

    /**
     * Dense output: writes into {@code out} the continuous extension of the last accepted step at
     * {@code t}, a time inside that step (order 3, from the step's own stages; no derivative calls, no
     * allocation). Call it from the {@link StepObserver} to record at times between step ends; it stays
     * valid until the next step starts, so also after {@code integrate} returns (for the final step).
     *
     * @throws IllegalStateException    when no step has been accepted yet (or a new one is being computed)
     * @throws IllegalArgumentException when {@code t} lies outside the last accepted step
     */
    public void interpolate(double t, double[] out) {
        if (!denseValid) {
            throw new IllegalStateException("no accepted step to interpolate");
        }
        double h = denseEnd - denseStart;
        double s = (t - denseStart) / h;
        // Rounding slack of a few ulps at the ends of the step.
        double slack = 4 * Math.ulp(Math.max(Math.abs(denseStart), Math.abs(denseEnd))) / Math.abs(h);
        if (!(s >= -slack && s <= 1 + slack)) {
            throw new IllegalArgumentException("t = " + t + " is outside the last accepted step [" + Math.min(denseStart,
                    denseEnd) + ", " + Math.max(denseStart, denseEnd) + "]");
        }
        if (out.length != n) {
            throw new IllegalArgumentException("output has " + out.length + " components, system dimension is " + n);
        }
        double[] d2 = tableau.dense[0];
        double[] d3 = tableau.dense[1];
        int stages = tableau.stages;
        for (int q = 0; q < n; q++) {
            double c2 = 0;
            double c3 = 0;
            for (int j = 0; j < stages; j++) {
                double kj = k[j][q];
                c2 += d2[j] * kj;
                c3 += d3[j] * kj;
            }
            out[q] = yOld[q] + s * ((ynew[q] - yOld[q]) + (1 - s) * (c2 + s * c3));
        }
        if (frame != null) {
            // The stages live in the step's frame: back to the original one.
            frame.shift(Math.max(0, t - denseStart), out);
        }
    }

    private void evaluate(OdeSystem system, double t, double[] state, double[] out) {
        system.derivatives(t, state, out);
        derivativeCalls++;
    }

    /** Starting step of Hairer, Norsett &amp; Wanner (Solving ODEs I, Section II.4, "Starting step size"). */
    private double startingStep(OdeSystem system, Tolerances tol, double t, double[] y, double t1, double dir) {
        double rtol = tol.relative();
        double[] atol = tol.absolute();
        double d0 = 0;
        double d1 = 0;
        for (int i = 0; i < n; i++) {
            double sk = atol[i] + rtol * Math.abs(y[i]);
            d0 += sq(y[i] / sk);
            d1 += sq(f0[i] / sk);
        }
        d0 = Math.sqrt(d0 / controlled);
        d1 = Math.sqrt(d1 / controlled);
        double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.min(Math.min(h0, options.maxStep()), Math.abs(t1 - t));
        for (int i = 0; i < n; i++) {
            arg[i] = y[i] + dir * h0 * f0[i];
        }
        evaluate(system, t + dir * h0, arg, fTmp);
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            double sk = atol[i] + rtol * Math.abs(y[i]);
            d2 += sq((fTmp[i] - f0[i]) / sk);
        }
        d2 = Math.sqrt(d2 / controlled) / h0;
        double dMax = Math.max(d1, d2);
        if (!Double.isFinite(dMax)) {
            return h0;
        }
        double h1 = dMax <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / dMax, 1.0 / (METHOD_ORDER + 1));
        return Math.min(100 * h0, h1);
    }

    /**
     * Fills {@code jac} ({@link #fillJacobian}); a W-method, which decomposes it for many step
     * sizes, also notes its pattern ({@link #jacPattern}).
     */
    private void jacobian(OdeSystem system, double t, double[] y) {
        fillJacobian(system, t, y);
        if (reuseJacobian) {
            DenseLu.jacobianPattern(jac, n, linear, jacPattern);
            if (patternUnion != null) {
                if (patternUnion.length != jacPattern.length) {
                    patternUnion = new boolean[jacPattern.length];
                }
                for (int e = 0; e < jacPattern.length; e++) {
                    patternUnion[e] |= jacPattern[e];
                }
            }
        }
    }

    /** Fills {@code jac} (row-major) analytically, or by forward differences from {@code f0}. */
    private void fillJacobian(OdeSystem system, double t, double[] y) {
        if (system.jacobian(t, y, jac)) {
            return;
        }
        for (int j = 0; j < n; j++) {
            double yj = y[j];
            // Increment as in Hairer & Wanner's codes: about sqrt(uround) relative, with a floor for tiny components.
            double delta = Math.sqrt(UROUND * Math.max(1e-5, Math.abs(yj)));
            y[j] = yj + delta;
            double actual = y[j] - yj;
            evaluate(system, t, y, fTmp);
            y[j] = yj;
            for (int i = 0; i < n; i++) {
                jac[i * n + j] = (fTmp[i] - f0[i]) / actual;
            }
        }
    }

    /** Forward-difference df/dt into {@code ft}; exact zero for autonomous systems. */
    private void timeDerivative(OdeSystem system, double t, double[] y) {
        timeDerivativeZero = system.autonomous();
        if (timeDerivativeZero) {
            java.util.Arrays.fill(ft, 0, n, 0.0);
            timeDerivativeBad = -1;
            return;
        }
        double delta = Math.sqrt(UROUND * Math.max(1e-5, Math.abs(t)));
        double actual = (t + delta) - t;
        evaluate(system, t + actual, y, ft);
        for (int i = 0; i < n; i++) {
            ft[i] = (ft[i] - f0[i]) / actual;
        }
        timeDerivativeBad = firstNonFinite(ft);
    }

    /** The largest grid step 2^(k / GRID_PER_OCTAVE) not above |h|, with h's sign (h itself off the cached range). */
    private static double onGrid(double h) {
        double a = Math.abs(h);
        // The largest grid value not above a lies in a's octave (2^e <= a < 2^(e+1), e its binary exponent).
        int first = GRID_PER_OCTAVE * Math.getExponent(a) + GRID_SLOTS / 2;
        if (!(first >= 0 && first + GRID_PER_OCTAVE <= GRID_SLOTS - 1)) {
            return h;
        }
        int slot = first;
        while (slot + 1 < first + GRID_PER_OCTAVE && GRID[slot + 1] <= a) {
            slot++;
        }
        return Math.copySign(GRID[slot], h);
    }

    /**
     * The grid steps 2^(k / GRID_PER_OCTAVE) of the cached range, by slot (k + GRID_SLOTS / 2), as
     * {@code Math.pow} gives them: looked up instead of computed at every step (a logarithm and one
     * to three powers per step were about 2 % of a fast-mode decade).
     */
    private static final double[] GRID = new double[GRID_SLOTS];

    static {
        for (int slot = 0; slot < GRID_SLOTS; slot++) {
            GRID[slot] = Math.pow(2, (slot - GRID_SLOTS / 2) / (double) GRID_PER_OCTAVE);
        }
    }

    /** Cache slot of a step size exactly on the grid, or -1. */
    private static int gridSlot(double h) {
        double a = Math.abs(h);
        // Its octave's GRID_PER_OCTAVE grid values are the only candidates (binary exponent e: 2^e <= a < 2^(e+1)).
        int first = GRID_PER_OCTAVE * Math.getExponent(a) + GRID_SLOTS / 2;
        if (first < 0 || first >= GRID_SLOTS) {
            return -1;
        }
        for (int slot = first; slot < Math.min(first + GRID_PER_OCTAVE, GRID_SLOTS); slot++) {
            if (GRID[slot] == a) {
                return slot;
            }
        }
        return -1;
    }

    /** The ring slot of the off-grid LU kept for step size h with the current Jacobian, or -1. */
    private int keptOffGrid(double h) {
        for (int r = 0; r < OFF_GRID_KEPT; r++) {
            if (offGridStep[r] == h && offGridGeneration[r] == jacobianGeneration) {
                return r;
            }
        }
        return -1;
    }

    /** Decomposes I/(h gamma) - J over the LU-solved block (the quadratures' rows and columns are left out). */
    private boolean decompose(DenseLu lu, double h) {
        lu.pivotThreshold(pivotThreshold);
        long dense = lu.denseDecompositions();
        long analyses = lu.patternAnalyses();
        boolean done = patternUnion != null
                ? lu.decomposeShiftedOver(jac, n, 1 / (h * tableau.gamma), patternUnion)
                : lu.decomposeShifted(jac, n, 1 / (h * tableau.gamma), reuseJacobian ? jacPattern : null);
        denseDecompositions += lu.denseDecompositions() - dense;
        patternAnalyses += lu.patternAnalyses() - analyses;
        return done;
    }

    /**
     * The s stages of HW IV.7.4', then y1 into {@code ynew} and the error vector into {@code errVec}.
     * Each stage's sums over the earlier stages run in one pass over the components
     * ({@link #combine}: the same additions in the same order as one pass per earlier stage, so the
     * same bits, with a third of the loads and stores for these short vectors).
     *
     * @param diagnose whether to look for the first stage derivative that is not finite
     * @return with {@code diagnose}, the first component whose stage derivative was not finite, else -1
     */
    private int stages(OdeSystem system, double t, double[] y, double h, boolean diagnose) {
        RosenbrockTableau tb = tableau;
        int badDerivative = -1;
        int s = tb.stages;
        if (!(h == weightsStep)) {
            keepWeights(h);
        }
        // f reads no quadrature: their stage arguments stay at the step start (set once per step).
        System.arraycopy(y, linear, arg, linear, n - linear);
        DenseLu active = activeLu >= 0 ? luCache[activeLu] : offGridLu[-activeLu - 1];
        StageWeights cw = weightsSlot >= 0 ? gridWeights[weightsSlot] : offGridWeights;
        for (int i = 0; i < s; i++) {
            double[] ki = k[i];
            if (i == 0) {
                System.arraycopy(f0, 0, ki, 0, n);
            } else {
                combine(arg, y, aWeights.index[i], aWeights.weight[i], aWeights.count[i], linear);
                evaluate(system, t + tb.alpha[i] * h, arg, ki);
            }
            if (diagnose && badDerivative < 0) {
                badDerivative = firstNonFinite(ki);
            }
            combine(ki, ki, cw.index[i], cw.weight[i], cw.count[i], n);
            double hd = h * tb.d[i];
            if (hd != 0 && !timeDerivativeZero) {
                for (int q = 0; q < n; q++) {
                    ki[q] += hd * ft[q];
                }
            }
            active.solve(ki);
            // A quadrature's row of the iteration matrix is I/(h gamma): its stage is the scaled right-hand side.
            double hg = h * tb.gamma;
            for (int q = linear; q < n; q++) {
                ki[q] *= hg;
            }
        }
        int e = errorEnd;
        if (s == 4) {
            double[] k0 = k[0];
            double[] k1 = k[1];
            double[] k2 = k[2];
            double[] k3 = k[3];
            double m0 = tb.m[0];
            double m1 = tb.m[1];
            double m2 = tb.m[2];
            double m3 = tb.m[3];
            double e0 = tb.e[0];
            double e1 = tb.e[1];
            double e2 = tb.e[2];
            double e3 = tb.e[3];
            for (int q = 0; q < e; q++) {
                ynew[q] = y[q] + m0 * k0[q] + m1 * k1[q] + m2 * k2[q] + m3 * k3[q];
                errVec[q] = 0 + e0 * k0[q] + e1 * k1[q] + e2 * k2[q] + e3 * k3[q];
            }
            // (errVec stays 0 from errorEnd on: set once per call)
            for (int q = e; q < n; q++) {
                ynew[q] = y[q] + m0 * k0[q] + m1 * k1[q] + m2 * k2[q] + m3 * k3[q];
            }
            return badDerivative;
        }
        System.arraycopy(y, 0, ynew, 0, n);
        java.util.Arrays.fill(errVec, 0);
        for (int j = 0; j < s; j++) {
            double mj = tb.m[j];
            double ej = tb.e[j];
            double[] kj = k[j];
            for (int q = 0; q < e; q++) {
                ynew[q] += mj * kj[q];
                errVec[q] += ej * kj[q];
            }
            for (int q = e; q < n; q++) {
                ynew[q] += mj * kj[q];
            }
        }
        return badDerivative;
    }

    /**
     * The stages' weights: stage i's a-terms (independent of h, listed once) and c-terms
     * ({@code c_ij / h}), those with a nonzero coefficient, by stage index into {@link #k}. A
     * W-method's c-terms are kept per grid step ({@link #gridWeights}: its step sizes repeat, and
     * the controller changes the step at most steps, so they were listed again at 80 % of the
     * orbit's steps); other step sizes list theirs into {@link #offGridWeights}. Same divisions of
     * the same numbers, so the same weights to the bit.
     */
    private final StageWeights aWeights = new StageWeights();
    private final StageWeights offGridWeights = new StageWeights();
    /** A W-method's c-terms by grid slot (positive step sizes only), created on first use and kept. */
    private final StageWeights[] gridWeights;
    /**
     * The c-terms of {@link #weightsStep}: grid slot of {@link #gridWeights}, or -1 for
     * {@link #offGridWeights} (an index, as {@link #activeLu}).
     */
    private int weightsSlot = -1;
    /** The step size of {@link #weightsSlot}'s c-terms (NaN: none yet). */
    private double weightsStep = Double.NaN;

    /** Per stage i: the earlier stages with a nonzero weight (index into {@link #k}) and the weights. */
    private static final class StageWeights {
        final int[][] index = new int[8][8];
        final double[][] weight = new double[8][8];
        final int[] count = new int[8];

        /** Lists {@code coefficients[i][j] / divisor} (j &lt; i) for every stage. */
        void list(double[][] coefficients, int stages, double divisor) {
            for (int i = 0; i < stages; i++) {
                count[i] = listWeights(coefficients[i], i, divisor, index[i], weight[i]);
            }
        }
    }

    /**
     * The grid slot of the step being tried when its size is exactly on the grid, else -1 (or -1
     * for a method that is not a W-method): found once per attempt in {@link #run} for its LU and
     * read again by {@link #keepWeights} for the same h.
     */
    private int stepSlot = -1;

    private void keepWeights(double h) {
        int slot = gridWeights != null && h > 0 ? stepSlot : -1;
        if (slot >= 0) {
            StageWeights w = gridWeights[slot];
            if (w == null) {
                w = new StageWeights();
                w.list(tableau.c, tableau.stages, h);
                gridWeights[slot] = w;
            }
            weightsSlot = slot;
        } else {
            offGridWeights.list(tableau.c, tableau.stages, h);
            weightsSlot = -1;
        }
        weightsStep = h;
    }

    /**
     * The earlier stages j &lt; i whose coefficient {@code coefficients[j]} is not 0, into {@code index},
     * with weight {@code coefficients[j] / divisor} into {@code weight} (as the one-pass-per-stage form
     * computed it); returns their number.
     */
    private static int listWeights(double[] coefficients, int i, double divisor, int[] index, double[] weight) {
        int count = 0;
        for (int j = 0; j < i; j++) {
            double w = divisor == 1 ? coefficients[j] : coefficients[j] / divisor;
            if (w != 0) {
                index[count] = j;
                weight[count++] = w;
            }
        }
        return count;
    }

    /**
     * {@code out[q] = base[q] + w_0 t_0[q] + w_1 t_1[q] + ...} for q &lt; len, added left to right, the
     * terms {@code t_c = k[index[c]]} with weights {@code w_c = weight[c]}; {@code out} may be {@code base}.
     * The stages are read straight from {@link #k}: listing them first into an array field, as this
     * did, stored and reloaded about ten references a step (docs/performance-log.md, "stepcost3").
     */
    private void combine(double[] out, double[] base, int[] index, double[] weight, int count, int len) {
        double[][] kk = k;
        switch (count) {
            case 0 -> {
                if (out != base) {
                    System.arraycopy(base, 0, out, 0, len);
                }
            }
            case 1 -> {
                double[] t0 = kk[index[0]];
                double w0 = weight[0];
                for (int q = 0; q < len; q++) {
                    out[q] = base[q] + w0 * t0[q];
                }
            }
            case 2 -> {
                double[] t0 = kk[index[0]];
                double[] t1 = kk[index[1]];
                double w0 = weight[0];
                double w1 = weight[1];
                for (int q = 0; q < len; q++) {
                    out[q] = base[q] + w0 * t0[q] + w1 * t1[q];
                }
            }
            default -> {
                double[] t0 = kk[index[0]];
                double[] t1 = kk[index[1]];
                double[] t2 = kk[index[2]];
                double w0 = weight[0];
                double w1 = weight[1];
                double w2 = weight[2];
                for (int q = 0; q < len; q++) {
                    out[q] = base[q] + w0 * t0[q] + w1 * t1[q] + w2 * t2[q];
                }
                for (int c = 3; c < count; c++) {
                    double[] tc = kk[index[c]];
                    double wc = weight[c];
                    for (int q = 0; q < len; q++) {
                        out[q] += wc * tc[q];
                    }
                }
            }
        }
    }

    /**
     * RMS over the controlled components (those with a finite absolute tolerance). The scale keeps
     * {@code Math.max}: which magnitude is larger is a coin toss per component, so a comparison's branch
     * mispredicts and cost ~2 % of a decade (docs/performance-log.md, "perfasm2").
     */
    private double errorNorm(double[] y, double[] yEnd, double rtol, double[] atol) {
        double sum = 0;
        if (perComponentRtol) {
            double[] r = rtolByComponent;
            for (int i = 0; i < errorEnd; i++) {
                double sk = atol[i] + r[i] * Math.max(Math.abs(y[i]), Math.abs(yEnd[i]));
                sum += sq(errVec[i] / sk);
            }
        } else {
            for (int i = 0; i < errorEnd; i++) {
                double sk = atol[i] + rtol * Math.max(Math.abs(y[i]), Math.abs(yEnd[i]));
                sum += sq(errVec[i] / sk);
            }
        }
        // Trailing uncontrolled components add nothing to the norm, but a step that made one of
        // them NaN or infinite must still fail.
        for (int i = errorEnd; i < n; i++) {
            if (!Double.isFinite(yEnd[i])) {
                return Double.NaN;
            }
        }
        return Math.sqrt(sum / controlled);
    }

    /** One past the last component with a finite absolute tolerance (0 when there is none). */
    private static int controlledEnd(double[] atol) {
        int end = 0;
        for (int i = 0; i < atol.length; i++) {
            if (atol[i] < Double.POSITIVE_INFINITY) {
                end = i + 1;
            }
        }
        return end;
    }

    /** Components with a finite absolute tolerance (at least one, so the norm stays defined). */
    private static int controlledComponents(double[] atol) {
        int c = 0;
        for (double a : atol) {
            if (a < Double.POSITIVE_INFINITY) {
                c++;
            }
        }
        return Math.max(1, c);
    }

    private static int firstNonFinite(double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * x^(1 / (embeddedOrder + 1)) for the step controller: the cube root or the square root of the square
     * root for the orders fast and reference mode use (2 and 3), {@code Math.pow(x, exponent)} otherwise.
     * {@code Math.pow} is a call of a JIT stub on the step's serial chain (error norm, factor, next step);
     * the roots are instructions, or a short stub. They differ from {@code Math.pow(x, 1.0 / 3)} and
     * {@code Math.pow(x, 0.25)} in the last bits only (1/3 is not a double, and the roots round
     * differently), which the step-size grid of a W-method absorbs (docs/performance-log.md, "perfzen").
     * x is an error ratio: 0, positive, +infinity or NaN, for which both forms agree.
     */
    static double errorRoot(double x, int embeddedOrder, double exponent) {
        if (embeddedOrder == 2) {
            return Math.cbrt(x);
        }
        if (embeddedOrder == 3) {
            return Math.sqrt(Math.sqrt(x));
        }
        return Math.pow(x, exponent);
    }

    private static double sq(double x) {
        return x * x;
    }
}
