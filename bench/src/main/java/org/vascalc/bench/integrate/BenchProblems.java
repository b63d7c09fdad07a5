package org.vascalc.bench.integrate;

import org.vascalc.simulation.integrate.OdeSystem;

/**
 * ROBER and HIRES of the Bari test set (Mazzia &amp; Magherini 2008), as in the simulation module's
 * tests (test classes are not on the benchmark's class path).
 */
final class BenchProblems {

    private BenchProblems() {
    }

    /** Robertson's chemical kinetics with its analytic Jacobian. */
    static final class Robertson implements OdeSystem {
        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            double r1 = 0.04 * y[0];
            double r2 = 1e4 * y[1] * y[2];
            double r3 = 3e7 * y[1] * y[1];
            dydt[0] = -r1 + r2;
            dydt[1] = r1 - r2 - r3;
            dydt[2] = r3;
        }

        @Override
        public boolean jacobian(double t, double[] y, double[] j) {
            j[0] = -0.04;
            j[1] = 1e4 * y[2];
            j[2] = 1e4 * y[1];
            j[3] = 0.04;
            j[4] = -1e4 * y[2] - 6e7 * y[1];
            j[5] = -1e4 * y[1];
            j[6] = 0;
            j[7] = 6e7 * y[1];
            j[8] = 0;
            return true;
        }
    }

    /** HIRES, 8 components, Jacobian by the integrator's forward differences. */
    static final class Hires implements OdeSystem {
        @Override
        public int dimension() {
            return 8;
        }

        @Override
        public void derivatives(double t, double[] y, double[] f) {
            f[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
            f[1] = 1.71 * y[0] - 8.75 * y[1];
            f[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
            f[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
            f[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
            f[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
            f[6] = 280 * y[5] * y[7] - 1.81 * y[6];
            f[7] = -280 * y[5] * y[7] + 1.81 * y[6];
        }
    }
}
