package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link OnsetTransient} and {@link OnsetLag} on a small linear two-timescale system whose solution is
 * known in closed form: FAST {@code x} (two states, relaxing in 1 h and 10 h, coupled) driven by one SLOW
 * state {@code s} that decays in {@code T = 48 h}, {@code x' = J x + B s}, {@code s = s0 e^{-t/T}}.
 * The slow manifold is {@code x = S s} with {@code S = -J^-1 B}; the deviation {@code e = x - S s} obeys
 * {@code e' = J e - S sdot} from {@code e0 = x0 - S s0} (the transient's equation with {@code v = 0}).
 * The exact {@code x(t)} is worked here by hand from {@code J}'s eigenvectors (upper triangular:
 * eigenvalues -1 and -0.1 per hour), independently of the transient's matrix exponentials.
 */
class OnsetTransientTest {

    // J = [[-1, 0.5], [0, -0.1]]; B = (0.2, 0.05)
    private static final double[] J = {-1, 0.5, 0, -0.1};
    private static final double[] B = {0.2, 0.05};
    private static final double T = 48;
    private static final double S0 = 2;
    private static final double[] X0 = {0.3, -0.4};

    /** S = -J^-1 B for the triangular J: S2 = B2 / 0.1, S1 = (B1 + 0.5 S2) / 1. */
    private static final double[] S = {B[0] + 0.5 * (B[1] / 0.1), B[1] / 0.1};

    /**
     * The exact x(t) by eigenvectors: v1 = (1, 0) for -1, v2 = (c, 1) with c = 0.5 / 0.9 for -0.1; a
     * state (a1, a2) in that basis is (a1 + c a2, a2). Each mode, a' = l a + b s0 e^{-t/T}: a(t) = a0 e^{l t}
     * + A (e^{-t/T} - e^{l t}) with the particular amplitude A = -b s0 / (l + 1/T).
     */
    private static double[] exact(double t) {
        double c = 0.5 / 0.9;
        double[] l = {-1, -0.1};
        double[] a0 = {X0[0] - c * X0[1], X0[1]};
        double[] b = {B[0] - c * B[1], B[1]};
        double[] a = new double[2];
        for (int m = 0; m < 2; m++) {
            double amplitude = -b[m] * S0 / (l[m] + 1 / T);
            a[m] = a0[m] * Math.exp(l[m] * t) + amplitude * (Math.exp(-t / T) - Math.exp(l[m] * t));
        }
        return new double[] {a[0] + c * a[1], a[1]};
    }

    private static double s(double t) {
        return S0 * Math.exp(-t / T);
    }

    private static double sdot(double t) {
        return -s(t) / T;
    }

    /** The forcing g = v - S sdot with v = 0. */
    private static final OnsetTransient.Forcing FORCING = (time, out) -> {
        out[0] = -S[0] * sdot(time);
        out[1] = -S[1] * sdot(time);
    };

    private static OnsetTransient started(boolean layer) {
        OnsetTransient tr = new OnsetTransient(2, 1);
        double[] e0 = layer ? new double[] {X0[0] - S[0] * S0, X0[1] - S[1] * S0} : new double[2];
        tr.begin(0, e0, J);
        return tr;
    }

    @Test
    void theMovedOrbitPlusTheTransientIsTheExactSolution() {
        OnsetTransient tr = started(true);
        for (double t : new double[] {1, 2, 5, 11, 24, 49.5, 72, 150.25}) {
            double[] e = tr.at(t, FORCING);
            double[] x = exact(t);
            for (int k = 0; k < 2; k++) {
                // second order in the forcing (linear over each 1 h step): measured 2.8e-6 of x1 (S1 s0 = 0.9); the
                // exponential midpoint rule, first order in the forcing's slope for the stiff mode, was 2.0e-5 off
                assertThat(S[k] * s(t) + e[k]).as("x%d at %s h", k, t).isCloseTo(x[k], within(5e-6 * Math.abs(S[k] * S0)));
            }
        }
    }

    @Test
    void withoutTheTransientTheRowIsOffByTheLayerAndTheLag() {
        // what main's rows are (the moved orbit S s alone): the check above is not loose
        double[] x = exact(5);
        assertThat(Math.abs(S[1] * s(5) - x[1])).isGreaterThan(0.05);
    }

    @Test
    void theForcedPartAloneTendsToTheQuasiSteadyLag() {
        // e0 = 0: after the layer of x0 - S s0 would have decayed, x - S s -> J^-1 S sdot (+ O(tau / T)^2)
        OnsetTransient tr = started(false);
        double t = 120;
        double[] e = tr.at(t, FORCING);
        double[] sSdot = {S[0] * sdot(t), S[1] * sdot(t)};
        // J^-1 for the triangular J: y2 = r2 / -0.1, y1 = (r1 - 0.5 y2) / -1
        double y2 = sSdot[1] / -0.1;
        double y1 = (sSdot[0] - 0.5 * y2) / -1;
        double eps = 10 / T;
        assertThat(e[1]).isCloseTo(y2, within(eps * Math.abs(y2) * 1.5));
        assertThat(e[0]).isCloseTo(y1, within(eps * Math.abs(y1) * 1.5));
        // and the OnsetLag's quasi-steady form gives J^-1 (S sdot - v) through the response's solve
        OnsetLag lag = new OnsetLag(new int[] {0, 1}, new int[] {0});
        OrbitDrift.Response response = new OrbitDrift.Response() {
            @Override
            public void forcingResponse(double[] forcing, double[] out) {
                out[1] = forcing[1] / -0.1;
                out[0] = (forcing[0] - 0.5 * out[1]) / -1;
            }

            @Override
            public double relaxationTime(int k) {
                return k == 0 ? 1 : 10;
            }
        };
        double[] q = lag.lagAt(j -> sdot(t), response, (rate, out) -> {
            out[0] = S[0] * rate[0];
            out[1] = S[1] * rate[0];
        }, new double[2], null);
        assertThat(q[0]).isCloseTo(y1, within(1e-15));
        assertThat(q[1]).isCloseTo(y2, within(1e-15));
    }

    @Test
    void aRowsBitsDoNotDependOnTheOtherRows() {
        OnsetTransient hourly = started(true);
        OnsetTransient sparse = started(true);
        double last = 0;
        for (int h = 1; h <= 30; h++) {
            last = hourly.at(h, FORCING)[0];
        }
        double off = hourly.at(30.5, FORCING)[0];
        assertThat(sparse.at(30, FORCING)[0]).isEqualTo(last);
        assertThat(sparse.at(30.5, FORCING)[0]).isEqualTo(off);
    }

    @Test
    void aStoppedTransientIsNotCarriedAndTheWindowEnds() {
        OnsetTransient tr = started(true);
        assertThat(tr.within(OnsetTransient.WINDOW_HOURS - 1)).isTrue();
        assertThat(tr.within(OnsetTransient.WINDOW_HOURS)).isFalse();
        tr.stop();
        assertThat(tr.active()).isFalse();
        assertThat(tr.within(1)).isFalse();
    }
}
