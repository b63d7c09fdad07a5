package org.vascalc.simulation.engine;

import org.vascalc.physiology.model.LinearTransfer;
import org.vascalc.simulation.integrate.AffinePropagator;
import org.vascalc.simulation.integrate.IntegrationStats;
import org.vascalc.simulation.integrate.LinearFrame;
import org.vascalc.simulation.integrate.OdeSystem;
import org.vascalc.simulation.integrate.Rodas4Integrator;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * The fast mode's orbit system ({@link FastRun}): the FAST subsystem with the SLOW states held at
 * their values in {@code z}: only the FAST components are integrated (so the stiff solver factors a FAST-sized matrix). The SLOW
 * derivatives are integrated alongside into the accumulators {@code z[n + j]}: as quadrature
 * components of the integrated system (the trailing entries, {@link OdeSystem#quadratures},
 * with infinite absolute tolerance, so the error control ignores them; the W-method leaves them
 * out of its matrix), so the solver's own stages give them its order 3; the trapezoidal rule over
 * the accepted steps, used before, was of order 2 and the largest error of the averaged SLOW
 * derivatives (docs/performance-log.md, "inside one orbit period").
 * With the frozen milieu ({@link FastSettings#frozenMilieu}) a block whose rates are affine in a few
 * scalars of the FAST states ({@link org.vascalc.physiology.model.MilieuAffine}: the wall, in the
 * supersaturation and osteogenic drives) is not evaluated at the stages: its contribution to the
 * other rows (the wall's mineral sink in the ECF pools) comes from coefficients fixed once per
 * orbit ({@link AssembledModel#freezeMilieu}, three calls of the wall's sink alone), the milieu is integrated as
 * quadrature components in place of the block's own SLOW rates, and those rates' integral over
 * {@code tau} is {@code tau} times the rates at the milieu's mean over it, exact to rounding
 * because they are affine in it (one call of the block per piece and per sample). The wall took
 * 61 % of its calls of the benchmark decade at the stages; the result agrees with the wall at every
 * stage to 1e-8 (FrozenMilieuTest) and the ECF books close as before (the sink is the same affine
 * function at every stage).
 * The drivers are held at the period's start too (they change over months), so the system is
 * autonomous and the solver spends no call on df/dt.
 * The last full model evaluation is remembered: the solver evaluates f at the start of each
 * step (and the difference Jacobian again) at the very state the step observer has just
 * evaluated, so one of every step's calls is a repeat.
 */
final class FrozenFastSystem implements OdeSystem, LinearFrame {

    /** Samples strictly inside an accepted orbit step ({@code FastRun.sampleWithin}), called at each accepted step. */
    @FunctionalInterface
    interface StepSampler {
        void sampleWithin(double stepStart, double t);
    }

    /** Most piece phases whose first step is remembered (a week of four intake times a day is 28). */
    static final int MAX_PHASES = 256;

    private final AssembledModel model;
    private final FastSettings settings;
    private final Rodas4Integrator orbitIntegrator;
    private final int n;
    /** Layout indices of the integrated FAST states (all FAST states unless {@link #closed}). */
    private final int[] fast;
    /** All FAST states (the order of the closure's vectors, the drift and the monodromy seed). */
    private final int[] fastAll;
    /** Position in {@link #fastAll} of each integrated FAST state. */
    private final int[] allPos;
    /**
     * The block propagated apart in closed form ({@link LinearBlockPropagator}), or null: its FAST
     * states are not integrated, its SLOW states' integrals not quadrature components.
     */
    private final LinearBlockPropagator closed;
    /** Positions in {@link #fastAll} of {@link #closed}'s states. */
    private final int[] closedPos;
    /** Positions in {@link #fastAll} of the closed block's FAST states held constant (warfarin: 0). */
    private final int[] heldPos;
    /** Positions in {@link #slow} of {@link #closed}'s SLOW states. */
    private final int[] closedSlow;
    private final double[] heldJacobian;
    private final int[] slow;
    private final double[] atol;
    /** Positions in {@link #slow} of the orbit's quadrature components ({@code FastRun.directSlow}). */
    private final int[] directSlow;
    /** Layout rows of the orbit's quadrature components ({@code slow[directSlow[j]]}), for the derivative's gather. */
    private final int[] directRow;
    /** Position of each integrated FAST state's drift ({@link #allPos}), or null where that is its own position. */
    private final int[] driftPos;
    /** Positions in {@link #slow} of the states owned by an affine block ({@code FastRun.affineOwned}). */
    private final int[] affineOwned;
    /** Milieu scalars integrated as quadrature components (0 without the frozen milieu). */
    private final int milieuSize;
    /**
     * The run's state with the SLOW integrals and the milieu's integrals after it (FastRun's {@code z},
     * shared: this system reads and writes it in place).
     */
    private final double[] z;
    /** The owned integrals of the orbit samples, computed when read (null without the frozen milieu). */
    private final DeferredOwnedIntegrals deferredOwned;
    /** The drift subtracted from the FAST derivatives. */
    private final OrbitDrift drift;
    private final StepSampler sampler;

    private final int nf;
    /** Positions (in the integrated vector) of the states in the exactly propagated linear part. */
    final int[] framed;
    /** Positions of the transit depots ({@link #transitStates}). */
    final int[] transit;
    /** Exact propagation of the linear part, or null when none is declared or it is switched off. */
    private final AffinePropagator propagator;
    private final double[] forcing;
    private final double[] shiftS;
    private final double[] shiftDs;
    /** Origin of the current step's frame; the frame applies only inside an orbit integration. */
    private double origin;
    private boolean frameActive;
    /**
     * Quadrature components after the FAST ones, or 0: the integrals of the SLOW derivatives
     * ({@link #directSlow}), then those of the affine blocks' milieu.
     */
    private final int nq;
    private final int nd;
    /** The affine blocks' milieu at the last full call ({@link #evaluateFull}). */
    private final double[] milieu;
    private final double[] periodMilieuMean;
    private final double[] ownedRates;
    /** Intakes' jumps of the affine blocks' SLOW states since the period's start (cumulative counters; none today). */
    private final double[] ownedJump;
    private final int dim;
    private final double[] yf;
    private final double[] d;
    private final double[] dFast;
    private final double[] slowRate;
    private final double[] memoState;
    private boolean memoValid;
    private double driverTime;
    /** The start of the orbit integration's current step (the last accepted step's end, or the piece's start). */
    private double lastTime;
    /** The orbit integrator's statistics summed over this system's pieces. */
    IntegrationStats stats = IntegrationStats.ZERO;
    private final org.vascalc.simulation.integrate.StiffIntegrator.StepObserver observer = this::accumulate;

    /**
     * The system over {@code fast}, with {@code slow} frozen at their values in the shared state
     * {@code z} (length {@code n + slow.length + milieuSize}); {@code sampler} is called at each
     * accepted step before its state is written into {@code z}.
     */
    FrozenFastSystem(AssembledModel model, FastSettings settings, Rodas4Integrator orbitIntegrator, int n,
                     int[] fast, int[] slow, double[] atol, int[] directSlow, int[] affineOwned, int milieuSize,
                     double[] z, DeferredOwnedIntegrals deferredOwned, OrbitDrift drift, StepSampler sampler) {
        this(model, settings, orbitIntegrator, n, fast, slow, atol, directSlow, affineOwned, milieuSize, z, deferredOwned,
                drift, sampler, null, new int[0]);
    }

    /**
     * As above, with {@code closed} (or null) propagated apart in closed form, and the closed
     * block's other FAST states {@code held} (layout indices) held constant over the orbit.
     */
    FrozenFastSystem(AssembledModel model, FastSettings settings, Rodas4Integrator orbitIntegrator, int n,
                     int[] fast, int[] slow, double[] atol, int[] directSlow, int[] affineOwned, int milieuSize,
                     double[] z, DeferredOwnedIntegrals deferredOwned, OrbitDrift drift, StepSampler sampler,
                     LinearBlockPropagator closed, int[] held) {
        this.model = model;
        this.settings = settings;
        this.orbitIntegrator = orbitIntegrator;
        this.n = n;
        this.fastAll = fast;
        this.closed = closed;
        if (closed != null && !settings.stageQuadrature()) {
            throw new IllegalArgumentException("a block in closed form needs the stage quadrature");
        }
        // The closed block's states and the held ones are propagated apart (none without a closed block).
        int[] closedStates = closed == null ? new int[0] : closed.states;
        int[] heldApart = closed == null ? new int[0] : held;
        this.fast = IntArrays.filter(fast, i -> !IntArrays.contains(closedStates, i) && !IntArrays.contains(heldApart, i));
        allPos = IntArrays.map(this.fast, i -> positionOf(fastAll, i));
        closedPos = IntArrays.map(closedStates, i -> positionOf(fastAll, i));
        heldPos = IntArrays.map(held, i -> positionOf(fastAll, i));
        heldJacobian = new double[held.length * held.length];
        closedSlow = closed == null ? new int[0] : IntArrays.map(closed.slowStates, i -> positionOf(slow, i));
        for (int j : affineOwned) {
            if (IntArrays.contains(closedSlow, j)) {
                throw new IllegalArgumentException("a SLOW state of the closed block is owned by an affine block");
            }
        }
        fast = this.fast;
        this.slow = slow;
        this.atol = atol;
        this.directSlow = IntArrays.filter(directSlow, j -> !IntArrays.contains(closedSlow, j));
        directRow = IntArrays.map(this.directSlow, j -> slow[j]);
        boolean ownPositions = true;
        for (int k = 0; k < allPos.length; k++) {
            ownPositions &= allPos[k] == k;
        }
        driftPos = ownPositions ? null : allPos;
        this.affineOwned = affineOwned;
        this.milieuSize = milieuSize;
        this.z = z;
        this.deferredOwned = deferredOwned;
        this.drift = drift;
        this.sampler = sampler;
        nf = fast.length;
        transfers = declaredTransfers(model);
        framed = framedStates();
        transit = transitStates();
        propagator = framed.length == 0 ? null : new AffinePropagator(linearPart(), framed.length);
        forcing = new double[framed.length];
        shiftS = new double[framed.length];
        shiftDs = new double[framed.length];
        nq = settings.stageQuadrature() ? this.directSlow.length + milieuSize : 0;
        nd = settings.stageQuadrature() ? this.directSlow.length : 0;
        milieu = new double[Math.max(1, milieuSize)];
        periodMilieuMean = new double[Math.max(1, milieuSize)];
        ownedRates = new double[n];
        ownedJump = new double[slow.length];
        dim = nf + nq;
        yf = new double[dim];
        d = new double[n];
        dFast = new double[n];
        slowRate = new double[slow.length];
        memoState = new double[nf];
        yInterpolated = new double[dim];
        heldProbe = new double[z.length];
        heldRates0 = new double[n];
        heldRates = new double[n];
    }

    /**
     * The blocks' declared linear transfers, in block order, asked for once: each block builds its
     * list afresh at each call, and the four index sets and matrices below asked for it four times
     * per run (docs/performance-log.md, "jitwork").
     */
    private final LinearTransfer[] transfers;

    private static LinearTransfer[] declaredTransfers(AssembledModel model) {
        java.util.List<LinearTransfer> all = new java.util.ArrayList<>();
        for (var block : model.blocks()) {
            all.addAll(block.linearTransfers());
        }
        return all.toArray(new LinearTransfer[0]);
    }

    private final double[] yInterpolated;
    /** Scratch of {@link #beginOrbit} (the held states' Jacobian by differences), allocated once. */
    private final double[] heldProbe;
    private final double[] heldRates0;
    private final double[] heldRates;

    private static int positionOf(int[] indices, int i) {
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] == i) {
                return k;
            }
        }
        throw new IllegalArgumentException("state " + i + " is not among " + java.util.Arrays.toString(indices));
    }

    /** A buffer of the integrated vector's length (the orbit integrator's dense output). */
    double[] interpolationBuffer() {
        return yInterpolated;
    }

    /** Number of integrated FAST states (the leading components of the integrated vector). */
    int integratedFast() {
        return nf;
    }

    /**
     * Positions among all FAST states of the transit depots ({@link #transitStates}), whether
     * integrated or propagated in closed form (the closure scales are over all FAST states).
     */
    int[] transitAll() {
        boolean[] set = new boolean[fastAll.length];
        var vars = model.layout().variables();
        for (LinearTransfer lt : transfers) {
            for (int k = 0; k < fastAll.length; k++) {
                if (vars.get(fastAll[k]).id().equals(lt.from())) {
                    set[k] = true;
                }
            }
        }
        return IntArrays.ascending(set);
    }

    /**
     * A new orbit at {@code t} (the SLOW states and drivers of {@code z}): the closed block's
     * coefficients, and the check that it is still affine.
     */
    void beginOrbit(double t) {
        if (closed == null) {
            return;
        }
        if (!(closed.block() instanceof org.vascalc.physiology.vitamink.VitaminKBlock vk) || !vk.warfarinFree(z)) {
            throw new IllegalStateException("the vitamin K block is no longer warfarin-free: closed form invalid");
        }
        closed.prepare(t, z);
        // The held states' own Jacobian block (as the integrated system would give it), for the seed.
        int h = heldPos.length;
        double[] y = heldProbe;
        double[] r0 = heldRates0;
        double[] r = heldRates;
        System.arraycopy(z, 0, y, 0, y.length);
        model.blockRates(closed.block(), t, y, r0);
        for (int c = 0; c < h; c++) {
            int ic = fastAll[heldPos[c]];
            double keep = y[ic];
            y[ic] = keep + 1;
            model.blockRates(closed.block(), t, y, r);
            y[ic] = keep;
            for (int rr = 0; rr < h; rr++) {
                int ir = fastAll[heldPos[rr]];
                heldJacobian[rr * h + c] = r[ir] - r0[ir];
            }
        }
    }

    /** The FAST states of the sample at {@code t} within the current piece into {@code s}: the integrated ones from {@code q}. */
    void sampleState(double t, double[] q, double[] s) {
        for (int k = 0; k < nf; k++) {
            s[fast[k]] = q[k];
        }
        if (closed != null) {
            closed.advanceTo(t);
            closed.write(s);
        }
    }

    /**
     * As {@link #sampleState}, but without advancing the closed block's march ({@link LinearBlockPropagator#writeAt}):
     * a state between the samples for a recorded row ({@link RowPhaseSamples}), which leaves the
     * orbit's own samples and integrals as they were.
     */
    void rowState(double t, double[] q, double[] s) {
        for (int k = 0; k < nf; k++) {
            s[fast[k]] = q[k];
        }
        if (closed != null) {
            closed.writeAt(t, s);
        }
    }

    void invalidate() {
        memoValid = false;
    }

    /** The FAST states named by the blocks' declared linear transfers (empty when switched off). */
    private int[] framedStates() {
        return settings.exactLinearPart() ? linearTransferStates(true) : new int[0];
    }

    /**
     * The transit depots: FAST states that empty by a declared first-order transfer (stomach
     * stages, the fasting-tablet depot, the small-bowel chain, the vitamin K and warfarin gut
     * depots); each day's intakes pass through them and they empty towards zero between.
     */
    private int[] transitStates() {
        return linearTransferStates(false);
    }

    /**
     * FAST positions, ascending, of the sources of the blocks' declared linear transfers that start
     * at a FAST state, and with {@code withTargets} also of those transfers' FAST targets.
     */
    private int[] linearTransferStates(boolean withTargets) {
        boolean[] set = new boolean[nf];
        for (LinearTransfer lt : transfers) {
            int from = fastPosition(lt.from());
            if (from >= 0) {
                set[from] = true;
                int to = !withTargets || lt.to() == null ? -1 : fastPosition(lt.to());
                if (to >= 0) {
                    set[to] = true;
                }
            }
        }
        return IntArrays.ascending(set);
    }

    /** Position of a state among the FAST ones, or -1 (unknown id, or a SLOW state: not framed). */
    private int fastPosition(String id) {
        var vars = model.layout().variables();
        for (int k = 0; k < nf; k++) {
            if (vars.get(fast[k]).id().equals(id)) {
                return k;
            }
        }
        return -1;
    }

    /** The matrix A of the declared transfers over the framed states, row-major. */
    private double[] linearPart() {
        int m = framed.length;
        double[] a = new double[m * m];
        for (LinearTransfer lt : transfers) {
            int fromPos = fastPosition(lt.from());
            int from = fromPos < 0 ? -1 : java.util.Arrays.binarySearch(framed, fromPos);
            if (from < 0) {
                continue;
            }
            a[from * m + from] -= lt.ratePerHour();
            int toPos = lt.to() == null ? -1 : fastPosition(lt.to());
            int to = toPos < 0 ? -1 : java.util.Arrays.binarySearch(framed, toPos);
            if (to >= 0) {
                a[to * m + from] += lt.ratePerHour();
            }
        }
        return a;
    }

    @Override
    public LinearFrame linearFrame() {
        return propagator == null ? null : this;
    }

    /** The step's origin and the forcing f_n = f(t_n, y_n) on the framed states (a remembered full call). */
    @Override
    public void anchor(double t, double[] y) {
        frameActive = false;
        for (int k = 0; k < nf; k++) {
            z[fast[k]] = y[k];
        }
        evaluateFull();
        for (int j = 0; j < framed.length; j++) {
            forcing[j] = d[fast[framed[j]]];
        }
        propagator.force(forcing);
        origin = t;
        frameActive = true;
    }

    @Override
    public void shift(double tau, double[] u) {
        propagator.at(tau, shiftS, null);
        for (int j = 0; j < framed.length; j++) {
            u[framed[j]] += shiftS[j];
        }
    }

    /**
     * Tolerances of the integrated system: the FAST states' own times
     * {@link FastRun#FAST_TOLERANCE_FACTOR} (the transit depots' absolute ones also times
     * {@link FastRun#TRANSIT_TOLERANCE_SCALE}, their relative one times
     * {@link FastRun#TRANSIT_RELATIVE_SCALE}), and none for the quadratures.
     */
    Tolerances tolerances(double relative) {
        // The same at every orbit (the states' own tolerances, the transit depots, the settings' relative one): made once.
        if (madeTolerances != null && madeFor == relative) {
            return madeTolerances;
        }
        madeFor = relative;
        madeTolerances = makeTolerances(relative);
        return madeTolerances;
    }

    /** {@link #tolerances} as last made, and its argument. */
    private Tolerances madeTolerances;
    private double madeFor = Double.NaN;

    private Tolerances makeTolerances(double relative) {
        double[] a = new double[dim];
        for (int k = 0; k < nf; k++) {
            a[k] = atol[fast[k]] * FastRun.FAST_TOLERANCE_FACTOR;
        }
        for (int k : transit) {
            a[k] *= FastRun.TRANSIT_TOLERANCE_SCALE;
        }
        java.util.Arrays.fill(a, nf, dim, Double.POSITIVE_INFINITY);
        double[] relativeScale = new double[dim];
        java.util.Arrays.fill(relativeScale, 1.0);
        for (int k : transit) {
            relativeScale[k] = FastRun.TRANSIT_RELATIVE_SCALE;
        }
        double rel = relative * FastRun.FAST_TOLERANCE_FACTOR;
        // With the closed block apart, the mean square is still over all FAST states: its states
        // carried ~0 error (docs/performance-log.md, "stepsize"), so the mineral block's norm and
        // its steps stay those of the system that integrated them all.
        return new Tolerances(rel, a, closed == null ? 0 : fastAll.length, relativeScale);
    }

    /**
     * Scales of the difference Jacobians' increments: each FAST state's and each quadrature's own
     * SLOW state's absolute tolerance (unlike {@link #tolerances}, where the quadratures have none).
     */
    private double[] differenceScales() {
        double[] a = new double[dim];
        for (int k = 0; k < nf; k++) {
            a[k] = atol[fast[k]];
        }
        for (int j = 0; j < nd; j++) {
            a[nf + j] = atol[slow[directSlow[j]]];
        }
        java.util.Arrays.fill(a, nf + nd, dim, 1);
        return a;
    }

    /**
     * The FAST block of the Jacobian at the FAST part of {@code z}, drivers at {@code t0},
     * row-major nf x nf (for the monodromy seed; not kept for replay).
     */
    void jacobianAt(double t0, double[] out) {
        frameActive = false;
        driverTime = t0;
        for (int k = 0; k < nf; k++) {
            yf[k] = z[fast[k]];
        }
        java.util.Arrays.fill(yf, nf, dim, 0.0);
        if (seedScratch == null) {
            seedScratch = arena.doubles(dim * dim);
        }
        // The integrator's difference Jacobian (same system, same scales): one sparsity probe
        // per run instead of two (2 x (dim + 1) calls). The patterns probed at the seed's and
        // at the first step's state agree: the benchmark decade's outputs are the same bits
        // (docs/performance-log.md, "overheads2").
        if (grouped == null) {
            grouped = new GroupedJacobian(this, differenceScales());
        }
        grouped.evaluate(t0, yf, seedScratch);
        if (closed == null) {
            for (int r = 0; r < nf; r++) {
                System.arraycopy(seedScratch, r * dim, out, r * nf, nf);
            }
        } else {
            // The blocks do not couple (no Jacobian entry between them): the closed block's exact A
            // and the held states' own block beside the integrated system's difference Jacobian.
            int na = fastAll.length;
            java.util.Arrays.fill(out, 0, na * na, 0.0);
            for (int r = 0; r < nf; r++) {
                for (int c = 0; c < nf; c++) {
                    out[allPos[r] * na + allPos[c]] = seedScratch[r * dim + c];
                }
            }
            double[] am = closed.matrix();
            int m = closedPos.length;
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < m; c++) {
                    out[closedPos[r] * na + closedPos[c]] = am[r * m + c];
                }
            }
            int h = heldPos.length;
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < h; c++) {
                    out[heldPos[r] * na + heldPos[c]] = heldJacobian[r * h + c];
                }
            }
        }
        for (int k = 0; k < nf; k++) {
            z[fast[k]] = yf[k];
        }
        invalidate();
    }

    /**
     * First step of each piece by its phase (its start's time since the period's start): the step
     * the controller proposed after the first step of the same piece in the last period
     * ({@link Rodas4Integrator#firstStepProposal()}), or 0 where none is known yet. The orbit
     * repeats from period to period, so that step is known to suit the piece's start; the
     * automatic starting step after an intake was up to 1000 times shorter (3e-5 h at the 8:00
     * intakes) and the controller, growing it at most 6-fold a step, took 2–4 steps to recover
     * at every intake (docs/performance-log.md, "orbit steps").
     */
    private double[] phases = new double[8];
    private double[] phaseStep = new double[8];
    private int phaseCount;

    /** The slot of a piece's phase in {@link #phases}, added (first step unknown) if new. */
    private int phaseSlot(double phase) {
        for (int q = 0; q < phaseCount; q++) {
            if (Math.abs(phases[q] - phase) < 1e-9) {
                return q;
            }
        }
        if (phaseCount == MAX_PHASES) {
            // Many regimen segments with different intake times: forget the old ones.
            phaseCount = 0;
        }
        if (phaseCount == phases.length) {
            phases = java.util.Arrays.copyOf(phases, 2 * phaseCount);
            phaseStep = java.util.Arrays.copyOf(phaseStep, 2 * phaseCount);
        }
        phases[phaseCount] = phase;
        phaseStep[phaseCount] = 0;
        return phaseCount++;
    }

    void integratePiece(Tolerances tolerances, double periodStart, double t0, double t1, boolean jumped) {
        driverTime = periodStart;
        for (int k = 0; k < nf; k++) {
            yf[k] = z[fast[k]];
        }
        for (int j = 0; j < nd; j++) {
            yf[nf + j] = z[n + directSlow[j]];
        }
        for (int k = 0; k < nq - nd; k++) {
            yf[nf + nd + k] = z[n + slow.length + k];
        }
        if (nq == 0) {
            slowRates();
        }
        lastTime = t0;
        if (closed != null) {
            closed.start(t0, z, drift.rate(), closedPos);
        }
        int slot = phaseSlot(t0 - periodStart);
        double h0 = phaseStep[slot] > 0 ? phaseStep[slot] : jumped ? 0 : orbitIntegrator.suggestedNextStep();
        IntegrationStats s = orbitIntegrator.integrate(this, tolerances, t0, yf, t1, observer, h0);
        phaseStep[slot] = orbitIntegrator.firstStepProposal();
        stats = stats.plus(s);
        frameActive = false;
        for (int k = 0; k < nf; k++) {
            z[fast[k]] = yf[k];
        }
        for (int j = 0; j < nd; j++) {
            z[n + directSlow[j]] = yf[nf + j];
        }
        for (int k = 0; k < nq - nd; k++) {
            z[n + slow.length + k] = yf[nf + nd + k];
        }
        if (closed != null) {
            closed.advanceTo(t1);
            closed.write(z);
            double[] in = closed.integral();
            for (int k = 0; k < closedSlow.length; k++) {
                z[n + closedSlow[k]] += in[k];
            }
        }
        // The affine blocks' owned integrals are read at the orbit's end only (ownedAtPeriodEnd) and
        // at samples on piece boundaries (deferred): one block call per orbit, not one per piece.
        pieceTau = t1 - periodStart;
    }

    /** Time from the period's start to the end of the last piece integrated ({@link #integratePiece}). */
    double pieceTau;

    /** Sample {@code k}'s owned integrals at {@code tau} from z's milieu integrals and the jumps so far, left for later. */
    void deferOwned(int k, double tau) {
        deferredOwned.defer(k, tau, driverTime, z, n + slow.length, ownedJump);
    }

    /**
     * The affine blocks' owned integrals over the period just integrated into z (as the last
     * piece's end would have written them): read by the orbit's average only.
     */
    void ownedAtPeriodEnd() {
        // With the wall on its own step (the default) no SLOW state here is owned by an affine
        // block: nothing to write, and the blocks' call would be thrown away.
        if (milieuSize > 0 && affineOwned.length > 0) {
            ownedIntegrals(pieceTau, z, n + slow.length, z, n);
        }
    }

    /** A new period: no jumps yet (the integrals themselves are reset in {@code z}). */
    void beginIntegrals() {
        java.util.Arrays.fill(ownedJump, 0.0);
    }

    /** An intake's jump of SLOW state {@code j} (position in {@link #slow}) into its accumulator. */
    void jumped(int j, double amount) {
        ownedJump[j] += amount;
    }

    /**
     * Sample {@code k}'s SLOW integrals from the period's start over {@code tau} into {@code out}
     * (indexed like {@link #slow}), from the quadrature components {@code q} (from {@code qFrom});
     * the affine blocks' own ones are left to {@link #deferredOwned} (read once per run).
     */
    void sampleIntegrals(int k, double tau, double[] q, int qFrom, double[] out) {
        for (int j = 0; j < nd; j++) {
            out[directSlow[j]] = q[qFrom + j];
        }
        if (closed != null) {
            // (after sampleState, which advanced the closed block to the sample)
            double[] in = closed.integral();
            for (int j = 0; j < closedSlow.length; j++) {
                out[closedSlow[j]] = z[n + closedSlow[j]] + in[j];
            }
        }
        if (milieuSize > 0) {
            deferredOwned.defer(k, tau, driverTime, q, qFrom + nd, ownedJump);
        }
    }

    /**
     * The affine blocks' SLOW integrals over {@code tau} from the period's start: tau times their
     * rates at the milieu's mean over it (exact: with the SLOW states and drivers frozen the rates
     * are affine in the milieu), plus the intakes' jumps; the milieu's integrals are read from
     * {@code m} at {@code mFrom}, the results written into {@code out} at {@code outFrom} + position in {@link #slow}.
     */
    private void ownedIntegrals(double tau, double[] m, int mFrom, double[] out, int outFrom) {
        if (!(tau > 0)) {
            for (int j : affineOwned) {
                out[outFrom + j] = ownedJump[j];
            }
            return;
        }
        for (int k = 0; k < milieuSize; k++) {
            periodMilieuMean[k] = m[mFrom + k] / tau;
        }
        model.addOwnedRates(driverTime, z, periodMilieuMean, ownedRates);
        for (int j : affineOwned) {
            out[outFrom + j] = ownedJump[j] + tau * ownedRates[slow[j]];
        }
    }

    /**
     * At each accepted step: samples, the new state, and (without quadrature components) a
     * trapezoidal step of the integrals.
     */
    private void accumulate(double t, double[] y) {
        sampler.sampleWithin(lastTime, t);
        if (nq > 0) {
            // Nothing reads z's FAST part or integrals before the piece ends ({@link #integratePiece}
            // writes them back) or the next call writes the FAST part ({@link #derivatives}): the
            // samples take theirs from the dense output.
            lastTime = t;
            return;
        }
        for (int k = 0; k < nf; k++) {
            z[fast[k]] = y[k];
        }
        double h = t - lastTime;
        for (int j = 0; j < slow.length; j++) {
            z[n + j] += 0.5 * h * slowRate[j];
        }
        slowRates();
        for (int j = 0; j < slow.length; j++) {
            z[n + j] += 0.5 * h * slowRate[j];
        }
        lastTime = t;
    }

    /** SLOW rates at the FAST part of {@code z}. */
    private void slowRates() {
        evaluateFull();
        for (int j = 0; j < slow.length; j++) {
            slowRate[j] = d[slow[j]];
        }
    }

    /** Whether {@code d} holds the full derivative at the FAST part of {@code z}. */
    private boolean memoHolds() {
        boolean same = memoValid;
        for (int k = 0; k < nf && same; k++) {
            same = memoState[k] == z[fast[k]];
        }
        return same;
    }

    /** Full model derivative at {@code z} into {@code d}, unless {@code d} already holds it. */
    private void evaluateFull() {
        if (!memoHolds()) {
            computeFull();
        }
    }

    /** Full model derivative at {@code z} into {@code d}, remembered (the caller knows {@code d} does not hold it). */
    private void computeFull() {
        computeFull(null);
    }

    /** {@link #computeFull()}, the memo copied from {@code fastPart} (z's FAST part in FAST order) when not null. */
    private void computeFull(double[] fastPart) {
        if (closed != null) {
            model.skip(closed.block());
        }
        if (milieuSize > 0) {
            model.frozenMilieuDerivatives(driverTime, z, d, milieu);
        } else {
            model.derivatives(driverTime, z, d);
        }
        if (closed != null) {
            model.skip(null);
        }
        if (fastPart != null) {
            System.arraycopy(fastPart, 0, memoState, 0, nf);
        } else {
            for (int k = 0; k < nf; k++) {
                memoState[k] = z[fast[k]];
            }
        }
        memoValid = true;
    }

    @Override
    public int dimension() {
        return dim;
    }

    @Override
    public int quadratures() {
        return nq;
    }

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        if (!frameActive) {
            // The state goes into z and is compared with the remembered call's in one pass
            // (what memoHolds would find: z's FAST part is then y itself).
            boolean same = memoValid;
            for (int k = 0; k < nf; k++) {
                double v = y[k];
                z[fast[k]] = v;
                same &= memoState[k] == v;
            }
            fullOrFast(dydt, same, y);
            return;
        }
        for (int k = 0; k < nf; k++) {
            z[fast[k]] = y[k];
        }
        // In the step's frame: the state is u + s(tau), and s'(tau) comes off the framed rows.
        propagator.at(t - origin, shiftS, shiftDs);
        for (int j = 0; j < framed.length; j++) {
            z[fast[framed[j]]] += shiftS[j];
        }
        fullOrFast(dydt, memoHolds(), null);
        for (int j = 0; j < framed.length; j++) {
            dydt[framed[j]] -= shiftDs[j];
        }
    }

    /**
     * The derivative at the FAST part of {@code z}, less the FAST states' drift ({@link OrbitDrift}):
     * the FAST rows are gathered and the drift subtracted in one pass (the same subtraction).
     *
     * @param remembered whether {@code d} holds the full derivative at the FAST part of {@code z} ({@link #memoHolds})
     * @param fastPart the FAST part of {@code z} in FAST order when the caller has it (copied into the
     *                 memo instead of gathered from {@code z}), or null
     */
    private void fullOrFast(double[] dydt, boolean remembered, double[] fastPart) {
        double[] v = drift.rate();
        if (nq > 0 || remembered) {
            // The quadrature components need the SLOW rows: a full call (remembered).
            if (!remembered) {
                computeFull(fastPart);
            }
            gatherFast(d, v, dydt);
            int[] rows = directRow;
            for (int j = 0; j < nd; j++) {
                dydt[nf + j] = d[rows[j]];
            }
            for (int k = 0; k < nq - nd; k++) {
                dydt[nf + nd + k] = milieu[k];
            }
            return;
        }
        // Without quadrature components only: a closed block needs the stage quadrature (refused
        // above otherwise), and its quadrature components are never empty: the mineral block's SLOW
        // states, in every assembled model, are neither the closed block's nor an affine block's.
        // So no closed block is left out here (its rows, were it present, would not be gathered).
        model.fastDerivatives(driverTime, z, dFast);
        gatherFast(dFast, v, dydt);
    }

    /** {@code dydt[k] = rates[fast[k]] - drift[allPos[k]]} for the integrated FAST states. */
    private void gatherFast(double[] rates, double[] drift, double[] dydt) {
        int[] f = fast;
        int[] pos = driftPos;
        if (pos == null) {
            for (int k = 0; k < nf; k++) {
                dydt[k] = rates[f[k]] - drift[k];
            }
        } else {
            for (int k = 0; k < nf; k++) {
                dydt[k] = rates[f[k]] - drift[pos[k]];
            }
        }
    }

    @Override
    public boolean autonomous() {
        return true;
    }

    private GroupedJacobian grouped;
    private double[] seedScratch;
    /** Jacobians of the last period computed afresh, by phase (time since the period's start). */
    private double[][] stored = new double[0][];
    /** Where the stored Jacobians and the seed's scratch come from ({@link RunArena}; set by the run that makes this system). */
    private RunArena arena = RunArena.NONE;

    /** Takes the stored Jacobians and the seed's scratch from {@code arena} (the making run's: given back when it ends). */
    void lendFrom(RunArena arena) {
        this.arena = arena;
    }
    private double[] storedPhase = new double[0];
    private int storedCount;
    private boolean replay;
    private int cursor;

    /**
     * Starts a period. Unless {@code fresh} (or nothing is stored), the period reuses the
     * Jacobians stored at the same phase of the last period computed afresh instead of
     * differencing. The orbit iteration uses this from its second period on: successive periods
     * of one iteration differ by the orbit's closure defect only, so the Jacobian at a phase
     * is nearly the same, unlike from step to step within the day, where reusing it failed
     * (docs/performance.md). Reusing the previous orbit's Jacobians (weeks earlier, a few
     * percent away) doubled the steps, so every orbit starts afresh. The embedded error
     * estimate still controls each step; a rejected step makes the next period fresh.
     */
    void beginPeriod(boolean fresh) {
        replay = !fresh && storedCount > 0;
        if (!replay) {
            storedCount = 0;
        }
        cursor = 0;
    }

    boolean replaying() {
        return replay;
    }

    /** Forward differences, columns with disjoint rows perturbed together (one call per group), or the stored one. */
    @Override
    public boolean jacobian(double t, double[] y, double[] dfdy) {
        double phase = t - driverTime;
        if (replay) {
            while (cursor + 1 < storedCount && storedPhase[cursor + 1] <= phase + 1e-9) {
                cursor++;
            }
            System.arraycopy(stored[cursor], 0, dfdy, 0, dim * dim);
            return true;
        }
        if (grouped == null) {
            grouped = new GroupedJacobian(this, differenceScales());
        }
        // (the integrator uses the FAST block only: the quadratures' rows and columns stay out of its matrix)
        grouped.evaluate(t, y, dfdy);
        store(phase, dfdy);
        return true;
    }

    /** Appends a Jacobian to the store (the arrays grow only in the first periods of a run). */
    private void store(double phase, double[] dfdy) {
        if (storedCount == stored.length) {
            int grown = Math.max(64, 2 * stored.length);
            stored = java.util.Arrays.copyOf(stored, grown);
            storedPhase = java.util.Arrays.copyOf(storedPhase, grown);
        }
        if (stored[storedCount] == null) {
            stored[storedCount] = arena.doubles(dim * dim);
        }
        System.arraycopy(dfdy, 0, stored[storedCount], 0, dim * dim);
        storedPhase[storedCount++] = phase;
    }
}
