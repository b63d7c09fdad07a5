package org.vascalc.simulation.integrate;

/**
 * The integration failed: step size underflow, too many steps, or a non-finite state. The message
 * names the time (four significant digits) and, where known, the component's index; {@link #time()}
 * and {@link #component()} carry them for a caller that can name the variable.
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
