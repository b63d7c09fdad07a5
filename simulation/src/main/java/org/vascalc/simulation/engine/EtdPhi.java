package org.vascalc.simulation.engine;

/**
 * The phi functions of the exponential (ETD) steps of the SLOW states ({@link FastRun}) and of the
 * wall's own step ({@link WallStepper}). Stateless.
 */
final class EtdPhi {

    private EtdPhi() {
    }

    /**
     * (e^x - 1) / x: the exponential-Euler factor, exact for a state relaxing linearly to a drive
     * that is constant over the step (osteoclasts, gland capacity), and 1 for pure integrators.
     */
    static double phi(double x) {
        return Math.abs(x) < 1e-6 ? 1 + x / 2 : Math.expm1(x) / x;
    }

    /** {@link #phi} given {@code expm1} = {@code Math.expm1(x)} (read only where phi needs it: |x| &gt;= 1e-6). */
    static double phiGiven(double x, double expm1) {
        return Math.abs(x) < 1e-6 ? 1 + x / 2 : expm1 / x;
    }

    /**
     * (e^x - 1 - x) / x^2, the second ETD factor (1/2 at x = 0) of the run-in's second-order step,
     * given {@code expm1} = {@code Math.expm1(x)} (read only where |x| &gt;= 1e-4).
     */
    static double phi2Given(double x, double expm1) {
        return Math.abs(x) < 1e-4 ? 0.5 + x / 6 : (expm1 - x) / (x * x);
    }
}
