package org.vascalc.simulation.engine;

import java.util.concurrent.ConcurrentHashMap;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.vascalc.physiology.model.Block;

/**
 * Closed-form propagation of a block that is affine with constant coefficients over a fast-mode
 * orbit and coupled to no other block's FAST states (the vitamin K block without warfarin,
 * {@link org.vascalc.physiology.vitamink.VitaminKBlock#warfarinFree}): its FAST states
 * {@code x} (the block's {@link #states}) follow {@code x' = A x + g}, with {@code A} and
 * {@code g = b - v} (its rates at {@code x = 0} less the orbit's drift {@code v}) fixed over an orbit
 * because the SLOW states and drivers are; the block's SLOW rates are {@code r0 + C x}. Over
 * {@code tau}: {@code x(tau) = E x0 + F g} and {@code ∫x = F x0 + H g}, with {@code E = e^{A tau}},
 * {@code F = ∫ e^{A s} ds}, {@code H = ∫∫ e^{A r} dr ds}, the blocks of the exponential of the
 * augmented matrix {@code [[A, I, 0], [0, 0, I], [0, 0, 0]] tau} (Van Loan 1978; computed by
 * Hipparchus' scaling and squaring Padé). The SLOW rates' integral is {@code r0 tau + C ∫x}, exact.
 *
 * <p>The propagator marches in time: {@link #start} at a piece's start (after its intakes), then
 * {@link #advanceTo} at each sample and at the piece's end. The steps that occur (the sample
 * spacing, the offsets of intakes from the sample grid) repeat every period; their matrices are
 * kept, by step (quantised to 2^-32 h, about 1e-9 s, the step actually taken) and by {@code A}'s bits: per
 * propagator without allocation, and in a bounded cache shared by the runs of a process (the
 * exponential of the augmented 27 x 27 matrix costs tens of microseconds).
 */
final class LinearBlockPropagator {

    /** Steps are quantised to 2^-32 h (about 2e-10 h); the step taken is the quantised one. */
    private static final double QUANTUM = 0x1p-32;
    private static final int LOCAL_SLOTS = 32;
    private static final int SHARED_LIMIT = 4096;
    private static final ConcurrentHashMap<Key, double[]> SHARED = new ConcurrentHashMap<>();

    private record Key(long tau, AKey a) {
    }

    /** An uptake row ({@link #deviationUptake}): the step, the SLOW state's rate, and A with that state's row of C. */
    private record UptakeKey(long tau, long lambda, AKey block) {
    }

    private static final ConcurrentHashMap<UptakeKey, double[]> SHARED_UPTAKE = new ConcurrentHashMap<>();

    /** A's bits as a map key (equality by content). */
    private record AKey(long[] bits, int hash) {
        static AKey of(double[] a) {
            long[] b = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                b[i] = Double.doubleToRawLongBits(a[i]);
            }
            return new AKey(b, java.util.Arrays.hashCode(b));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AKey k && k.hash == hash && java.util.Arrays.equals(k.bits, bits);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final AssembledModel model;
    private final Block block;
    /** Layout indices of the propagated FAST states. */
    final int[] states;
    /** Layout indices of the block's SLOW states (their rates affine in {@link #states}). */
    final int[] slowStates;
    private final int m;
    private final int ns;
    private final double[] a;
    /** {@link #a} before the last {@link #prepare} (to keep the cache key when A did not change). */
    private final double[] previousA;
    private final double[] b;
    private final double[] r0;
    private final double[] c;
    private final double[] g;
    private final double[] scratch;
    private final double[] rates;
    private AKey aKey;
    /** Per SLOW state, A's bits with its row of C ({@link #deviationUptake}'s cache key), or null where that row is 0. */
    private final AKey[] uptakeKey;
    /** The march's steps' blocks ({@link #blocks}). */
    private final Slots local = new Slots(LOCAL_SLOTS);
    /**
     * The deviation's own local slots ({@link #deviationBlocks}): its steps (SLOW steps, rows) are not the
     * march's, and in the march's slots they pushed out the orbit's steps, which then went to the shared
     * cache at every period.
     */
    private final Slots deviationSlots = new Slots(DEVIATION_SLOTS);
    private static final int DEVIATION_SLOTS = 16;

