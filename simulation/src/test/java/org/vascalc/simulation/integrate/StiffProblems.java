package org.vascalc.simulation.integrate;

/**
 * Stiff test problems of the Bari test set (Mazzia &amp; Magherini 2008, {@code MazziaMagherini2008}),
 * with the reference solutions printed in the problem descriptions (ROBER, VDPOL, HIRES). Public
 * because {@code bench} times the same problems (through this module's test jar).
 */
public final class StiffProblems {

    private StiffProblems() {
    }

    /** The exact Jacobian of {@link #dampedRotation} (row-major). */
    static final double[] DAMPED_ROTATION_JACOBIAN = {-0.5, 2, -2, -0.5};

    /**
     * y' = A y with eigenvalues -0.5 ± 2i: exact solution exp(-t/2) (cos 2t, -sin 2t) from (1, 0). It
     * reports {@code jacobian} as its Jacobian (the exact one or a deliberately wrong one, for
     * W-methods) and counts the calls in {@code jacobianCalls[0]}.
     */
    static OdeSystem dampedRotation(double[] jacobian, int[] jacobianCalls) {
        double[] jac = jacobian.clone();
        return new OdeSystem() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = -0.5 * y[0] + 2 * y[1];
                dydt[1] = -2 * y[0] - 0.5 * y[1];
            }

            @Override
            public boolean jacobian(double t, double[] y, double[] j) {
                System.arraycopy(jac, 0, j, 0, 4);
                jacobianCalls[0]++;
                return true;
            }
        };
    }

    /** A right-hand side f(t, y) written into {@code dydt}. */
    @FunctionalInterface
    interface Rhs {
        void derivatives(double t, double[] y, double[] dydt);
    }

    /**
     * The system y' = rhs(t, y) of {@code dimension} components with every hint left at its default (no
     * Jacobian, not declared autonomous): the one home for the tests' plain problems.
     */
    static OdeSystem system(int dimension, Rhs rhs) {
        return new OdeSystem() {
            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                rhs.derivatives(t, y, dydt);
            }
        };
    }

    /**
     * Prothero-Robinson: y' = lambda (y - cos t) - sin t, exact y = cos t + (y0 - 1) exp(lambda t); with
     * a large negative lambda, a stiff component slaved to slow forcing, as fast physiological
     * equilibria are. No Jacobian: the integrator differences it.
     */
    static OdeSystem protheroRobinson(double lambda) {
        return system(1, (t, y, dydt) -> {
            dydt[0] = lambda * (y[0] - Math.cos(t)) - Math.sin(t);
        });
    }

    /** ROBER: Robertson's chemical kinetics, y(0) = (1, 0, 0). */
    public static OdeSystem robertson(boolean analyticJacobian) {
        return new OdeSystem() {
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
                if (!analyticJacobian) {
                    return false;
                }
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
        };
    }

    public static final double ROBER_END = 1e11;
    /** ROBER reference at t = 1e11 (test set description, rober.pdf). */
    static final double[] ROBER_REFERENCE = {0.2083340149701255e-7, 0.8333360770334713e-13, 0.9999999791665050};

    /** VDPOL: van der Pol in the test set's scaling, epsilon = 1e-6, y(0) = (2, 0). */
    static OdeSystem vanDerPol(double epsilon) {
        return new OdeSystem() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = y[1];
                dydt[1] = ((1 - y[0] * y[0]) * y[1] - y[0]) / epsilon;
            }

            @Override
            public boolean jacobian(double t, double[] y, double[] j) {
                j[0] = 0;
                j[1] = 1;
                j[2] = (-2 * y[0] * y[1] - 1) / epsilon;
                j[3] = (1 - y[0] * y[0]) / epsilon;
                return true;
            }
        };
    }

    static final double VDPOL_END = 2;
    /** VDPOL reference at t = 2 (test set description, vdpol.pdf). */
    static final double[] VDPOL_REFERENCE = {0.1706167732170483e1, -0.8928097010247975e0};

    /** HIRES: Schaefer's plant-physiology model, 8 components; Jacobian left to finite differences. */
    public static OdeSystem hires() {
        return system(8, (t, y, f) -> {
            f[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
            f[1] = 1.71 * y[0] - 8.75 * y[1];
            f[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
            f[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
            f[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
            f[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
            f[6] = 280 * y[5] * y[7] - 1.81 * y[6];
            f[7] = -280 * y[5] * y[7] + 1.81 * y[6];
        });
    }

    public static double[] hiresInitial() {
        return new double[] {1, 0, 0, 0, 0, 0, 0, 0.0057};
    }

    public static final double HIRES_END = 321.8122;
    /** HIRES reference at t = 321.8122 (test set description, hires.pdf; y3 = 0.5888729740967575e-4). */
    static final double[] HIRES_REFERENCE = {0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4,
        0.1175651343283149e-2, 0.2386356198831331e-2, 0.6238968252742796e-2, 0.2849998395185769e-2,
        0.2850001604814231e-2};
}
