package org.vascalc.physiology.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link DoubleOrder} stands in for {@code Math.max}/{@code Math.min} of doubles in the rate code and the
 * engine's hot paths (docs/performance-log.md, "perfasm", "perfasm2"), so it must give their bits: the
 * contract of {@link Math#max(double, double)} and {@link Math#min(double, double)}, including the
 * special cases (a NaN operand gives NaN; -0.0 against +0.0 gives +0.0 for max, -0.0 for min).
 * {@code atLeast} for each floor its callers use (+0.0, 1e-12, 1e-6, 1e-2, 0.05, 0.1, 1, 60); max and min
 * for every pair.
 */
class DoubleOrderTest {

    private static final double[] FLOORS = {0, 1e-12, 1e-6, 1e-2, 0.05, 0.1, 1, 60};

    private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
        1, -1, 1e-12, 1e-6, Math.nextUp(1e-6), Math.nextDown(1e-6), 2.5, -3};

    private static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }

    private static void sameBitsAsMathMax(double x) {
        for (double floor : FLOORS) {
            assertThat(bits(DoubleOrder.atLeast(x, floor)))
                    .as("x = %s, floor = %s", x, floor)
                    .isEqualTo(bits(Math.max(x, floor)));
        }
    }

    private static void sameBitsAsMathMaxAndMin(double a, double b) {
        assertThat(bits(DoubleOrder.max(a, b))).as("max(%s, %s)", a, b).isEqualTo(bits(Math.max(a, b)));
        assertThat(bits(DoubleOrder.min(a, b))).as("min(%s, %s)", a, b).isEqualTo(bits(Math.min(a, b)));
    }

    @Test
    void signedZerosGiveThePositiveFloor() {
        assertThat(bits(DoubleOrder.atLeast(-0.0, 0))).isEqualTo(bits(0.0));
        assertThat(bits(DoubleOrder.atLeast(0.0, 0))).isEqualTo(bits(0.0));
        sameBitsAsMathMax(-0.0);
        sameBitsAsMathMax(0.0);
    }

    @Test
    void nanStaysNan() {
        assertThat(DoubleOrder.atLeast(Double.NaN, 0)).isNaN();
        assertThat(DoubleOrder.atLeast(Double.NaN, 1e-12)).isNaN();
    }

    @Test
    void valuesAtAndAroundTheFloorsAndInfinities() {
        assertThat(DoubleOrder.atLeast(-3, 1e-6)).isEqualTo(1e-6);
        assertThat(DoubleOrder.atLeast(2.5, 1e-6)).isEqualTo(2.5);
        for (double floor : FLOORS) {
            sameBitsAsMathMax(floor);
            sameBitsAsMathMax(Math.nextUp(floor));
            sameBitsAsMathMax(Math.nextDown(floor));
        }
        sameBitsAsMathMax(Double.POSITIVE_INFINITY);
        sameBitsAsMathMax(Double.NEGATIVE_INFINITY);
        sameBitsAsMathMax(Double.MIN_VALUE);
        sameBitsAsMathMax(-Double.MIN_VALUE);
    }

    @Test
    void randomValuesOfEverySignAndScale() {
        SplittableRandom random = new SplittableRandom(20261205);
        for (int k = 0; k < 100_000; k++) {
            double x = (random.nextBoolean() ? 1 : -1) * Math.scalb(random.nextDouble(), random.nextInt(-60, 20));
            sameBitsAsMathMax(x);
        }
    }

    @Test
    void maxAndMinOfSignedZerosAndNaN() {
        assertThat(bits(DoubleOrder.max(-0.0, 0.0))).isEqualTo(bits(0.0));
        assertThat(bits(DoubleOrder.max(0.0, -0.0))).isEqualTo(bits(0.0));
        assertThat(bits(DoubleOrder.min(0.0, -0.0))).isEqualTo(bits(-0.0));
        assertThat(bits(DoubleOrder.min(-0.0, 0.0))).isEqualTo(bits(-0.0));
        assertThat(DoubleOrder.max(Double.NaN, 1)).isNaN();
        assertThat(DoubleOrder.max(1, Double.NaN)).isNaN();
        assertThat(DoubleOrder.min(Double.NaN, 1)).isNaN();
        assertThat(DoubleOrder.min(1, Double.NaN)).isNaN();
        assertThat(DoubleOrder.max(2, 3)).isEqualTo(3);
        assertThat(DoubleOrder.max(3, 2)).isEqualTo(3);
        assertThat(DoubleOrder.min(2, 3)).isEqualTo(2);
        assertThat(DoubleOrder.min(3, 2)).isEqualTo(2);
    }

    @Test
    void maxAndMinOfEveryPairOfSpecialValues() {
        for (double a : SPECIAL) {
            for (double b : SPECIAL) {
                sameBitsAsMathMaxAndMin(a, b);
            }
        }
    }

    @Test
    void maxAndMinOfRandomPairsOfEverySignAndScale() {
        SplittableRandom random = new SplittableRandom(20261205);
        for (int k = 0; k < 100_000; k++) {
            double a = (random.nextBoolean() ? 1 : -1) * Math.scalb(random.nextDouble(), random.nextInt(-60, 20));
            double b = random.nextInt(8) == 0 ? a : (random.nextBoolean() ? 1 : -1)
                    * Math.scalb(random.nextDouble(), random.nextInt(-60, 20));
            sameBitsAsMathMaxAndMin(a, b);
        }
    }
}