    /**
     * A propagator's own few steps' blocks, by quantised step, without allocation; the oldest slot is
     * replaced when all are taken. Emptied when {@code A} changes (the blocks are {@code A}'s).
     */
    private static final class Slots {
        private final long[] key;
        private final double[][] value;
        private int count;
        private int next;

        Slots(int size) {
            key = new long[size];
            value = new double[size][];
        }

        /** The blocks kept for {@code k}, or null. */
        double[] get(long k) {
            for (int q = 0; q < count; q++) {
                if (key[q] == k) {
                    return value[q];
                }
            }
            return null;
        }

        void put(long k, double[] v) {
            int slot = count < key.length ? count++ : next++ % key.length;
            key[slot] = k;
            value[slot] = v;
        }

        void clear() {
            count = 0;
            next = 0;
        }
    }

    /** Current state, time, and the SLOW rates' integral since {@link #start}. */
    private final double[] x;
    private final double[] xNew;
    private final double[] xIntegral;
    private final double[] integral;
    private double time;

    /**
     * The run's deviation from the orbits, {@code d = x - p} (by position in {@link #states}), at
     * {@link #deviationTime}: the block is affine with the orbit's constant coefficients, so the
     * true state is the periodic orbit plus {@code d} with {@code d' = A d}, exactly
     * {@code d(t) = e^{A (t - t0)} d(t0)} ({@link #advanceDeviation}); set where an orbit takes over
     * from another state ({@link #addDeviation}), dropped once below rounding ({@link #dropDeviationBelow}).
     */
    private final double[] deviation;
    private final double[] deviationNew;
    private double deviationTime;
    private boolean deviating;
    /** The deviation at the start of the current SLOW step ({@link #markDeviation}), for {@link #deviationUptake}. */
    private final double[] deviationMark;

    LinearBlockPropagator(AssembledModel model, Block block, int[] states, int[] slowStates) {
        this.model = model;
        this.block = block;
        this.states = states.clone();
        this.slowStates = slowStates.clone();
        m = states.length;
        ns = slowStates.length;
        a = new double[m * m];
        previousA = new double[m * m];
        b = new double[m];
        r0 = new double[ns];
        c = new double[ns * m];
        g = new double[m];
        scratch = new double[model.dimension()];
        rates = new double[model.dimension()];
        x = new double[m];
        xNew = new double[m];
        xIntegral = new double[m];
        integral = new double[ns];
        deviation = new double[m];
        deviationNew = new double[m];
        deviationMark = new double[m];
        uptakeKey = new AKey[ns];
    }

    Block block() {
        return block;
    }

    /**
     * The coefficients at the SLOW states of {@code z} and the drivers at {@code t} (the orbit's),
     * from {@code 1 + m} calls of the block (exact for an affine block, to rounding).
     */
    void prepare(double t, double[] z) {
        System.arraycopy(z, 0, scratch, 0, scratch.length);
        for (int i : states) {
            scratch[i] = 0;
        }
        model.blockRates(block, t, scratch, rates);
        for (int i = 0; i < m; i++) {
            b[i] = rates[states[i]];
        }
        for (int k = 0; k < ns; k++) {
            r0[k] = rates[slowStates[k]];
        }
        System.arraycopy(a, 0, previousA, 0, a.length);
        for (int j = 0; j < m; j++) {
            scratch[states[j]] = 1;
            model.blockRates(block, t, scratch, rates);
            scratch[states[j]] = 0;
            for (int i = 0; i < m; i++) {
                a[i * m + j] = rates[states[i]] - b[i];
            }
            for (int k = 0; k < ns; k++) {
                c[k * m + j] = rates[slowStates[k]] - r0[k];
            }
        }
        if (aKey == null || !java.util.Arrays.equals(previousA, a)) {
            aKey = AKey.of(a);
            local.clear();
            deviationSlots.clear();
        }
        java.util.Arrays.fill(uptakeKey, null);
    }

