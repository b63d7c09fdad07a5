package org.vascalc.simulation.engine;

import java.util.Locale;
import org.vascalc.simulation.integrate.IntegrationException;

/**
 * Fast mode could not integrate a regimen's daily (or weekly) cycle: a period of the FAST states' orbit
 * failed where {@link FastRun#computeOrbit} has no fallback (the orbit's first period, or a second failure
 * in one orbit; fastcrash, fifty-fifth session). A limitation of fast mode, not a bad input and not a
 * failure of the model: reference mode, which resolves every meal and dose, may run the same scenario
 * (it ran the one case known, CKD G5 with 2 500 mg calcium carbonate binder, before fastcrash mended
 * it). The command line says so in one line (exit 2, no stack trace), naming {@code --mode reference}.
 */
public final class FastModeIntegrationException extends IntegrationException {

    private static final long serialVersionUID = 1L;

    private final double orbitStartHours;

    /**
     * @param orbitStartHours simulated time where the failed orbit starts, hours
     * @param cause the period's failure (its time and component are kept)
     */
    public FastModeIntegrationException(double orbitStartHours, IntegrationException cause) {
        super(String.format(Locale.ROOT, "fast mode could not integrate this regimen: its daily cycle (the orbit "
                + "starting at day %.2f) did not integrate (%s); reference mode resolves every meal and dose and "
                + "may run it", orbitStartHours / 24, cause.getMessage()), cause);
        this.orbitStartHours = orbitStartHours;
    }

    /** Simulated time where the failed orbit starts, hours. */
    public double orbitStartHours() {
        return orbitStartHours;
    }

    /** The failure of this kind that {@code t} is or wraps (parallel runs wrap their workers' failures), or null. */
    public static FastModeIntegrationException in(Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth++ < 32; c = c.getCause()) { // 32: a cycle cannot loop
            if (c instanceof FastModeIntegrationException f) {
                return f;
            }
        }
        return null;
    }
}
