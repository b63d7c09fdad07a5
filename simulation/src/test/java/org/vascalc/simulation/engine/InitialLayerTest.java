package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * {@link InitialLayer}: the SLOW states' share of a decaying FAST offset, {@code Δs = -B J^-1 e0}, against linear
 * systems whose answer is known (by hand, and by integrating {@code e' = J e}, {@code s' = B e} to the layer's end);
 * {@link BiasProbe#initialLayer} off by default and kicking only when asked (initlayer, sixty-first session).
 */
class InitialLayerTest {

    /** {@code out = J^-1 in} for a small dense {@code J} (Gaussian elimination with partial pivoting). */
    private static InitialLayer.Solve inverse(double[][] j) {
        return (in, out) -> {
            int m = in.length;
            double[][] a = new double[m][m + 1];
            for (int r = 0; r < m; r++) {
                System.arraycopy(j[r], 0, a[r], 0, m);
                a[r][m] = in[r];
            }
            for (int c = 0; c < m; c++) {
                int p = c;
                for (int r = c + 1; r < m; r++) {
                    p = Math.abs(a[r][c]) > Math.abs(a[p][c]) ? r : p;
                }
                double[] t = a[c];
                a[c] = a[p];
                a[p] = t;
                for (int r = c + 1; r < m; r++) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= m; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
            for (int r = m - 1; r >= 0; r--) {
                double s = a[r][m];
                for (int k = r + 1; k < m; k++) {
                    s -= a[r][k] * out[k];
                }
                out[r] = s / a[r][r];
            }
        };
    }

    /** The kick for FAST states 0..nf-1 and SLOW states nf..nf+ns-1 with SLOW rates {@code b x_fast} (linear). */
    private static double[] kick(double[][] j, double[][] b, double[] e0) {
        int nf = j.length;
        int ns = b.length;
        int n = nf + ns;
        int[] fast = new int[nf];
        int[] slow = new int[ns];
        for (int k = 0; k < nf; k++) {
            fast[k] = k;
        }
        for (int q = 0; q < ns; q++) {
            slow[q] = nf + q;
        }
        double[] atol = new double[n];
        java.util.Arrays.fill(atol, 1e-8);
        // the orbit at 1 (FAST) and 5 (SLOW); the state reached is e0 off it
        double[] start = new double[n];
        java.util.Arrays.fill(start, 1.0);
        for (int q = 0; q < ns; q++) {
            start[nf + q] = 5;
        }
        InitialLayer layer = new InitialLayer(n, nf, ns);
        for (int k = 0; k < nf; k++) {
            layer.reached[k] = start[k] + e0[k];
        }
        InitialLayer.SlowRates rates = (m, x, out) -> {
            java.util.Arrays.fill(out, 0.0);
            for (int q = 0; q < ns; q++) {
                for (int k = 0; k < nf; k++) {
                    out[nf + q] += b[q][k] * x[k];
                }
            }
        };
        assertThat(layer.kick(start, fast, slow, atol, null, inverse(j), new double[][] {start}, 1, rates)).isTrue();
        return layer.kick.clone();
    }

    @Test
    void theKickIsTheLayersAreaSeenByTheSlowRates() {
        // e2 = 2 e^{-2t}: area 1; e1' = -e1 + 0.5 e2, e1(0) = 1: area 1 + 0.5 = 1.5; s' = e1 + 3 e2: 1.5 + 3 = 4.5
        double[][] j = {{-1, 0.5}, {0, -2}};
        double[] ds = kick(j, new double[][] {{1, 3}, {-2, 0}}, new double[] {1, 2});
        assertThat(ds[0]).isCloseTo(4.5, within(1e-6));
        assertThat(ds[1]).isCloseTo(-3.0, within(1e-6));
    }

    @Test
    void theKickIsWhatTheFullLinearSystemsSlowStatesGainOverTheLayer() {
        // a coupled, non-normal FAST block (modes of 0.45 to 4.8 h) integrated by RK4 to 200 h against the closed form
        double[][] j = {{-2.5, 0.8, 0.0}, {-0.6, -0.3, 0.4}, {0.2, 0.0, -0.3}};
        double[][] b = {{0.7, -1.1, 0.25}};
        double[] e0 = {0.3, -1.2, 0.8};
        double[] e = e0.clone();
        double s = 0;
        double h = 0.005;
        for (int step = 0; step < 40_000; step++) {
            double[][] k = new double[4][];
            double[] sk = new double[4];
            double[] at = e;
            for (int st = 0; st < 4; st++) {
                k[st] = new double[3];
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        k[st][r] += j[r][c] * at[c];
                    }
                    sk[st] += b[0][r] * at[r];
                }
                if (st < 3) {
                    double f = st < 2 ? 0.5 * h : h;
                    at = new double[3];
                    for (int r = 0; r < 3; r++) {
                        at[r] = e[r] + f * k[st][r];
                    }
                }
            }
            for (int r = 0; r < 3; r++) {
                e[r] += h / 6 * (k[0][r] + 2 * k[1][r] + 2 * k[2][r] + k[3][r]);
            }
            s += h / 6 * (sk[0] + 2 * sk[1] + 2 * sk[2] + sk[3]);
        }
        assertThat(Math.abs(e[0]) + Math.abs(e[1]) + Math.abs(e[2])).isLessThan(1e-6);
        assertThat(kick(j, b, e0)[0]).isCloseTo(s, within(1e-5 * Math.abs(s) + 1e-9));
    }

    @Test
    void aLeftOutStateAndAnUnknownJacobianGiveNoKick() {
        InitialLayer layer = new InitialLayer(3, 2, 1);
        layer.reached[0] = 2;
        layer.reached[1] = 2;
        InitialLayer.SlowRates rates = (m, x, out) -> out[2] = x[0] + x[1];
        double[] start = {1, 1, 5};
        double[] atol = {1e-8, 1e-8, 1e-8};
        InitialLayer.Solve identityNegative = (in, out) -> {
            for (int k = 0; k < in.length; k++) {
                out[k] = -in[k];
            }
        };
        // J = -I: area e0; state 1 left out: only state 0's offset of 1 counts
        assertThat(layer.kick(start, new int[] {0, 1}, new int[] {2}, atol, new int[] {1}, identityNegative,
                new double[][] {start}, 1, rates)).isTrue();
        assertThat(layer.kick[0]).isCloseTo(1.0, within(1e-6));
        InitialLayer.Solve unknown = (in, out) -> java.util.Arrays.fill(out, Double.NaN);
        assertThat(layer.kick(start, new int[] {0, 1}, new int[] {2}, atol, null, unknown, new double[][] {start}, 1,
                rates)).isFalse();
        assertThat(layer.kick[0]).isZero();
    }

    @Test
    void theProbeIsOffByDefaultAndRejectsAnUnknownMode() {
        assertThat(BiasProbe.NONE.initialLayer()).isEqualTo(BiasProbe.LAYER_OFF);
        assertThat(FastSettings.DEFAULT.probe().initialLayer()).isEqualTo(BiasProbe.LAYER_OFF);
        assertThatThrownBy(() -> BiasProbe.NONE.withInitialLayer(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initial layer 3");
    }

    /** The kick lines of a 20-day CKD carbonate-binder run's trace with the probe at {@code mode}. */
    private static List<String> kicks(int mode) {
        Scenario y = AgreementScenarios.oneYearCkdWithCarbonateBinder(org.vascalc.core.condition.Condition.CkdStage.G5);
        Scenario s = new Scenario(y.name(), "", y.patient(), y.conditions(), y.interventions(), 20,
                new Recording(FastVersusReferenceTest.slowChannels(), 24, 24, 0, 0));
        List<String> lines = new ArrayList<>();
        BiasProbe probe = BiasProbe.NONE.withInitialLayer(mode).withTrace(lines::add);
        new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(),
                FastSettings.DEFAULT.withProbe(probe), FastSettings.DEFAULT, true)
                .run(s, Mode.FAST, ProgressListener.NONE);
        return lines.stream().filter(l -> l.startsWith("LAYER")).toList();
    }

    @Test
    void theRegimensOnsetKicksTheSlowStatesOnlyWhenAsked() {
        assertThat(kicks(BiasProbe.LAYER_OFF)).isEmpty();
        List<String> on = kicks(BiasProbe.LAYER_AT_MEAN);
        assertThat(on).hasSize(1);
        assertThat(on.get(0)).startsWith("LAYER day     0.00").contains("mineral.caUrineCum");
    }
}