    /** The matrix A (row-major m x m, by position in {@link #states}) of the last {@link #prepare}. */
    double[] matrix() {
        return a;
    }

    /** Starts a piece at {@code t} from the states in {@code z}; {@code v}: the drift, by position in {@link #states}. */
    void start(double t, double[] z, double[] v, int[] vPos) {
        for (int i = 0; i < m; i++) {
            x[i] = z[states[i]];
            g[i] = b[i] - v[vPos[i]];
        }
        java.util.Arrays.fill(integral, 0.0);
        time = t;
    }

    /** Advances to {@code t} (not before the current time). */
    void advanceTo(double t) {
        long key = Math.round((t - time) / QUANTUM);
        time = t;
        if (key <= 0) {
            return;
        }
        double tau = key * QUANTUM;
        double[] efh = blocks(key, tau);
        int mm = m * m;
        for (int i = 0; i < m; i++) {
            double xi = 0;
            double si = 0;
            for (int j = 0; j < m; j++) {
                xi += efh[i * m + j] * x[j] + efh[mm + i * m + j] * g[j];
                si += efh[mm + i * m + j] * x[j] + efh[2 * mm + i * m + j] * g[j];
            }
            xNew[i] = xi;
            xIntegral[i] = si;
        }
        for (int k = 0; k < ns; k++) {
            double s = r0[k] * tau;
            for (int j = 0; j < m; j++) {
                s += c[k * m + j] * xIntegral[j];
            }
            integral[k] += s;
        }
        System.arraycopy(xNew, 0, x, 0, m);
    }

    /**
     * The states at {@code t} (not before the current time) into {@code z} at their layout indices,
     * as {@link #advanceTo} then {@link #write} would give them, without advancing: the march's
     * own steps, and with them its bits, stay those of the samples ({@code FastRun}'s rows between
     * samples, {@link RowPhaseSamples}).
     */
    void writeAt(double t, double[] z) {
        long key = Math.round((t - time) / QUANTUM);
        if (key <= 0) {
            write(z);
            return;
        }
        double[] efh = blocks(key, key * QUANTUM);
        int mm = m * m;
        for (int i = 0; i < m; i++) {
            double xi = 0;
            for (int j = 0; j < m; j++) {
                xi += efh[i * m + j] * x[j] + efh[mm + i * m + j] * g[j];
            }
            z[states[i]] = xi;
        }
    }

    /** The current states into {@code z} at their layout indices. */
    void write(double[] z) {
        for (int i = 0; i < m; i++) {
            z[states[i]] = x[i];
        }
    }

    /** The block's SLOW rates' integral since {@link #start}, by position in {@link #slowStates}. */
    double[] integral() {
        return integral;
    }

    /** Whether a deviation from the orbits is carried ({@link #deviation}). */
    boolean deviating() {
        return deviating;
    }

