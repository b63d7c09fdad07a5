package org.vascalc.physiology.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PowersOfTest {

    @Test
    void agreesWithMathPowToAFewUlpsForPositiveBases() {
        double[] exponents = {12.5, -3.7, 0.31, 1, -40};
        PowersOf powers = new PowersOf(exponents);
        for (double x : new double[] {1e-6, 0.37, 1.0, 1.2345, 2.5, 87.0, 3e4}) {
            for (int i = 0; i < exponents.length; i++) {
                double exact = Math.pow(x, exponents[i]);
                assertThat(powers.of(x, i)).isCloseTo(exact, within(1e-13 * exact));
            }
        }
    }

    @Test
    void takesMathPowForBasesThatAreNotPositiveAndFinite() {
        PowersOf powers = new PowersOf(2, 0.5, -1);
        for (double x : new double[] {0, -0.0, -2, Double.POSITIVE_INFINITY, Double.NaN}) {
            // Compared by bits: NaN equals NaN, and -0.0 is told from 0.0.
            assertThat(Double.doubleToRawLongBits(powers.of(x, 0))).isEqualTo(Double.doubleToRawLongBits(Math.pow(x, 2)));
            assertThat(Double.doubleToRawLongBits(powers.of(x, 1))).isEqualTo(Double.doubleToRawLongBits(Math.pow(x, 0.5)));
            assertThat(Double.doubleToRawLongBits(powers.of(x, 2))).isEqualTo(Double.doubleToRawLongBits(Math.pow(x, -1)));
        }
    }

    @Test
    void givesTheBaseItselfForTheExponentOne() {
        PowersOf powers = new PowersOf(1, 3);
        assertThat(powers.of(0.1, 0)).isEqualTo(0.1);
        assertThat(powers.of(0.1, 1)).isCloseTo(1e-3, within(1e-17));
    }
}
