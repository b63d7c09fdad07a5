package org.vascalc.simulation.engine;

import java.util.List;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.Intake;
import org.vascalc.physiology.model.MilieuAffine;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.physiology.model.TimeScale;
import org.vascalc.simulation.integrate.OdeSystem;

/**
 * The blocks bound to one layout as one ODE system: the derivative call zeroes {@code dydt}, brings
 * the drivers to time {@code t} and lets each block add its contribution. Allocation-free.
 */
final class AssembledModel implements OdeSystem {

    private final Block[] blocks;
    private final StateLayout layout;
    private final Drivers drivers = new Drivers();
    private final DriverCourse course;
    private final int[] fast;
    private final int[] slow;
    private final double[] absoluteTolerance;
    private long evaluations;
    /** The layout's size (read at every call's zeroing: a field, not two list look-ups). */
    private final int size;

    /** Per state: driven by a period mean ({@link Block#periodMeanStates}). */
    private final boolean[] periodMean;

    AssembledModel(List<Block> blocks, DriverCourse course) {
        this.blocks = blocks.toArray(new Block[0]);
        this.layout = StateLayout.of(blocks);
        this.course = course;
        for (Block b : this.blocks) {
            b.bind(layout);
        }
        int n = layout.size();
        size = n;
        int nf = 0;
        for (int i = 0; i < n; i++) {
            if (layout.variable(i).timeScale() == TimeScale.FAST) {
                nf++;
            }
        }
        fast = new int[nf];
        slow = new int[n - nf];
        absoluteTolerance = new double[n];
        int f = 0;
        int s = 0;
        for (int i = 0; i < n; i++) {
            absoluteTolerance[i] = layout.variable(i).absoluteTolerance();
            if (layout.variable(i).timeScale() == TimeScale.FAST) {
                fast[f++] = i;
            } else {
                slow[s++] = i;
            }
        }
        periodMean = new boolean[n];
        for (Block b : this.blocks) {
            for (String id : b.periodMeanStates()) {
                periodMean[layout.index(id)] = true;
            }
        }
    }

    /** Whether state {@code i} is driven by a period mean ({@link Block#periodMeanStates}). */
    boolean periodMean(int i) {
        return periodMean[i];
    }

    /** Raw bits of the time whose drivers {@link #drivers} hold, valid while {@link #driversApplied}. */
    private long appliedTimeBits;
    private boolean appliedStabilising;
    private boolean driversApplied;

    /**
     * Brings {@link #drivers} to time {@code t}, unless they are there already: fast mode's orbit
     * and quadrature call the model thousands of times at one driver time (the period's start), and
     * the course's drivers are a function of the time and its stabilisation flag only, so the same
     * values (an eGFR interpolation, the age's division, the statin and meal windows) were computed
     * at every call. The blocks only read the drivers; {@link #driversAt} hands them out and forgets.
     */
    private void applyDrivers(double t) {
        long bits = Double.doubleToRawLongBits(t);
        boolean stabilising = course.stabilising();
        if (driversApplied && bits == appliedTimeBits && stabilising == appliedStabilising) {
            return;
        }
        course.apply(t, drivers);
        appliedTimeBits = bits;
        appliedStabilising = stabilising;
        driversApplied = true;
    }

