package org.vascalc.simulation.integrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The step controller's root of the error ratio ({@link Rodas4Integrator#errorRoot}): the cube root for
 * an embedded order of 2 (the fast mode's W-method), the fourth root for 3 (Rodas4), {@code Math.pow}
 * otherwise. Expected values from the roots' definitions (r³ = x, r⁴ = x, exact for perfect powers),
 * not from the code; the special inputs an error norm can give (0, +∞, NaN) as {@code Math.pow} gives them.
 */
class ErrorRootTest {

    @Test
    void orderTwoIsTheCubeRoot() {
        assertThat(Rodas4Integrator.errorRoot(27, 2, 1.0 / 3)).isEqualTo(3.0);
        assertThat(Rodas4Integrator.errorRoot(0.125, 2, 1.0 / 3)).isEqualTo(0.5);
        SplittableRandom random = new SplittableRandom(41);
        for (int i = 0; i < 10_000; i++) {
            double x = Math.pow(10, random.nextDouble(-12, 6));
            double r = Rodas4Integrator.errorRoot(x, 2, 1.0 / 3);
            assertThat(Math.abs(r * r * r / x - 1)).isLessThan(1e-15);
        }
    }

    @Test
    void orderThreeIsTheFourthRoot() {
        assertThat(Rodas4Integrator.errorRoot(16, 3, 0.25)).isEqualTo(2.0);
        assertThat(Rodas4Integrator.errorRoot(81, 3, 0.25)).isEqualTo(3.0);
        assertThat(Rodas4Integrator.errorRoot(1.0 / 256, 3, 0.25)).isEqualTo(0.25);
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            double x = Math.pow(10, random.nextDouble(-12, 6));
            double r = Rodas4Integrator.errorRoot(x, 3, 0.25);
            assertThat(Math.abs(r * r * r * r / x - 1)).isLessThan(1e-15);
        }
    }

    @Test
    void otherOrdersTakeThePowerItself() {
        SplittableRandom random = new SplittableRandom(43);
        for (int i = 0; i < 1_000; i++) {
            double x = Math.pow(10, random.nextDouble(-12, 6));
            assertThat(Rodas4Integrator.errorRoot(x, 4, 0.2)).isEqualTo(Math.pow(x, 0.2));
            assertThat(Rodas4Integrator.errorRoot(x, 1, 0.5)).isEqualTo(Math.pow(x, 0.5));
        }
    }

    @Test
    void specialRatiosAsThePower() {
        for (int order = 1; order <= 4; order++) {
            double exponent = 1.0 / (order + 1);
            for (double x : new double[] {0.0, Double.POSITIVE_INFINITY, Double.NaN, 1.0}) {
                // compared as bits (canonical NaN), as isEqualTo(double) never holds for NaN
                assertThat(Double.doubleToLongBits(Rodas4Integrator.errorRoot(x, order, exponent)))
                        .isEqualTo(Double.doubleToLongBits(Math.pow(x, exponent)));
            }
        }
    }
}
