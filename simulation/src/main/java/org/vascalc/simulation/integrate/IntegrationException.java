package org.vascalc.simulation.integrate;

/**
 * The integration failed: step size underflow, too many steps, or a non-finite state. The message
 * names the time (four significant digits) and, where known, the component's index; {@link #time()}
 * and {@link #component()} carry them for a caller that can name the variable. Not final: fast mode's
 * failure to close an orbit is one ({@code org.vascalc.simulation.engine.FastModeIntegrationException}),
 * so a caller that catches this one still catches it.
 */
public class IntegrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final double time;
    private final int component;

    public IntegrationException(String message, double time, int component) {
        super(message);
        this.time = time;
        this.component = component;
    }

    /** The same failure told by a caller that knows more ({@code cause}'s time and component are kept). */
    protected IntegrationException(String message, IntegrationException cause) {
        super(message, cause);
        this.time = cause.time;
        this.component = cause.component;
    }

    public double time() {
        return time;
    }

    /** Index of the offending component, or -1 if not attributable to one. */
    public int component() {
        return component;
    }
}
