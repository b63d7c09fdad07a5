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

    /**
     * The number of trailing components that are quadratures: integrals of functions of the other
     * components (f depends on none of them). A W-method (ROS34PW2) leaves their rows out of its
     * iteration matrix, which keeps its order, so its LU is that of the other components and a
     * quadrature stage is a scaled derivative: the integrals get the method's order from the stages
     * it computes anyway. Give them an infinite absolute tolerance ({@link Tolerances}) to keep them
     * out of the step-size control. Classical Rosenbrock methods need the full Jacobian and refuse them.
     */
    default int quadratures() {
        return 0;
    }

    /**
     * The system's exactly propagated linear part ({@link LinearFrame}), or null (the default). Only
     * a W-method honours it; its derivatives are then those of the frame between
     * {@link LinearFrame#anchor} calls.
     */
    default LinearFrame linearFrame() {
        return null;
    }
}