    @Override
    public int dimension() {
        return size;
    }

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        evaluations++;
        java.util.Arrays.fill(dydt, 0, size, 0.0);
        applyDrivers(t);
        for (Block b : blocks) {
            if (b != skipped) {
                b.addRates(t, y, drivers, dydt);
            }
        }
    }

    /**
     * The FAST rows of {@link #derivatives} (the same bits; the SLOW rows of {@code dydt} are left
     * incomplete): each block's {@link Block#addFastRates}. For the callers that read only the FAST
     * rows of a full call (fast mode's drift guard and its orbit's response to the SLOW states);
     * counted as a derivative call.
     */
    void fastRowDerivatives(double t, double[] y, double[] dydt) {
        evaluations++;
        java.util.Arrays.fill(dydt, 0, size, 0.0);
        applyDrivers(t);
        assert skipped == null : "fastRowDerivatives called while a block is skipped";
        for (Block b : blocks) {
            b.addFastRates(t, y, drivers, dydt);
        }
    }

    /**
     * A block left out of {@link #derivatives} and the frozen milieu's calls while set (its rows stay
     * 0), or null: fast mode's orbit system while it propagates that block apart in closed form
     * ({@link LinearBlockPropagator}); set and cleared around the orbit system's own full calls only
     * ({@code FrozenFastSystem.computeFull}), so {@link #fastDerivatives} and
     * {@link #fastRowDerivatives}, never called while it is set, only assert that it is not.
     */
    private Block skipped;

    void skip(Block b) {
        skipped = b;
    }

    /** One block's rates at {@code y}, drivers at {@code t}, into {@code out} (all other rows 0); not counted as a call. */
    void blockRates(Block b, double t, double[] y, double[] out) {
        java.util.Arrays.fill(out, 0, size, 0.0);
        applyDrivers(t);
        b.addRates(t, y, drivers, out);
    }

    private Block[] fastBlocks;

    /**
     * The FAST rows of f(t, y) only (the SLOW rows of {@code dydt} are left incomplete): blocks that
     * own no FAST state and write into no FAST row are skipped. Fast mode's orbit integration needs
     * nothing else between its step-end evaluations. Which blocks write into FAST rows is probed
     * once, at {@code y} and at a shifted copy (a block whose contribution to a FAST row vanishes at
     * both would be missed). In the standard model every block qualifies (the wall withdraws the
     * calcium and phosphate it deposits from the ECF, a FAST row), so this saves nothing today; it
     * does for SLOW-only blocks that feed nothing back within the period.
     */
    void fastDerivatives(double t, double[] y, double[] dydt) {
        if (fastBlocks == null) {
            fastBlocks = blocksWritingFastRows(t, y);
        }
        evaluations++;
        java.util.Arrays.fill(dydt, 0, size, 0.0);
        applyDrivers(t);
        assert skipped == null : "fastDerivatives called while a block is skipped";
        for (Block b : fastBlocks) {
            b.addRates(t, y, drivers, dydt);
        }
    }

    private Block[] blocksWritingFastRows(double t, double[] y) {
        int n = size;
        java.util.List<Block> needed = new java.util.ArrayList<>();
        double[] at = new double[n];
        double[] out = new double[n];
        applyDrivers(t);
        for (Block b : blocks) {
            boolean writes = false;
            for (StateVariable v : b.variables()) {
                writes |= v.timeScale() == TimeScale.FAST;
            }
            for (int pass = 0; pass < 2 && !writes; pass++) {
                for (int i = 0; i < n; i++) {
                    at[i] = pass == 0 ? y[i] : 1.5 * y[i] + 1e3 * absoluteTolerance[i] + 1e-3;
                }
                java.util.Arrays.fill(out, 0.0);
                b.addRates(t, at, drivers, out);
                for (int i : fast) {
                    writes |= out[i] != 0;
                }
            }
            if (writes) {
                needed.add(b);
            }
        }
        return needed.toArray(new Block[0]);
    }

    // ---- Frozen milieu (fast mode's orbit): see MilieuAffine ----

    private MilieuAffine[] affine;
    private Block[] plain;
    private int[] milieuFrom;
    private int milieuSize;
    /** Whether the affine blocks come after all others in {@link #blocks} (see {@link #affineLast()}). */
    private boolean affineLast;
    /** Per state: a SLOW state of a {@link MilieuAffine} block (its rows come from that block only). */
    private boolean[] ownedByAffine;
    /** Rows (outside the affine blocks' own SLOW states) the affine blocks write, and their affine coefficients. */
    private int[] frozenRows = new int[0];
    private double[] frozenBase = new double[0];
    /** Row-major [row][milieu]: the change of each frozen row per unit of each milieu scalar. */
    private double[] frozenSlope = new double[0];
    private double frozenTime = Double.NaN;
    /**
     * The affine blocks' own SLOW rows as one range [{@code ownFrom}, {@code ownTo}) (empty where they
     * are not contiguous): rows no plain block writes, which {@link #frozenMilieuDerivatives} leaves
     * at the 0 of its first call into an array after each {@link #freezeMilieu}.
     */
    private int ownFrom;
    private int ownTo;
    /** The array {@link #frozenMilieuDerivatives} last wrote into (its own SLOW rows are 0). */
    private double[] frozenOut;

    /** Whether the affine blocks' own rows of {@code rates} are +0 (checked with assertions on: tests). */
    private boolean ownRowsZero(double[] rates) {
        for (int i = ownFrom; i < ownTo; i++) {
            if (Double.doubleToRawLongBits(rates[i]) != 0L) {
                return false;
            }
        }
        return true;
    }
    private double[] scratchRates;
    private double[] freezeBase;
    private double[][] freezeSlope;
    private double[] scratchMilieu;
    /** Per milieu scalar: whether some affine block's other rows read it ({@link MilieuAffine#otherRowsRead}). */
    private boolean[] otherRowsRead;
    private long affineEvaluations;
    private long frozenMilieuEvaluations;

    private void splitAffine() {
        if (affine != null) {
            return;
        }
        java.util.List<MilieuAffine> a = new java.util.ArrayList<>();
        java.util.List<Block> rest = new java.util.ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof MilieuAffine m) {
                a.add(m);
            } else {
                rest.add(b);
            }
        }
        affine = a.toArray(new MilieuAffine[0]);
        plain = rest.toArray(new Block[0]);
        boolean last = affine.length > 0;
        for (int k = 0; k < affine.length; k++) {
            last &= blocks[plain.length + k] == affine[k];
        }
        affineLast = last;
        milieuFrom = new int[affine.length];
        int total = 0;
        for (MilieuAffine m : affine) {
            total += m.milieuSize();
        }
        otherRowsRead = new boolean[total];
        ownedByAffine = new boolean[layout.size()];
        for (int k = 0; k < affine.length; k++) {
            milieuFrom[k] = milieuSize;
            for (int c = 0; c < affine[k].milieuSize(); c++) {
                otherRowsRead[milieuSize + c] = affine[k].otherRowsRead(c);
            }
            milieuSize += affine[k].milieuSize();
            int off = layout.offset(affine[k].id());
            java.util.List<StateVariable> vars = affine[k].variables();
            for (int v = 0; v < vars.size(); v++) {
                ownedByAffine[off + v] = vars.get(v).timeScale() == TimeScale.SLOW;
            }
        }
        int from = -1;
        int to = -1;
        boolean contiguous = true;
        for (int i = 0; i < ownedByAffine.length; i++) {
            if (ownedByAffine[i]) {
                if (from < 0) {
                    from = i;
                } else if (to != i) {
                    contiguous = false;
                }
                to = i + 1;
            }
        }
        ownFrom = contiguous && from >= 0 ? from : 0;
        ownTo = contiguous && from >= 0 ? to : 0;
        scratchRates = new double[layout.size()];
        freezeBase = new double[layout.size()];
        freezeSlope = new double[milieuSize][layout.size()];
        scratchMilieu = new double[Math.max(1, milieuSize)];
    }

    /** Total number of milieu scalars of the {@link MilieuAffine} blocks (0 without such blocks). */
    int milieuSize() {
        splitAffine();
        return milieuSize;
    }

    /**
     * The affine blocks' {@link MilieuAffine#ownDiagonalGroups} as positions in {@code own} (layout
     * indices of their SLOW states); every position of {@code own} in no group is a group of its own.
     */
    int[][] affineDiagonalGroups(int[] own) {
        splitAffine();
        java.util.List<int[]> groups = new java.util.ArrayList<>();
        boolean[] grouped = new boolean[own.length];
        int[] position = new int[layout.size()];
        java.util.Arrays.fill(position, -1);
        for (int k = 0; k < own.length; k++) {
            position[own[k]] = k;
        }
        for (MilieuAffine a : affine) {
            int off = layout.offset(a.id());
            int size = a.variables().size();
            for (int[] g : a.ownDiagonalGroups()) {
                int[] q = new int[g.length];
                for (int m = 0; m < g.length; m++) {
                    q[m] = g[m] >= 0 && g[m] < size ? position[off + g[m]] : -1;
                    if (q[m] < 0 || grouped[q[m]]) {
                        throw new IllegalStateException("diagonal group of " + a.id() + " names state " + g[m]
                                + ", not one of its SLOW states or twice");
                    }
                    grouped[q[m]] = true;
                }
                groups.add(q);
            }
        }
        for (int k = 0; k < own.length; k++) {
            if (!grouped[k]) {
                groups.add(new int[] {k});
            }
        }
        return groups.toArray(new int[0][]);
    }

    /** Whether state {@code i} is a SLOW state of a {@link MilieuAffine} block. */
    boolean ownedByAffine(int i) {
        splitAffine();
        return ownedByAffine[i];
    }

    /**
     * Fixes the affine blocks' coefficients at the SLOW states of {@code y} and the drivers at
     * {@code t}: their contribution to every row but their own SLOW ones, at milieu 0 and per unit
     * of each milieu scalar those rows read ({@link MilieuAffine#addOtherRowsGivenMilieu}, one call
     * of those blocks plus one per scalar some block's other rows read, {@link MilieuAffine#otherRowsRead};
     * a scalar none reads has slope 0 exactly, f(e_c) - f(0) of rows that do not read it: the wall's
     * sink reads the growth and nucleation drives, so 3 sink-only calls, were 5 full ones).
     */
    void freezeMilieu(double t, double[] y) {
        splitAffine();
        frozenOut = null; // each orbit's first call zeroes all rows of its array
        applyDrivers(t);
        int n = size;
        double[] base = freezeBase;
        double[][] slope = freezeSlope;
        java.util.Arrays.fill(base, 0.0);
        for (double[] s : slope) {
            java.util.Arrays.fill(s, 0.0);
        }
        java.util.Arrays.fill(scratchMilieu, 0.0);
        for (int k = 0; k < affine.length; k++) {
            affine[k].addOtherRowsGivenMilieu(t, y, drivers, scratchMilieu, 0, base);
        }
        int calls = 1;
        for (int c = 0; c < milieuSize; c++) {
            if (!otherRowsRead[c]) {
                // No block's other rows read c: its slope is f(e_c) - f(0) = 0 exactly (left 0 by the fill).
                continue;
            }
            calls++;
            scratchMilieu[c] = 1;
            for (int k = 0; k < affine.length; k++) {
                affine[k].addOtherRowsGivenMilieu(t, y, drivers, scratchMilieu, 0, slope[c]);
            }
            scratchMilieu[c] = 0;
            for (int i = 0; i < n; i++) {
                slope[c][i] -= base[i];
            }
        }
        affineEvaluations += calls * (long) affine.length;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!ownedByAffine[i] && rowWritten(base, slope, i)) {
                count++;
            }
        }
        if (frozenRows.length != count) {
            frozenRows = new int[count];
            frozenBase = new double[count];
            frozenSlope = new double[count * milieuSize];
        }
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (!ownedByAffine[i] && rowWritten(base, slope, i)) {
                frozenRows[r] = i;
                frozenBase[r] = base[i];
                for (int c = 0; c < milieuSize; c++) {
                    frozenSlope[r * milieuSize + c] = slope[c][i];
                }
                r++;
            }
        }
        frozenTime = t;
    }

    private static boolean rowWritten(double[] base, double[][] slope, int i) {
        boolean written = base[i] != 0;
        for (double[] s : slope) {
            written |= s[i] != 0;
        }
        return written;
    }

    /**
     * f(t, y) with the affine blocks by their frozen coefficients ({@link #freezeMilieu}, which must
     * have been called at this {@code t} and these SLOW states), their milieu into {@code milieu};
     * the affine blocks' own SLOW rows are left at 0 (their integral comes from the milieu's,
     * {@link #addOwnedRates}). Those rows (the wall's 44 of the 94) are zeroed at the first call into
     * an array after each {@link #freezeMilieu} and not again while the calls write into the same
     * array (fast mode's orbit system, which writes into that array nothing else): no block writes them here, so they stay 0 (the same
     * bits; docs/performance-log.md, "wallcut").
     */
    void frozenMilieuDerivatives(double t, double[] y, double[] dydt, double[] milieu) {
        if (t != frozenTime) {
            throw new IllegalStateException("milieu frozen at " + frozenTime + " h, used at " + t + " h");
        }
        frozenMilieuEvaluations++;
        evaluations++;
        if (dydt == frozenOut) {
            assert ownRowsZero(dydt) : "the frozen-milieu array was written outside the model";
            java.util.Arrays.fill(dydt, 0, ownFrom, 0.0);
            java.util.Arrays.fill(dydt, ownTo, size, 0.0);
        } else {
            java.util.Arrays.fill(dydt, 0, size, 0.0);
            frozenOut = dydt;
        }
        plainBlockRatesFilled(t, y, dydt, false);
        affineMilieu(y, milieu);
        int[] rows = frozenRows;
        double[] base = frozenBase;
        double[] slope = frozenSlope;
        if (milieuSize == 4) {
            // the wall's four scalars written out (the loop below, term by term in its order: the same bits)
            double m0 = milieu[0];
            double m1 = milieu[1];
            double m2 = milieu[2];
            double m3 = milieu[3];
            for (int r = 0, at = 0; r < rows.length; r++, at += 4) {
                double v = base[r];
                v += m0 * slope[at];
                v += m1 * slope[at + 1];
                v += m2 * slope[at + 2];
                v += m3 * slope[at + 3];
                dydt[rows[r]] += v;
            }
            return;
        }
        for (int r = 0; r < rows.length; r++) {
            double v = base[r];
            for (int c = 0; c < milieuSize; c++) {
                v += milieu[c] * slope[r * milieuSize + c];
            }
            dydt[rows[r]] += v;
        }
    }

    /**
     * The affine blocks' own SLOW rates at {@code y}'s SLOW states, the drivers at {@code t} and the
     * milieu {@code milieu}, into those rows of {@code out} (other rows untouched).
     */
    void addOwnedRates(double t, double[] y, double[] milieu, double[] out) {
        affineRates(t, y, milieu);
        for (int i = 0; i < scratchRates.length; i++) {
            if (ownedByAffine[i]) {
                out[i] = scratchRates[i];
            }
        }
    }

    /**
     * f(t, y) of the blocks that are not {@link MilieuAffine} into {@code dydt}, and the affine blocks'
     * milieu into {@code milieu} (their rows are left out: see {@link #addAffineRates}).
     */
    void plainDerivatives(double t, double[] y, double[] dydt, double[] milieu) {
        splitAffine();
        plainRatesAndMilieu(t, y, dydt, milieu);
    }

    /** The rates of the blocks that are not {@link MilieuAffine} into {@code dydt} (other rows 0), the affine blocks' milieu into {@code milieu}. */
    private void plainRatesAndMilieu(double t, double[] y, double[] dydt, double[] milieu) {
        frozenMilieuEvaluations++;
        plainBlockRates(t, y, dydt, false);
        affineMilieu(y, milieu);
    }

    /**
     * The rates (all rows, or with {@code slowRowsOnly} each block's {@link Block#addSlowRates}) of the
     * blocks that are not {@link MilieuAffine} into {@code rates} (other rows 0), the drivers applied at
     * {@code t}; counted as a derivative call.
     */
    private void plainBlockRates(double t, double[] y, double[] rates, boolean slowRowsOnly) {
        evaluations++;
        java.util.Arrays.fill(rates, 0, size, 0.0);
        plainBlockRatesFilled(t, y, rates, slowRowsOnly);
    }

    /** {@link #plainBlockRates} onto {@code rates} already zeroed, not counted. */
    private void plainBlockRatesFilled(double t, double[] y, double[] rates, boolean slowRowsOnly) {
        applyDrivers(t);
        for (Block b : plain) {
            if (b == skipped) {
                continue;
            }
            if (slowRowsOnly) {
                b.addSlowRates(t, y, drivers, rates);
            } else {
                b.addRates(t, y, drivers, rates);
            }
        }
    }

    /** The affine blocks' milieu at {@code y} into {@code milieu}, with the drivers as last applied. */
    private void affineMilieu(double[] y, double[] milieu) {
        if (affine.length == 1) {
            affine[0].milieu(y, drivers, milieu, 0); // the wall alone (milieuFrom[0] is 0)
            return;
        }
        for (int k = 0; k < affine.length; k++) {
            affine[k].milieu(y, drivers, milieu, milieuFrom[k]);
        }
    }

    /** The affine blocks' milieu at {@code y} and the drivers at {@code t} into {@code milieu}: no block's rates. */
    void milieu(double t, double[] y, double[] milieu) {
        splitAffine();
        applyDrivers(t);
        affineMilieu(y, milieu);
    }

    // ---- A moved SLOW state of an affine block (fast mode's structural probes) ----

    /**
     * The rates of the blocks that are not {@link MilieuAffine} at {@code y} into {@code plain}
     * (other rows 0), for {@link #derivativesGivenPlain}. Counted as a derivative call.
     */
    void plainRates(double t, double[] y, double[] rates) {
        splitAffine();
        plainBlockRates(t, y, rates, false);
    }

    /**
     * Whether {@link #derivativesGivenPlain} gives {@link #derivatives}' bits: the affine blocks come
     * after all others (so the full call adds their rates onto the others' sums, as it does).
     */
    boolean affineLast() {
        splitAffine();
        return affineLast;
    }

    /**
     * {@link #derivatives} at {@code y} from the other blocks' rates {@code plain} ({@link #plainRates})
     * at a state that differs from {@code y} in SLOW states of the affine blocks only: those blocks'
     * states are read by no other block (AffineDiagonalTest), so only the affine blocks are called.
     * The same bits as {@link #derivatives} when {@link #affineLast}; counted as the affine blocks' calls.
     */
    void derivativesGivenPlain(double t, double[] y, double[] plain, double[] dydt) {
        System.arraycopy(plain, 0, dydt, 0, size);
        applyDrivers(t);
        for (MilieuAffine b : affine) {
            b.addRates(t, y, drivers, dydt);
        }
        affineEvaluations += affine.length;
    }

    // ---- SLOW rows only (fast mode's quadrature): see Block#addSlowRates ----

    private long slowRowEvaluations;

    /** The SLOW rows of f(t, y) (the FAST rows of {@code dydt} are left incomplete): each block's {@link Block#addSlowRates}. */
    void slowDerivatives(double t, double[] y, double[] dydt) {
        evaluations++;
        slowRowEvaluations++;
        java.util.Arrays.fill(dydt, 0, size, 0.0);
        applyDrivers(t);
        for (Block b : blocks) {
            b.addSlowRates(t, y, drivers, dydt);
        }
    }

    /** {@link #plainDerivatives} with the SLOW rows only (the FAST rows of {@code dydt} are left incomplete). */
    void plainSlowDerivatives(double t, double[] y, double[] dydt, double[] milieu) {
        splitAffine();
        frozenMilieuEvaluations++;
        slowRowEvaluations++;
        plainBlockRates(t, y, dydt, true);
        affineMilieu(y, milieu);
    }

    /**
     * The SLOW rows of the blocks that are not {@link MilieuAffine} (each block's {@link Block#addSlowRates};
     * other rows incomplete or 0), counted as {@link #slowDerivatives} is. The SLOW rows of
     * {@link #slowDerivatives} bit for bit, except the affine blocks' own SLOW states': those blocks
     * write no other SLOW row (their sink goes into FAST rows) and come after the others.
     */
    void plainSlowRows(double t, double[] y, double[] dydt) {
        splitAffine();
        slowRowEvaluations++;
        plainBlockRates(t, y, dydt, true);
    }

    /**
     * {@link #plainSlowRows} counted as {@link #plainSlowDerivatives} is (a frozen-milieu evaluation
     * too): fast mode's diagonal quadratures, which read a group's SLOW rows only and before took
     * that call without its milieu.
     */
    void plainSlowRowsOfDiagonal(double t, double[] y, double[] dydt) {
        frozenMilieuEvaluations++;
        plainSlowRows(t, y, dydt);
    }

    /** Calls of {@link #slowDerivatives} and {@link #plainSlowDerivatives} (counted in {@link #evaluations} too). */
    long slowRowEvaluations() {
        return slowRowEvaluations;
    }

    /** Adds the {@link MilieuAffine} blocks' rates at {@code y}'s SLOW states, the drivers at {@code t} and {@code milieu} to {@code out}. */
    void addAffineRates(double t, double[] y, double[] milieu, double[] out) {
        affineRates(t, y, milieu);
        for (int i = 0; i < scratchRates.length; i++) {
            out[i] += scratchRates[i];
        }
    }

    /**
     * The affine blocks' rates at {@code y}'s SLOW states, the drivers at {@code t} and {@code milieu},
     * in the rows {@code rows} into {@code out[0 .. rows.length)}: {@link #addAffineRates} onto a
     * zeroed array, gathered (the same bits, {@code 0.0 + rate}), without the full-length passes.
     */
    void affineRatesOf(double t, double[] y, double[] milieu, int[] rows, double[] out) {
        affineRates(t, y, milieu);
        for (int q = 0; q < rows.length; q++) {
            out[q] = 0.0 + scratchRates[rows[q]];
        }
    }

    private void affineRates(double t, double[] y, double[] milieu) {
        splitAffine();
        applyDrivers(t);
        java.util.Arrays.fill(scratchRates, 0.0);
        for (int k = 0; k < affine.length; k++) {
            affine[k].addRatesGivenMilieu(t, y, drivers, milieu, milieuFrom[k], scratchRates);
        }
        affineEvaluations += affine.length;
    }

    /** Derivative calls by {@link #frozenMilieuDerivatives} (counted in {@link #evaluations} too). */
    long frozenMilieuEvaluations() {
        return frozenMilieuEvaluations;
    }

    /** Calls of the affine blocks' rates by {@link #freezeMilieu} and {@link #addOwnedRates}. */
    long affineEvaluations() {
        return affineEvaluations;
    }

    private GroupedJacobian jacobian;

    /** Grouped forward differences (see {@link GroupedJacobian}); the integrator would otherwise difference every column. */
    @Override
    public boolean jacobian(double t, double[] y, double[] dfdy) {
        if (jacobian == null) {
            jacobian = new GroupedJacobian(this, absoluteTolerance);
        }
        jacobian.evaluate(t, y, dfdy);
        return true;
    }

    void applyIntake(Intake intake, double[] y) {
        for (Block b : blocks) {
            b.applyIntake(intake, y);
        }
    }

    /** Reference mode: each block takes its period means at a dosing-period boundary ({@link Block#holdPeriodMeans}). */
    void holdPeriodMeans(double t, double[] y, boolean start) {
        for (Block b : blocks) {
            b.holdPeriodMeans(t, y, start);
        }
    }

    Block[] blocks() {
        return blocks;
    }

    StateLayout layout() {
        return layout;
    }

    /**
     * Writes every block's baseline for the course's patient into {@code y}, each block knowing the
     * drivers the run-in will hold (the conditions at t = 0, no interventions): a baseline derived from
     * labs measured on haemodialysis includes the dialysis ({@link Block#initialise(Patient, Drivers, double[])}).
     */
    void initialise(double[] y) {
        boolean was = course.stabilising();
        course.setStabilising(true);
        try {
            Drivers runIn = driversAt(0);
            for (Block b : blocks) {
                b.initialise(course.patient(), runIn, y);
            }
        } finally {
            course.setStabilising(was);
            driversApplied = false;
        }
    }

    /** The drivers as last set (call {@link DriverCourse#apply} through {@link #driversAt} first). */
    Drivers driversAt(double t) {
        applyDrivers(t);
        // The caller may read (or change) them: the next call applies the course again.
        driversApplied = false;
        return drivers;
    }

    DriverCourse course() {
        return course;
    }

    int[] fastIndices() {
        return fast;
    }

    int[] slowIndices() {
        return slow;
    }

    double[] absoluteTolerances() {
        return absoluteTolerance;
    }

    long evaluations() {
        return evaluations;
    }
}
