package org.vascalc.simulation.integrate;

/**
 * The integration failed: step size underflow, too many steps, or a non-finite state. Names the
 * time and, where known, the variable (the engine rethrows it with the variable's id and the patient).
 */
public final class IntegrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final double time;
    private final int component;

    public IntegrationException(String message, double time, int component) {
        super(message);
        this.time = time;
        this.component = component;
    }

    public double time() {
        return time;
    }

    /** Index of the offending component, or -1 if not attributable to one. */
    public int component() {
        return component;
    }
}