    /**
     * The deviation advanced to {@code t} (not before its time) with the current {@code A}: {@code d <- e^{A tau} d}.
     * Called before {@link #prepare} gives a new orbit its {@code A}, so each stretch decays with its own orbit's.
     */
    void advanceDeviation(double t) {
        long key = Math.round((t - deviationTime) / QUANTUM);
        if (!deviating || key <= 0) {
            if (!deviating) {
                deviationTime = t;
            }
            return;
        }
        double[] efh = deviationBlocks(key, key * QUANTUM);
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += efh[i * m + j] * deviation[j];
            }
            deviationNew[i] = s;
        }
        System.arraycopy(deviationNew, 0, deviation, 0, m);
        deviationTime = t;
    }

    /**
     * Adds {@code from - to} (layout-indexed states) to the deviation at {@code t}: a new orbit
     * {@code to} takes over from the state {@code from} (the state is continuous, so the deviation
     * takes up the difference). The deviation must have been advanced to {@code t}.
     */
    void addDeviation(double t, double[] from, double[] to) {
        for (int i = 0; i < m; i++) {
            deviation[i] += from[states[i]] - to[states[i]];
            deviating |= deviation[i] != 0;
        }
        deviationTime = t;
    }

    /**
     * Adds the deviation at {@code t} (not before its time), {@code e^{A (t - t0)} d(t0)}, to the states of
     * {@code z} as {@link #addDeviationTo} would after {@link #advanceDeviation}, without advancing it.
     */
    void addDeviationAt(double t, double[] z) {
        long key = Math.round((t - deviationTime) / QUANTUM);
        if (!deviating) {
            return;
        }
        double[] efh = key > 0 ? deviationBlocks(key, key * QUANTUM) : null;
        for (int i = 0; i < m; i++) {
            double s = 0;
            if (efh == null) {
                s = deviation[i];
            } else {
                for (int j = 0; j < m; j++) {
                    s += efh[i * m + j] * deviation[j];
                }
            }
            int k = states[i];
            double v = z[k] + s;
            z[k] = z[k] >= 0 && v < 0 ? 0 : v;
        }
    }

    /**
     * Adds the deviation (at its time) to the states of {@code z}; a non-negative amount stays so
     * (the sum is non-negative in exact arithmetic: it is the true state).
     */
    void addDeviationTo(double[] z) {
        if (!deviating) {
            return;
        }
        for (int i = 0; i < m; i++) {
            int k = states[i];
            double v = z[k] + deviation[i];
            z[k] = z[k] >= 0 && v < 0 ? 0 : v;
        }
    }

    /** Keeps the deviation now (at its time) as the start of a SLOW step ({@link #deviationUptake}). */
    void markDeviation() {
        System.arraycopy(deviation, 0, deviationMark, 0, m);
    }

    /**
     * The deviation's uptake into the block's SLOW states over {@code tau} from the mark
     * ({@link #markDeviation}), each state relaxing at its rate {@code lambda[k]} (by position in
     * {@link #slowStates}): {@code u_k = ∫_0^tau e^{lambda_k (tau - s)} C_k e^{A s} d ds}, exactly, as the
     * last component of {@code e^{M tau} [d; 0]} with {@code M = [[A, 0], [C_k, lambda_k]]} (Van Loan
     * again), into {@code out}. A SLOW state whose rate reads no state of the block takes 0. Called per SLOW
     * step (and per row inside it) while a deviation is carried only; the rows of {@code e^{M tau}} are
     * cached ({@link #uptakeRow}).
     */
    void deviationUptake(double tau, double[] lambda, double[] out) {
        long key = Math.round(tau / QUANTUM);
        for (int k = 0; k < ns; k++) {
            double[] row = key > 0 ? uptakeRow(k, key, lambda[k]) : null;
            double u = 0;
            if (row != null) {
                for (int j = 0; j < m; j++) {
                    u += row[j] * deviationMark[j];
                }
            }
            out[k] = u;
        }
    }

    /**
     * The last row of {@code e^{M tau}} ({@link #deviationUptake}; {@code tau = key} quanta), or null
     * where SLOW state {@code k}'s rate reads no state of the block; kept in a bounded cache shared
     * by the runs (the SLOW steps' lengths and rates repeat: whole periods, the orbit's diagonal).
     */
    private double[] uptakeRow(int k, long key, double lambda) {
        if (uptakeKey[k] == null) {
            boolean reads = false;
            double[] ac = new double[m * m + m];
            System.arraycopy(a, 0, ac, 0, m * m);
            for (int j = 0; j < m; j++) {
                ac[m * m + j] = c[k * m + j];
                reads |= c[k * m + j] != 0;
            }
            uptakeKey[k] = reads ? AKey.of(ac) : NO_UPTAKE;
        }
        if (uptakeKey[k] == NO_UPTAKE) {
            return null;
        }
        UptakeKey u = new UptakeKey(key, Double.doubleToRawLongBits(lambda), uptakeKey[k]);
        double[] row = SHARED_UPTAKE.get(u);
        if (row == null) {
            double tau = key * QUANTUM;
            double[][] aug = new double[m + 1][m + 1];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    aug[i][j] = a[i * m + j] * tau;
                }
                aug[m][i] = c[k * m + i] * tau;
            }
            aug[m][m] = lambda * tau;
            RealMatrix e = MatrixUtils.matrixExponential(new Array2DRowRealMatrix(aug, false));
            row = new double[m];
            for (int j = 0; j < m; j++) {
                row[j] = e.getEntry(m, j);
            }
            if (SHARED_UPTAKE.size() >= SHARED_LIMIT) {
                SHARED_UPTAKE.clear();
            }
            SHARED_UPTAKE.put(u, row);
        }
        return row;
    }

    /** {@link #uptakeKey} of a SLOW state whose rate reads no state of the block. */
    private static final AKey NO_UPTAKE = new AKey(new long[0], 0);

    /**
     * Drops the deviation where every component is within {@code scale} (layout-indexed): below
     * the states' rounding it changes nothing, and a run then pays nothing for it.
     */
    void dropDeviationBelow(double[] scale) {
        if (!deviating) {
            return;
        }
        for (int i = 0; i < m; i++) {
            if (!(Math.abs(deviation[i]) <= scale[states[i]])) {
                return;
            }
        }
        java.util.Arrays.fill(deviation, 0.0);
        deviating = false;
    }

    /** Drops the deviation (it has been moved into the run's state). */
    void clearDeviation() {
        java.util.Arrays.fill(deviation, 0.0);
        deviating = false;
    }

    /** The deviation now (by position in {@link #states}; for tests). */
    double[] deviation() {
        return deviation;
    }

    /** As {@link #blocks}, in the deviation's own local slots ({@link #deviationSlots}). */
    private double[] deviationBlocks(long key, double tau) {
        return kept(deviationSlots, key, tau);
    }

    /** E, F, H (row-major, one after the other) for the quantised step {@code key}. */
    private double[] blocks(long key, double tau) {
        return kept(local, key, tau);
    }

    /** The blocks of step {@code key} from {@code slots}, else from the shared cache (then kept in {@code slots}). */
    private double[] kept(Slots slots, long key, double tau) {
        double[] v = slots.get(key);
        if (v == null) {
            v = shared(key, tau);
            slots.put(key, v);
        }
        return v;
    }

    /** E, F, H for the quantised step {@code key} from the cache shared by the runs (computed where missing). */
    private double[] shared(long key, double tau) {
        Key k = new Key(key, aKey);
        double[] v = SHARED.get(k);
        if (v == null) {
            v = exponentialBlocks(a, m, tau);
            if (SHARED.size() >= SHARED_LIMIT) {
                SHARED.clear();
            }
            SHARED.put(k, v);
        }
        return v;
    }

    /** E = e^{A tau}, F = ∫_0^tau e^{A s} ds, H = ∫_0^tau ∫_0^s e^{A r} dr ds (row-major m x m each, concatenated). */
    static double[] exponentialBlocks(double[] a, int m, double tau) {
        int d = 3 * m;
        double[][] aug = new double[d][d];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                aug[i][j] = a[i * m + j] * tau;
            }
            aug[i][m + i] = tau;
            aug[m + i][2 * m + i] = tau;
        }
        RealMatrix e = MatrixUtils.matrixExponential(new Array2DRowRealMatrix(aug, false));
        // Entry (i, j) of E, F and H is exactly 0 unless state j reaches state i through A's
        // nonzero entries (or i = j): the Padé approximant's rounding leaves ~1e-18 there, which made
        // an empty gut depot -4e-15 (WholeModelInvariantIT asks every state to stay >= 0).
        boolean[] reach = new boolean[m * m];
        for (int i = 0; i < m; i++) {
            reach[i * m + i] = true;
            for (int j = 0; j < m; j++) {
                reach[i * m + j] |= a[i * m + j] != 0;
            }
        }
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < m; i++) {
                if (reach[i * m + k]) {
                    for (int j = 0; j < m; j++) {
                        reach[i * m + j] |= reach[k * m + j];
                    }
                }
            }
        }
        double[] out = new double[3 * m * m];
        for (int blk = 0; blk < 3; blk++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    out[blk * m * m + i * m + j] = reach[i * m + j] ? e.getEntry(i, blk * m + j) : 0.0;
                }
            }
        }
        return out;
    }
}
