package org.vascalc.physiology.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GridExpTest {

    @Test
    void agreesWithMathExpToTheRoundingOfTheArgument() {
        SplittableRandom random = new SplittableRandom(7);
        for (double rate : new double[] {0.05, 0.019406, 0.07, Math.log(1.07) / 10, Math.log(1.1593), -0.3, 2.5}) {
            GridExp exp = new GridExp(rate);
            double x = -30;
            for (int i = 0; i < 20_000; i++) {
                // small steps (an orbit's ages) and jumps (a new orbit, a history step)
                x = i % 100 == 0 ? random.nextDouble(-30, 60) : x + random.nextDouble(-1e-3, 1e-3);
                double exact = Math.exp(rate * x);
                // each rounds rate·x differently: |rate·x| units of 2^-53 of relative difference, plus a few
                double bound = (3 + Math.abs(rate * x)) * 0x1p-52 * exact;
                assertThat(Math.abs(exp.of(x) - exact)).as("rate %s x %s", rate, x).isLessThanOrEqualTo(bound);
            }
        }
    }

    @Test
    void dependsOnTheArgumentOnlyNotOnWhatWasComputedBefore() {
        GridExp warm = new GridExp(0.05);
        warm.of(12.3);
        warm.of(-40);
        for (double x : new double[] {0, 1e-9, 0.37, 5.001, -17.25}) {
            assertThat(warm.of(x)).isEqualTo(new GridExp(0.05).of(x));
        }
    }

    @Test
    void takesMathExpForAZeroRateAndNonFiniteOrOverflowingArguments() {
        assertThat(new GridExp(0).of(123.4)).isEqualTo(1.0);
        GridExp exp = new GridExp(1);
        assertThat(exp.of(Double.NaN)).isNaN();
        assertThat(exp.of(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(exp.of(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(exp.of(709.9)).isEqualTo(Math.exp(709.9));
        // a rate so large that its grid is infinitely fine takes Math.exp too
        assertThat(new GridExp(1e308).of(-1.0)).isEqualTo(0.0);
        assertThat(new GridExp(1e308).of(1e-310)).isEqualTo(Math.exp(1e308 * 1e-310));
        assertThat(exp.of(709.7)).isCloseTo(Math.exp(709.7), withinPercentage(1e-12));
    }
}
