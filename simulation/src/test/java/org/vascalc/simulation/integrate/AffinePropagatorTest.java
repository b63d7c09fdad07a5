package org.vascalc.simulation.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The exact solution of s' = A s + f, s(0) = 0, against closed forms: a transit chain of equal rates
 * (all eigenvalues repeated, the case where sums of exponentials cancel) fed at its head, a single
 * depot, and a zero matrix.
 */
class AffinePropagatorTest {

    /** Seven compartments in series, each emptying at k into the next (the last out of the set). */
    private static double[] chain(int m, double k) {
        double[] a = new double[m * m];
        for (int i = 0; i < m; i++) {
            a[i * m + i] = -k;
            if (i > 0) {
                a[i * m + i - 1] = k;
            }
        }
        return a;
    }

    @Test
    void chainOfEqualRatesFedAtItsHeadIsTheErlangSolution() {
        int m = 7;
        double k = 2.1;
        double input = 0.37;
        AffinePropagator p = new AffinePropagator(chain(m, k), m);
        double[] f = new double[m];
        f[0] = input;
        p.force(f);
        double[] s = new double[m];
        double[] ds = new double[m];
        for (double tau : new double[] {1e-6, 0.3, 1.7, 5, 40}) {
            p.at(tau, s, ds);
            double x = k * tau;
            double partial = 0;
            double power = 1;
            for (int i = 0; i < m; i++) {
                // compartment i + 1: (F/k) (1 - e^-x sum_{j<=i} x^j/j!), and its rate F e^-x x^i / i!
                double rate = input * Math.exp(-x) * power;
                partial += power;
                double content = input / k * -Math.expm1(-x) - input / k * Math.exp(-x) * (partial - 1);
                assertThat(s[i]).as("s_%d(%s)", i, tau).isCloseTo(content, within(1e-13 * input / k + 1e-15));
                assertThat(ds[i]).as("s'_%d(%s)", i, tau).isCloseTo(rate, within(1e-13 * input));
                power *= x / (i + 1);
            }
        }
    }

    @Test
    void depotAndZeroMatrix() {
        AffinePropagator depot = new AffinePropagator(new double[] {-0.8}, 1);
        depot.force(new double[] {2});
        double[] s = new double[1];
        depot.at(3, s, null);
        assertThat(s[0]).isCloseTo(2 * -Math.expm1(-2.4) / 0.8, within(1e-14));
        AffinePropagator none = new AffinePropagator(new double[] {0}, 1);
        none.force(new double[] {2});
        none.at(3, s, null);
        assertThat(s[0]).isCloseTo(6, within(1e-14));
    }

    @Test
    void anEarlierTimeAfterALaterOneRestartsFromTheOrigin() {
        AffinePropagator p = new AffinePropagator(chain(3, 1.3), 3);
        p.force(new double[] {1, 0.5, 0});
        double[] late = new double[3];
        double[] early = new double[3];
        double[] again = new double[3];
        p.at(0.7, early, null);
        p.at(4.2, late, null);
        p.at(0.7, again, null);
        assertThat(again).containsExactly(early, within(1e-15));
        assertThat(late[2]).isGreaterThan(early[2]);
    }

    /**
     * The series stops when its terms fall below the rounding of the sum, a relative test: a forcing of
     * nanograms is summed to the same relative precision as one of grams (mutation testing found the
     * stopping rule untested away from values of order 1, where 1e-17 * sum and 1e-17 / sum coincide).
     */
    @Test
    void theSeriesStopsRelativeToTheSumSoTinyAndHugeForcingsAreExactToo() {
        for (double input : new double[] {2e-9, 2e9}) {
            AffinePropagator depot = new AffinePropagator(new double[] {-0.8}, 1);
            depot.force(new double[] {input});
            double[] s = new double[1];
            double[] ds = new double[1];
            depot.at(3, s, ds);
            // s(t) = f (1 - e^-kt) / k, s'(t) = f e^-kt
            assertThat(s[0]).as("s(3), f = %s", input).isCloseTo(input * -Math.expm1(-2.4) / 0.8, within(1e-14 * input));
            assertThat(ds[0]).as("s'(3), f = %s", input).isCloseTo(input * Math.exp(-2.4), within(1e-14 * input));
        }
    }
}
