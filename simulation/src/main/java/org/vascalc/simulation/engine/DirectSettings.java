package org.vascalc.simulation.engine;

import java.util.OptionalDouble;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Scenario;

/**
 * How fast mode integrates a scenario of {@link DirectClass}: the full model, every dose and meal resolved as in
 * reference mode ({@link ReferenceRun}), by the orbit's W-method ({@code wMethod}) or the standard Rodas4, at the
 * loose relative tolerance {@code relativeTolerance} (the absolute ones are the state variables'), on the
 * scenarios of {@code scope}.
 */
record DirectSettings(boolean wMethod, double relativeTolerance, Scope scope) {

    /** Which fast runs are integrated directly: those of the class; every one or none (developer runners only). */
    enum Scope { CLASS, EVERY, NONE }

    /**
     * The orbit's W-method at 1e-4 (classdirect, fifty-sixth session; docs/performance-log.md; {@code
     * ClassDirectRunner}): on all 28 years of the class on the map within 7e-5 of reference mode, on 6 outside it
     * within 2.7e-4 (the SLOW outputs at the 73-day rows), at 0.26–0.40 million derivative calls a year, a tenth to
     * a twentieth of reference mode's (Rodas4 at 1e-7: 4.4 and 5.6 million on the two years counted). Looser
     * W-method settings cost less but lose the error control where the osteoclasts collapse, and not monotonically
     * in the tolerance: at 2e-4 up to 4.0e-3, at 5e-4 4.5e-3, at 1e-3 6.1e-3; Rodas4 at 1e-2 agrees within 1.1e-4
     * at 0.54 million calls.
     */
    static final DirectSettings DEFAULT = new DirectSettings(true, 1e-4, Scope.CLASS);

    /**
     * No scenario integrated directly: fast mode's averaged path everywhere, as before classdirect (the developer
     * runners that measure the averaging, and {@code FastVersusReferenceIT}'s cases that are in the class).
     */
    static final DirectSettings AVERAGED = new DirectSettings(true, 1e-4, Scope.NONE);

    /** Whether a fast run of {@code scenario} is integrated directly (from {@link #directFrom} on). */
    boolean applies(Scenario scenario, ParameterCatalog parameters) {
        return directFrom(scenario, parameters).isPresent();
    }

    /**
     * From when, days from the scenario's start, a fast run of {@code scenario} is integrated directly (averaged
     * before it): the class regimen's start ({@link DirectClass#directFrom}), the start for every scenario, or never.
     */
    OptionalDouble directFrom(Scenario scenario, ParameterCatalog parameters) {
        return switch (scope) {
            case CLASS -> DirectClass.directFrom(scenario, parameters);
            case EVERY -> OptionalDouble.of(0);
            case NONE -> OptionalDouble.empty();
        };
    }
}
