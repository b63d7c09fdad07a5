package org.vascalc.physiology.numeric;

import static org.vascalc.physiology.numeric.DoubleOrder.atLeast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Powers x^a_1 .. x^a_k of one base with fixed exponents, without a logarithm or an exponential at
 * most calls: x^a = r^a·(1 + ε)^a with r the nearest point of a fixed grid (x rounded to
 * {@value #GRID_BITS} bits of mantissa, so |ε| = |x − r|/r &le; 2⁻⁹) and (1 + ε)^a by its binomial
 * series Σ C(a, n) εⁿ, cut at the smallest degree whose remainder is provably below 2⁻⁵⁶ ≈ 1.4e-17
 * of the result (chosen per exponent in the constructor, see {@link #degreeFor}). The powers r^a of
 * a grid point come from {@code Math.pow} and are kept in a small direct-mapped table (one slot per
 * grid cell index modulo {@value #SLOTS}), so a new cell costs k calls of {@code Math.pow} and a
 * base in a cell seen before costs a subtraction, a multiplication and a short polynomial per
 * exponent. The blocks' bases that change at every call of fast mode's orbit (ECF calcium, PTH)
 * move by 1e-5..1e-2 relative from call to call and stay within a few dozen cells over a decade.
 *
 * <p>Accuracy: ε is computed with a relative error of about 2⁻⁵² (r − x is exact, one rounded
 * product by the stored 1/r), the series' sum and the product r^a·(1 + s) add about one unit in the
 * last place, {@code Math.pow} within one: a relative difference from {@code Math.pow(x, a)} below
 * 3 units of 2⁻⁵² (7e-16; PowersOfTest bounds it at 4). The result depends on x only (the grid is
 * fixed, not anchored at an earlier input, and the table only remembers what the same formula gives),
 * so a run does not depend on what the block computed before, and two instances that share an
 * exponent give the same bits for it. Exponent 1 gives x itself. Bases that are not positive,
 * normal and finite, grid powers that are not normal (over- or underflow), and exponents no degree up
 * to {@value #MAX_DEGREE} serves take {@code Math.pow}, with its special cases. Mutable and
 * allocation-free after construction: one per block instance, or one per thread shared by that
 * thread's blocks ({@link Shared}), on one thread.
 */
public final class PowersOf {

    /** Mantissa bits kept by the grid: r is x rounded to them, |ε| &le; 2^-(GRID_BITS+1). */
    static final int GRID_BITS = 8;
    /** Largest |ε| of the series. */
    static final double HALF_CELL = 0x1p-9;
    /** Bound of the series' remainder relative to the result. */
    static final double REMAINDER_BOUND = 0x1p-56;
    /** Highest degree (the series is evaluated with all its terms); an exponent that needs more takes {@code Math.pow}. */
    static final int MAX_DEGREE = 8;
    private static final int SHIFT = 52 - GRID_BITS;
    private static final long ROUND = 1L << (SHIFT - 1);
    /** Table slots (a power of two); the calcium and PTH ranges of a decade span ~20 and ~200 cells. */
    static final int SLOTS = 256;

    private final double[] exponents;
    /** Series degree per exponent; 0 for exponent 1 (x itself), -1 for {@code Math.pow}. */
    private final int[] degrees;
    /** Binomial coefficients C(a_i, n), n = 1..degree, exponent i's at i·MAX_DEGREE + n − 1 (0 above its degree). */
    private final double[] coefficients;
    private final double[] values;
    private long lastBits = Double.doubleToRawLongBits(Double.NaN);
    /**
     * One to three exponents, each with a series (degree &ge; 1): the common path is straight-line code
     * ({@link #computeStraight}) on the coefficients held in fields and the powers in {@link #v0}..{@link #v2}
     * instead of a loop over arrays (the mineral block's three bases: about a third of their time,
     * docs/performance-log.md, "callcost"); the same expressions, so the same bits.
     */
    private final boolean straight;
    private final int count;
    private final double c00, c01, c02, c03, c04, c05, c06, c07;
    private final double c10, c11, c12, c13, c14, c15, c16, c17;
    private final double c20, c21, c22, c23, c24, c25, c26, c27;
    private double v0, v1, v2;

    /**
     * Per slot: the grid cell index (0 empty: a normal base's index is at least 2^GRID_BITS), 1/r (NaN
     * when an r^a_i is not normal, so the slot's bases take {@code Math.pow}), and r^a_i at slot·k + i.
     */
    private final long[] cellTags = new long[SLOTS];
    private final double[] inverseGridPoint = new double[SLOTS];
    private final double[] gridPowers;

    public PowersOf(double... exponents) {
        this.exponents = exponents.clone();
        int k = exponents.length;
        this.values = new double[k];
        this.degrees = new int[k];
        this.coefficients = new double[k * MAX_DEGREE];
        this.gridPowers = new double[SLOTS * k];
        for (int i = 0; i < k; i++) {
            double a = exponents[i];
            values[i] = Math.pow(Double.NaN, a);
            degrees[i] = a == 1 ? 0 : degreeFor(a);
            double c = 1;
            for (int n = 1; n <= degrees[i]; n++) {
                c *= (a - (n - 1)) / n;
                coefficients[i * MAX_DEGREE + n - 1] = c;
            }
        }
        count = k;
        boolean series = k >= 1 && k <= 3;
        for (int i = 0; i < k; i++) {
            series &= degrees[i] >= 1;
        }
        straight = series;
        double[] c = Arrays.copyOf(coefficients, 3 * MAX_DEGREE);
        c00 = c[0]; c01 = c[1]; c02 = c[2]; c03 = c[3]; c04 = c[4]; c05 = c[5]; c06 = c[6]; c07 = c[7];
        c10 = c[8]; c11 = c[9]; c12 = c[10]; c13 = c[11]; c14 = c[12]; c15 = c[13]; c16 = c[14]; c17 = c[15];
        c20 = c[16]; c21 = c[17]; c22 = c[18]; c23 = c[19]; c24 = c[20]; c25 = c[21]; c26 = c[22]; c27 = c[23];
        // the values for the initial last base (NaN), as values holds them
        v0 = k > 0 ? values[0] : 0;
        v1 = k > 1 ? values[1] : 0;
        v2 = k > 2 ? values[2] : 0;
    }

    /**
     * Instances by exponent list, to be shared by the blocks that one thread builds again and again
     * with one parameter set (a simulator builds its blocks at every run, {@code EngineSimulator}): a
     * block's exponents come from its parameters only, and an instance's results depend on the base
     * only (see the class comment), so a later block that takes the instance an earlier one used
     * gets the same bits, without building the tables again and with the grid cells the earlier runs
     * filled (each a few {@code Math.pow} calls; a fresh table cost ~1.5 % of a fast-mode decade,
     * docs/performance-log.md, "overhead"). Not thread-safe: one per thread, like the instances.
     */
    public static final class Shared {

        /** More exponent lists than a simulator's blocks hold: a caller whose lists keep changing starts again. */
        private static final int MOST = 64;
        private final List<PowersOf> kept = new ArrayList<>();

        /** The kept instance with these exponents (bit for bit), else a new one, kept. */
        public PowersOf of(double... exponents) {
            for (PowersOf p : kept) {
                if (Arrays.equals(p.exponents, exponents)) {
                    return p;
                }
            }
            if (kept.size() >= MOST) {
                kept.clear();
            }
            PowersOf p = new PowersOf(exponents);
            kept.add(p);
            return p;
        }
    }

    /**
     * The smallest degree N whose binomial remainder is below {@link #REMAINDER_BOUND} of (1+ε)^a
     * for |ε| &le; δ = {@link #HALF_CELL}, or -1 if none up to {@link #MAX_DEGREE}. For n &gt; N the
     * ratio of successive terms |C(a, n+1) ε^(n+1)| / |C(a, n) εⁿ| = |a − n| δ / (n + 1) is at most
     * ρ = max(1, |a|)·δ, so the remainder is below |C(a, N+1)| δ^(N+1) / (1 − ρ) (a geometric
     * series; ρ &lt; 1 is required), and (1+ε)^a is at least (1 − δ)^|a|. The bound is evaluated with
     * a 1 % margin for its own rounding.
     */
    static int degreeFor(double a) {
        double delta = HALF_CELL;
        double rho = atLeast(Math.abs(a), 1) * delta;
        if (!(rho < 0.5)) {
            return -1;
        }
        double smallest = Math.pow(1 - delta, Math.abs(a));
        double term = 1; // |C(a, n)| δ^n
        for (int n = 0; n <= MAX_DEGREE; n++) {
            term *= Math.abs((a - n) / (n + 1)) * delta;
            if (term / (1 - rho) * 1.01 <= REMAINDER_BOUND * smallest) {
                return Math.max(n, 1);
            }
        }
        return -1;
    }

    /** The series degree used for exponent {@code i} (0: the base itself, -1: {@code Math.pow}). */
    int degree(int i) {
        return degrees[i];
    }

    /** x raised to the {@code i}-th exponent. */
    public double of(double x, int i) {
        long bits = Double.doubleToRawLongBits(x);
        if (bits != lastBits) {
            lastBits = bits;
            if (straight) {
                computeStraight(x, bits);
            } else {
                compute(x, bits);
            }
        }
        if (straight && i < count) {
            return i == 0 ? v0 : i == 1 ? v1 : v2;
        }
        return values[i];
    }

    /**
     * {@link #compute} for {@link #straight} instances: a normal base in a cell with normal powers
     * evaluates the padded Estrin form of {@link #compute} for each exponent, written out; everything
     * else takes {@link #compute} and copies its values.
     */
    private void computeStraight(double x, long bits) {
        if (x >= Double.MIN_NORMAL && x <= Double.MAX_VALUE) {
            long cell = (bits + ROUND) >>> SHIFT;
            int slot = (int) cell & (SLOTS - 1);
            if (cellTags[slot] != cell) {
                fill(slot, cell);
            }
            double e = (x - Double.longBitsToDouble(cell << SHIFT)) * inverseGridPoint[slot];
            if (e == e) {
                double e2 = e * e;
                double e4 = e2 * e2;
                int base = slot * count;
                double q = ((c00 + c01 * e) + (c02 + c03 * e) * e2) + ((c04 + c05 * e) + (c06 + c07 * e) * e2) * e4;
                double r = gridPowers[base];
                v0 = r + r * (q * e);
                if (count > 1) {
                    q = ((c10 + c11 * e) + (c12 + c13 * e) * e2) + ((c14 + c15 * e) + (c16 + c17 * e) * e2) * e4;
                    r = gridPowers[base + 1];
                    v1 = r + r * (q * e);
                    if (count > 2) {
                        q = ((c20 + c21 * e) + (c22 + c23 * e) * e2) + ((c24 + c25 * e) + (c26 + c27 * e) * e2) * e4;
                        r = gridPowers[base + 2];
                        v2 = r + r * (q * e);
                    }
                }
                return;
            }
        }
        compute(x, bits);
        v0 = values[0];
        v1 = count > 1 ? values[1] : 0;
        v2 = count > 2 ? values[2] : 0;
    }

    private void compute(double x, long bits) {
        int k = values.length;
        if (!(x >= Double.MIN_NORMAL && x <= Double.MAX_VALUE)) {
            for (int i = 0; i < k; i++) {
                values[i] = degrees[i] == 0 ? x : Math.pow(x, exponents[i]);
            }
            return;
        }
        long cell = (bits + ROUND) >>> SHIFT;
        int slot = (int) cell & (SLOTS - 1);
        if (cellTags[slot] != cell) {
            fill(slot, cell);
        }
        // ε = (x − r)/r: x − r is exact (r is x rounded, within a factor 2 of it)
        double e = (x - Double.longBitsToDouble(cell << SHIFT)) * inverseGridPoint[slot];
        if (e != e) {
            for (int i = 0; i < k; i++) {
                values[i] = degrees[i] == 0 ? x : Math.pow(x, exponents[i]);
            }
            return;
        }
        double e2 = e * e;
        double e4 = e2 * e2;
        int base = slot * k;
        double[] c = coefficients;
        for (int i = 0; i < k; i++) {
            int degree = degrees[i];
            if (degree > 0) {
                // Σ_{n=1..8} C(a, n) e^n as e·Q(e), Q by Estrin's scheme (C(a, n) = 0 above the degree)
                int j = i * MAX_DEGREE;
                double q01 = c[j] + c[j + 1] * e;
                double q23 = c[j + 2] + c[j + 3] * e;
                double q45 = c[j + 4] + c[j + 5] * e;
                double q67 = c[j + 6] + c[j + 7] * e;
                double q = (q01 + q23 * e2) + (q45 + q67 * e2) * e4;
                double r = gridPowers[base + i];
                values[i] = r + r * (q * e);
            } else {
                values[i] = degree == 0 ? x : Math.pow(x, exponents[i]);
            }
        }
    }

    private void fill(int slot, long cell) {
        int k = values.length;
        double r = Double.longBitsToDouble(cell << SHIFT);
        cellTags[slot] = cell;
        boolean normal = r <= Double.MAX_VALUE;
        for (int i = 0; i < k; i++) {
            double v = Math.pow(r, exponents[i]);
            gridPowers[slot * k + i] = v;
            normal &= v >= Double.MIN_NORMAL && v <= Double.MAX_VALUE;
        }
        inverseGridPoint[slot] = normal ? 1 / r : Double.NaN;
    }
}
