package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link MineralBlock#atLeast} stands in for {@code Math.max(x, floor)} in the rate code
 * (docs/performance-log.md, "perfasm"), so it must give Math.max's bits for every x and each floor the
 * block uses (+0.0, 1e-12, 1e-6): the contract of {@link Math#max(double, double)}, including its
 * special cases (NaN stays NaN, -0.0 against +0.0 gives +0.0).
 */
class AtLeastTest {

    private static final double[] FLOORS = {0, 1e-12, 1e-6};

    private static void sameBitsAsMathMax(double x) {
        for (double floor : FLOORS) {
            assertThat(Double.doubleToRawLongBits(MineralBlock.atLeast(x, floor)))
                    .as("x = %s, floor = %s", x, floor)
                    .isEqualTo(Double.doubleToRawLongBits(Math.max(x, floor)));
        }
    }

    @Test
    void signedZerosGiveThePositiveFloor() {
        assertThat(Double.doubleToRawLongBits(MineralBlock.atLeast(-0.0, 0))).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(Double.doubleToRawLongBits(MineralBlock.atLeast(0.0, 0))).isEqualTo(Double.doubleToRawLongBits(0.0));
        sameBitsAsMathMax(-0.0);
        sameBitsAsMathMax(0.0);
    }

    @Test
    void nanStaysNan() {
        assertThat(MineralBlock.atLeast(Double.NaN, 0)).isNaN();
        assertThat(MineralBlock.atLeast(Double.NaN, 1e-12)).isNaN();
    }

    @Test
    void valuesAtAndAroundTheFloorsAndInfinities() {
        assertThat(MineralBlock.atLeast(-3, 1e-6)).isEqualTo(1e-6);
        assertThat(MineralBlock.atLeast(2.5, 1e-6)).isEqualTo(2.5);
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
}
