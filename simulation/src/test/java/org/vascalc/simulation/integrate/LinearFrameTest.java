package org.vascalc.simulation.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * ROS34PW2 in a shifted frame ({@link LinearFrame}): a linear transit chain is then exact whatever
 * the step, and with a saturable uptake from each compartment (the remainder the frame leaves to the
 * solver) the answer agrees with the plain integration within the tolerance.
 */
class LinearFrameTest {

    private static final int M = 4;
    private static final double K = 2.1;
    private static final double INPUT = 0.4;

    /**
     * A chain of M compartments at rate K fed at its head, plus an absorbed pool p fed by a saturable
     * uptake vmax g / (g + km) from each compartment; the framed part is the chain's transit.
     */
    private static final class Chain implements OdeSystem, LinearFrame {
        final double vmax;
        final boolean framed;
        final AffinePropagator propagator;
        final double[] g = new double[M + 1];
        final double[] forcing = new double[M];
        final double[] s = new double[M];
        final double[] ds = new double[M];
        final double[] atAnchor = new double[M + 1];
        double origin;
        boolean active;

        Chain(double vmax, boolean framed) {
            this.vmax = vmax;
            this.framed = framed;
            double[] a = new double[M * M];
            for (int i = 0; i < M; i++) {
                a[i * M + i] = -K;
                if (i > 0) {
                    a[i * M + i - 1] = K;
                }
            }
            propagator = new AffinePropagator(a, M);
        }

        @Override
        public int dimension() {
            return M + 1;
        }

        @Override
        public boolean autonomous() {
            return true;
        }

        private void model(double[] y, double[] dydt) {
            double in = INPUT;
            dydt[M] = 0;
            for (int i = 0; i < M; i++) {
                double uptake = vmax * y[i] / (y[i] + 0.5);
                dydt[i] = in - K * y[i] - uptake;
                dydt[M] += uptake;
                in = K * y[i];
            }
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            System.arraycopy(y, 0, g, 0, M + 1);
            if (active) {
                propagator.at(t - origin, s, ds);
                for (int i = 0; i < M; i++) {
                    g[i] += s[i];
                }
            }
            model(g, dydt);
            if (active) {
                for (int i = 0; i < M; i++) {
                    dydt[i] -= ds[i];
                }
            }
        }

        @Override
        public LinearFrame linearFrame() {
            return framed ? this : null;
        }

        @Override
        public void anchor(double t, double[] y) {
            model(y, atAnchor);
            System.arraycopy(atAnchor, 0, forcing, 0, M);
            propagator.force(forcing);
            origin = t;
            active = true;
        }

        @Override
        public void shift(double tau, double[] u) {
            propagator.at(tau, s, null);
            for (int i = 0; i < M; i++) {
                u[i] += s[i];
            }
        }
    }

    private static Rodas4Integrator w() {
        return new Rodas4Integrator(Rodas4Options.DEFAULTS.withMethod(RosenbrockMethod.ROS34PW2));
    }

    @Test
    void aLinearChainIsExactInTheFrameWhateverTheTolerance() {
        double[] y = {1.5, 0, 0, 0, 0};
        double end = 6;
        IntegrationStats framed = w().integrate(new Chain(0, true), Tolerances.uniform(M + 1, 1e-6, 1e-9), 0, y, end, null);
        // Closed form: the initial content moves down the chain as Erlang terms; the input fills it.
        double x = K * end;
        double power = 1;
        double partial = 0;
        for (int i = 0; i < M; i++) {
            partial += power;
            double fromInput = INPUT / K * (-Math.expm1(-x) - Math.exp(-x) * (partial - 1));
            double fromStart = 1.5 * Math.exp(-x) * power;
            assertThat(y[i]).as("compartment %d", i).isCloseTo(fromInput + fromStart, within(1e-12));
            power *= x / (i + 1);
        }
        double[] plain = {1.5, 0, 0, 0, 0};
        IntegrationStats unframed = w().integrate(new Chain(0, false), Tolerances.uniform(M + 1, 1e-6, 1e-9), 0, plain, end, null);
        System.out.printf("linear chain over %s h: %d steps in the frame, %d without%n", end, framed.acceptedSteps(),
                unframed.acceptedSteps());
        // Nothing for the error estimate to see: the steps grow at the controller's limit.
        assertThat(framed.acceptedSteps()).isLessThanOrEqualTo(12).isLessThan(unframed.acceptedSteps() / 4);
    }

    @Test
    void withASaturableUptakeTheFrameAgreesWithThePlainIntegration() {
        double rtol = 1e-4;
        double[] framed = {1.5, 0, 0, 0, 0};
        double[] plain = framed.clone();
        double[] fine = framed.clone();
        w().integrate(new Chain(0.3, true), Tolerances.uniform(M + 1, rtol, 1e-9), 0, framed, 8, null);
        w().integrate(new Chain(0.3, false), Tolerances.uniform(M + 1, rtol, 1e-9), 0, plain, 8, null);
        w().integrate(new Chain(0.3, false), Tolerances.uniform(M + 1, 1e-10, 1e-14), 0, fine, 8, null);
        for (int i = 0; i <= M; i++) {
            double scale = Math.abs(fine[i]);
            assertThat(framed[i]).as("framed %d", i).isCloseTo(fine[i], within(20 * rtol * scale + 1e-9));
            assertThat(plain[i]).as("plain %d", i).isCloseTo(fine[i], within(20 * rtol * scale + 1e-9));
        }
    }

    @Test
    void theDenseOutputIsInTheOriginalFrame() {
        Rodas4Integrator integrator = w();
        double[] y = {1.5, 0, 0, 0, 0};
        double[] mid = new double[M + 1];
        double[] at = new double[1];
        integrator.integrate(new Chain(0, true), Tolerances.uniform(M + 1, 1e-2, 1e-2), 0, y, 3, (t, state) -> {
            if (at[0] == 0 && t > 1) {
                at[0] = t / 2;
                integrator.interpolate(at[0], mid);
            }
        });
        assertThat(at[0]).isPositive();
        // Compartment 1 alone: 1.5 e^-K t + (INPUT / K)(1 - e^-K t), exact in the frame at any time of the step.
        double e = Math.exp(-K * at[0]);
        assertThat(mid[0]).isCloseTo(1.5 * e + INPUT / K * (1 - e), within(1e-6));
    }

    @Test
    void integratingInTheFrameAllocatesNothingPerStep() {
        java.lang.management.ThreadMXBean plain = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(plain instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) plain;
        org.junit.jupiter.api.Assumptions.assumeTrue(bean.isThreadAllocatedMemorySupported());
        bean.setThreadAllocatedMemoryEnabled(true);
        Rodas4Integrator integrator = w();
        Chain chain = new Chain(0.3, true);
        Tolerances tol = Tolerances.uniform(M + 1, 1e-8, 1e-12);
        double[] y = new double[M + 1];
        long steps = 0;
        for (int i = 0; i < 5; i++) {
            java.util.Arrays.fill(y, 0);
            y[0] = 1.5;
            steps = integrator.integrate(chain, tol, 0, y, 8, null).acceptedSteps();
        }
        java.util.Arrays.fill(y, 0);
        y[0] = 1.5;
        long before = bean.getCurrentThreadAllocatedBytes();
        integrator.integrate(chain, tol, 0, y, 8, null);
        long after = bean.getCurrentThreadAllocatedBytes();
        assertThat(steps).isGreaterThan(50);
        // one IntegrationStats record per call
        assertThat(after - before).isLessThan(1024);
    }
}
