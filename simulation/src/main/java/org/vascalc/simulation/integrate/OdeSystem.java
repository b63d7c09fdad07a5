package org.vascalc.simulation.integrate;

/**
 * A first-order system y' = f(t, y). Unlike Hipparchus' interface, the caller supplies the output
 * array, so a derivative call allocates nothing.
 */
public interface OdeSystem {

    int dimension();

    /** Writes f(t, y) into {@code dydt} (overwriting it entirely). */
    void derivatives(double t, double[] y, double[] dydt);

    /**
     * Writes the Jacobian df/dy at (t, y) row-major into {@code dfdy} ({@code dfdy[i*n + j]} =
     * d f_i / d y_j) and returns true, or returns false to let the integrator use finite differences.
     */
    default boolean jacobian(double t, double[] y, double[] dfdy) {
        return false;
    }

    /**
     * Whether f does not depend on t. The integrator then takes df/dt as exactly zero instead of
     * spending a derivative call per step on a forward difference in time.
     */
    default boolean autonomous() {
        return false;
    }
}
