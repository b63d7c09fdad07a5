package org.vascalc.physiology.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PowersOfTest {

    /** The mineral block's exponents: calcium's Hill, gland-pool and gland-capacity; PTH's hydroxylase and osteoclast. */
    private static final double[] MODEL_EXPONENTS = {11.7387, -0.9, 0.9 * 12.5033, 0.111241, 1.2 * 3 / 2};
    /** Other exponents: large, negative, fractional, integer, zero, one, and one no series degree serves. */
    private static final double[] OTHER_EXPONENTS = {12.5, -3.7, 0.31, 2, 0, 1, -40, 0.5, -0.5, 300};
    /** Relative difference allowed from {@code Math.pow}: its error, the series' rounding and remainder. */
    private static final double ULPS = 4 * 0x1p-52;

    @Test
    void agreesWithMathPowToAFewUnitsInTheLastPlaceOverTheModelsBases() {
        SplittableRandom random = new SplittableRandom(11);
        for (double[] exponents : new double[][] {MODEL_EXPONENTS, OTHER_EXPONENTS}) {
            PowersOf powers = new PowersOf(exponents);
            double x = 2.4;
            for (int j = 0; j < 50_000; j++) {
                // small relative steps (an orbit's stages), jumps (a new orbit), and wide bases
                x = j % 200 == 0 ? Math.exp(random.nextDouble(-8, 8))
                        : Math.max(1e-3, x * (1 + random.nextDouble(-3e-3, 3e-3)));
                for (int i = 0; i < exponents.length; i++) {
                    assertAgrees(powers.of(x, i), x, exponents[i]);
                }
            }
        }
    }

    /**
     * The straight-line path of one to three exponents (docs/performance-log.md, "callcost") gives the
     * bits of the general loop over the exponents, which the class keeps for every other instance: the
     * same exponents with the exponent 1 added (degree 0, so not straight) take the loop, and the powers
     * of a base do not depend on the other exponents of an instance. Compared for the mineral block's
     * instances (calcium's three exponents, PTH's two, calcitriol's one, the SLOW rows' two and one) and
     * other one- to three-exponent sets (degrees 1 to 8), at orbit-like and wide bases, bases on grid
     * points and special values. Both paths are also held to {@code Math.pow} and to a 40-digit
     * reference by the tests above and below; this one fails if one path is edited and not the other.
     */
    @Test
    void theStraightLinePathGivesTheBitsOfTheGeneralLoop() {
        SplittableRandom random = new SplittableRandom(23);
        double[] specials = {0.0, -0.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1.0, 2.0, 0.5, 1e-300, 1e300, 2.3203125};
        int straightSets = 0;
        for (double[] exponents : new double[][] {{11.7387, -0.9, 0.9 * 12.5033}, {0.111241, 1.8}, {0.6},
                {-0.9, 0.9 * 12.5033}, {1.8}, {2, 3}, {4, 5.5, -2.5}, {7.5}, {0.6, 20}, {3, 1.5, -40},
                {20, 0.6, 25}}) {
            PowersOf straight = new PowersOf(exponents);
            double[] withOne = java.util.Arrays.copyOf(exponents, exponents.length + 1);
            withOne[exponents.length] = 1;
            PowersOf loop = new PowersOf(withOne);
            boolean allSeries = true;
            for (int i = 0; i < exponents.length; i++) {
                allSeries &= straight.degree(i) >= 1;
            }
            straightSets += allSeries ? 1 : 0;
            assertThat(loop.degree(exponents.length)).isZero();
            double x = 2.4;
            for (int j = 0; j < 60_000; j++) {
                x = j % 997 == 0 ? specials[(j / 997) % specials.length]
                        : j % 200 == 0 || !(x > 0) || x > 1e200 ? Math.exp(random.nextDouble(-8, 8))
                        : j % 7 == 0 ? Math.scalb(Math.rint(Math.scalb(x, 8 - Math.getExponent(x))), Math.getExponent(x) - 8)
                        : x * (1 + random.nextDouble(-3e-3, 3e-3));
                for (int i = 0; i < exponents.length; i++) {
                    double a = straight.of(x, i);
                    double b = loop.of(x, i);
                    assertThat(Double.doubleToRawLongBits(a)).as("x %s a %s: %s vs %s", x, exponents[i], a, b)
                            .isEqualTo(Double.doubleToRawLongBits(b));
                }
                assertThat(Double.doubleToRawLongBits(loop.of(x, exponents.length))).isEqualTo(Double.doubleToRawLongBits(x));
            }
        }
        // every set but the one with exponent -40 (Math.pow) takes the straight-line path; the last set
        // puts degree-8 exponents (20, 25) first and third, so every coefficient of the written-out
        // first and third polynomials is non-zero somewhere
        assertThat(straightSets).isEqualTo(10);
        // the degrees exercised: 5 to 7 for the model, 1 to 4 and 8 and Math.pow among the others
        boolean[] seen = new boolean[10];
        for (double[] exponents : new double[][] {MODEL_EXPONENTS, OTHER_EXPONENTS, {3, 4, 5, 6, 7, 1.5, -2.5, 7.5, 20}}) {
            PowersOf powers = new PowersOf(exponents);
            for (int i = 0; i < exponents.length; i++) {
                seen[powers.degree(i) + 1] = true;
            }
        }
        for (int d = -1; d <= 8; d++) {
            assertThat(seen[d + 1]).as("degree %d exercised", d).isTrue();
        }
    }

    /**
     * At the edges of grid cells, where |ε| is largest and the series' remainder too, against the power
     * computed to 40 digits (BigDecimal: r^a = r^⌊a⌋ · exp((a − ⌊a⌋) ln r) is not available, so the
     * check is x^a = exp(a ln x) with ln and exp to 40 digits by their series). A series one degree too
     * short fails here: its remainder for calcium's Hill exponent at ε = 2⁻⁹ is ~1e-16 relative.
     */
    @Test
    void isAccurateAtTheEdgesOfTheGridCellsAgainstAFortyDigitReference() {
        PowersOf powers = new PowersOf(MODEL_EXPONENTS);
        for (double r : new double[] {1.0, 1.25, 2.3203125, 2.5, 3.578125, 4.0, 5.75, 0.6015625}) {
            for (double side : new double[] {-1, 1}) {
                // the farthest bases that still round to r: half a grid spacing away (ties go up, so the
                // half-way point below r and the base just short of it above); |ε| = 2⁻⁹ at r = 1 and 4
                double below = Math.scalb(1.0, Math.getExponent(Math.nextDown(r)) - PowersOf.GRID_BITS - 1);
                double above = Math.scalb(1.0, Math.getExponent(r) - PowersOf.GRID_BITS - 1);
                double x = side < 0 ? r - below : Math.nextDown(r + above);
                for (int i = 0; i < MODEL_EXPONENTS.length; i++) {
                    double exact = highPrecisionPow(x, MODEL_EXPONENTS[i]);
                    assertThat(Math.abs(powers.of(x, i) - exact)).as("x %s a %s", x, MODEL_EXPONENTS[i])
                            .isLessThanOrEqualTo(3 * 0x1p-53 * exact);
                }
            }
        }
    }

    @Test
    void aSeriesOneDegreeShorterWouldMissTheBound() {
        // the degree is the smallest that meets the bound: one less leaves |C(a, N)| δ^N above it
        double a = MODEL_EXPONENTS[0];
        int degree = PowersOf.degreeFor(a);
        assertThat(degree).isBetween(2, 10);
        double c = 1;
        for (int n = 0; n < degree; n++) {
            c *= (a - n) / (n + 1);
        }
        assertThat(Math.abs(c) * Math.pow(PowersOf.HALF_CELL, degree)).isGreaterThan(PowersOf.REMAINDER_BOUND);
        // and the model's exponents all take the series, with at most 8 terms
        for (double e : MODEL_EXPONENTS) {
            assertThat(PowersOf.degreeFor(e)).isBetween(1, 8);
        }
        assertThat(PowersOf.degreeFor(2)).isEqualTo(2); // C(2, 3) = 0: exact
        assertThat(PowersOf.degreeFor(300)).isEqualTo(-1); // ρ = 300 · 2⁻⁹ too large: Math.pow
        assertThat(new PowersOf(1, 300).degree(0)).isZero();
    }

    /**
     * The degree is the smallest N with |C(a, N+1)| δ^(N+1) / (1 − ρ) · 1.01 &le; 2⁻⁵⁶ · (1 − δ)^|a|,
     * δ = 2⁻⁹, ρ = max(1, |a|)·δ (degreeFor's comment), else -1 above degree 8. Exponents chosen where
     * the bound's left side at the deciding degree is 0.3 to 1.8 % above its right side (worked out by
     * hand from that inequality), so each factor of the bound — the 1 − ρ of the geometric tail, the
     * 1 % margin, the smallest value (1 − δ)^|a| — decides the degree: dropping or inverting any one
     * gives a degree one lower (or 8 instead of -1), a series too short for its own stated bound.
     */
    @Test
    void theDegreeIsTheSmallestTheStatedRemainderBoundAllows() {
        // a: the bound at degree N-1 is 1.003 (5.52), 1.018 (10.03), 1.012 (18.6), 1.012 (-11.65) times the limit
        assertThat(PowersOf.degreeFor(5.52)).isEqualTo(6);
        assertThat(PowersOf.degreeFor(10.03)).isEqualTo(7);
        assertThat(PowersOf.degreeFor(18.6)).isEqualTo(8);
        assertThat(PowersOf.degreeFor(-11.65)).isEqualTo(8);
        // degree 8 misses by 0.7 % for these: Math.pow
        assertThat(PowersOf.degreeFor(32.15)).isEqualTo(-1);
        assertThat(PowersOf.degreeFor(-24.25)).isEqualTo(-1);
        // far from the limit: the model's exponents
        assertThat(PowersOf.degreeFor(11.7387)).isEqualTo(7);
        assertThat(PowersOf.degreeFor(-0.9)).isEqualTo(6);
        assertThat(PowersOf.degreeFor(0.111241)).isEqualTo(5);
    }

    @Test
    void aNanBaseAtTheFirstCallGivesMathPowOfNan() {
        // the instance starts with NaN as its last base, so the first NaN call returns the initial values
        PowersOf powers = new PowersOf(0.5, 0, 11.7387);
        assertThat(powers.of(Double.NaN, 0)).isNaN();
        assertThat(powers.of(Double.NaN, 1)).isEqualTo(1.0); // Math.pow(NaN, 0) = 1
        assertThat(powers.of(Double.NaN, 2)).isNaN();
        assertThat(new PowersOf(0).of(Double.NaN, 0)).isEqualTo(1.0);
    }

    @Test
    void sharedKeepsAnInstancePerExponentListAndStartsAgainAfterSixtyFour() {
        PowersOf.Shared shared = new PowersOf.Shared();
        PowersOf first = shared.of(11.7387, -0.9);
        assertThat(shared.of(0.5)).isNotSameAs(first);
        assertThat(shared.of(11.7387, -0.9)).isSameAs(first);
        assertThat(shared.of(0.5)).isSameAs(shared.of(0.5));
        // 64 lists in all are kept; the 65th starts again, so the first is then built anew
        for (int i = 0; i < 62; i++) {
            shared.of(1 + i / 64.0);
        }
        assertThat(shared.of(11.7387, -0.9)).isSameAs(first);
        shared.of(7.25);
        assertThat(shared.of(11.7387, -0.9)).isNotSameAs(first);
    }

    @Test
    void dependsOnTheBaseOnlyNotOnWhatWasComputedBefore() {
        PowersOf warm = new PowersOf(MODEL_EXPONENTS);
        warm.of(2.31, 0);
        warm.of(1e30, 0);
        warm.of(3.7, 0);
        // a base whose slot another cell took (256 cells apart) and one in a cell seen before
        for (double x : new double[] {2.3101, 2.3101 * 2, 3.7 * (1 + 1e-4), 0.001, 2.31}) {
            PowersOf fresh = new PowersOf(MODEL_EXPONENTS);
            // an instance with a subset of the exponents gives the same bits for them (addSlowRates)
            PowersOf subset = new PowersOf(MODEL_EXPONENTS[1], MODEL_EXPONENTS[2]);
            for (int i = 0; i < MODEL_EXPONENTS.length; i++) {
                assertThat(warm.of(x, i)).isEqualTo(fresh.of(x, i));
            }
            assertThat(subset.of(x, 0)).isEqualTo(warm.of(x, 1));
            assertThat(subset.of(x, 1)).isEqualTo(warm.of(x, 2));
        }
    }

    @Test
    void takesMathPowForBasesThatAreNotPositiveNormalAndFinite() {
        PowersOf powers = new PowersOf(2, 0.5, -1, 11.7387);
        double[] exponents = {2, 0.5, -1, 11.7387};
        for (double x : new double[] {0, -0.0, -2, Double.POSITIVE_INFINITY, Double.NaN, Double.MIN_VALUE,
                Double.MIN_NORMAL / 3, Double.MAX_VALUE, Double.NEGATIVE_INFINITY}) {
            for (int i = 0; i < exponents.length; i++) {
                // Compared by bits: NaN equals NaN, and -0.0 is told from 0.0.
                assertThat(Double.doubleToRawLongBits(powers.of(x, i))).as("x %s a %s", x, exponents[i])
                        .isEqualTo(Double.doubleToRawLongBits(Math.pow(x, exponents[i])));
            }
        }
    }

    @Test
    void takesMathPowWhereTheGridPowerOverflowsOrUnderflows() {
        double[] exponents = {11.7387, -11.7387, 40.5};
        PowersOf powers = new PowersOf(exponents);
        for (double x : new double[] {1e30, 1e-30, 4e26, 2.6e-27, 1e300, 1e-300, 1e-8}) {
            for (int i = 0; i < exponents.length; i++) {
                assertAgrees(powers.of(x, i), x, exponents[i]);
            }
        }
    }

    @Test
    void givesTheBaseItselfForTheExponentOne() {
        PowersOf powers = new PowersOf(1, 3);
        assertThat(powers.of(0.1, 0)).isEqualTo(0.1);
        assertThat(powers.of(0.1, 1)).isCloseTo(1e-3, within(1e-17));
    }

    /** Within {@link #ULPS} of {@code Math.pow}, or its very value where that over- or underflows. */
    private static void assertAgrees(double got, double x, double a) {
        double exact = Math.pow(x, a);
        if (Double.isInfinite(exact) || exact < Double.MIN_NORMAL) {
            assertThat(got).as("x %s a %s", x, a).isEqualTo(exact);
        } else {
            assertThat(Math.abs(got - exact)).as("x %s a %s", x, a).isLessThanOrEqualTo(ULPS * exact);
        }
    }

    /** x^a to ~40 digits: exp(a ln x) with BigDecimal series (x's binary value is exact in BigDecimal). */
    private static double highPrecisionPow(double x, double a) {
        MathContext mc = new MathContext(60);
        BigDecimal bx = new BigDecimal(x);
        // ln x = 2 atanh((x − 1)/(x + 1))
        BigDecimal z = bx.subtract(BigDecimal.ONE).divide(bx.add(BigDecimal.ONE), mc);
        BigDecimal z2 = z.multiply(z, mc);
        BigDecimal term = z;
        BigDecimal ln = BigDecimal.ZERO;
        for (int n = 1; n < 400; n += 2) {
            ln = ln.add(term.divide(BigDecimal.valueOf(n), mc), mc);
            term = term.multiply(z2, mc);
        }
        ln = ln.multiply(BigDecimal.valueOf(2), mc);
        BigDecimal u = ln.multiply(new BigDecimal(a), mc);
        // exp u = (exp(u / 2^10))^(2^10)
        BigDecimal v = u.divide(BigDecimal.valueOf(1024), mc);
        BigDecimal e = BigDecimal.ONE;
        BigDecimal t = BigDecimal.ONE;
        for (int n = 1; n < 60; n++) {
            t = t.multiply(v, mc).divide(BigDecimal.valueOf(n), mc);
            e = e.add(t, mc);
        }
        for (int n = 0; n < 10; n++) {
            e = e.multiply(e, mc);
        }
        return e.doubleValue();
    }

    /**
     * {@link PowersOf.Shared} hands out one instance per exponent list (bit for bit), and an instance
     * used in turn by two users with interleaved bases gives each the bits a fresh instance of its own
     * gives (the results depend on the base only), tables warm or cold.
     */
    @Test
    void sharedInstancesGiveTheBitsOfFreshOnes() {
        PowersOf.Shared shared = new PowersOf.Shared();
        double[] three = {11.7387, -0.9, 0.9 * 12.5033};
        double[] two = {0.111241, 1.2 * 3 / 2};
        PowersOf a = shared.of(three);
        assertThat(shared.of(three.clone())).isSameAs(a);
        assertThat(shared.of(two)).isNotSameAs(a);
        assertThat(shared.of(-0.0)).isNotSameAs(shared.of(0.0));
        PowersOf ownFirst = new PowersOf(three);
        PowersOf ownSecond = new PowersOf(three);
        SplittableRandom random = new SplittableRandom(5);
        double x = 1.2;
        double z = 2.5;
        for (int j = 0; j < 20_000; j++) {
            x = j % 300 == 0 ? Math.exp(random.nextDouble(-3, 3)) : x * (1 + random.nextDouble(-1e-2, 1e-2));
            z = j % 700 == 0 ? -z : z * (1 + random.nextDouble(-1e-3, 1e-3));
            for (int i = 0; i < three.length; i++) {
                assertThat(Double.doubleToRawLongBits(a.of(x, i))).isEqualTo(Double.doubleToRawLongBits(ownFirst.of(x, i)));
                assertThat(Double.doubleToRawLongBits(a.of(z, i))).isEqualTo(Double.doubleToRawLongBits(ownSecond.of(z, i)));
            }
        }
    }
}
