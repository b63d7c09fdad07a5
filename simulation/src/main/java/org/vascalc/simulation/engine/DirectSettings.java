package org.vascalc.simulation.engine;

import java.util.OptionalDouble;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Scenario;

/**
 * How fast mode integrates a scenario of {@link DirectClass}: the full model, every dose and meal resolved as in
 * reference mode ({@link ReferenceRun}), by the orbit's W-method ({@code wMethod}) or the standard Rodas4, at the
 * loose relative tolerance {@code relativeTolerance} (the absolute ones are the state variables'), on the
 * scenarios of {@code scope}; with a finite {@code jacobianHours} the W-method takes a fresh Jacobian every
 * {@code jacobianHours} hours of simulated time and after a rejected step only (NaN: its own rule, a fresh one also
 * after a step the controller shrinks; {@link ReferenceRun#runDirect}).
 */
record DirectSettings(boolean wMethod, double relativeTolerance, Scope scope, double jacobianHours) {

    /** With the W-method's own Jacobian refresh ({@code jacobianHours} NaN; the setting before directfast). */
    DirectSettings(boolean wMethod, double relativeTolerance, Scope scope) {
        this(wMethod, relativeTolerance, scope, Double.NaN);
    }

    /** Which fast runs are integrated directly: those of the class; every one or none (developer runners only). */
    enum Scope { CLASS, EVERY, NONE }

    /**
     * The orbit's W-method at 3e-4 with a fresh Jacobian every week of simulated time (directfast, fifty-seventh
     * session; docs/performance-log.md; {@code DirectCostRunner}): on 12 years of the map's class within 2.3e-4 of
     * reference mode (the SLOW outputs at the 73-day rows; at half the tolerance closer on every year), on three 1 000
     * mg years within 6.4e-5, on three of care2's members within 2.6e-4, at 0.195–0.208 million derivative calls and
     * 47 000–51 000 steps a year; CPU 16–55 % of the setting before on the class's years and care2's members (68–108 %
     * on the 1 000 mg years, where the old rule kept one Jacobian all year). Before it: the W-method at 1e-4 with
     * its own Jacobian refresh, 0.27–0.39 million calls a year (classdirect, fifty-sixth session). That refresh
     * came when a step shrank: at 1e-4 twice a day, each fresh Jacobian followed by some 30 decompositions (the step
     * sizes of a day), which were most of the run's CPU; at looser
     * tolerances steps seldom shrank, a Jacobian was kept for months and the error estimate did not see what that
     * cost where the osteoclasts collapse (up to 4.5e-3 at 5e-4; a Jacobian refreshed at every other step: 4.4e-5
     * at the same steps). A weekly Jacobian (and one after a rejected step) removes both: the level then falls
     * with the tolerance (about half the tolerance, in the osteoclasts), and the decompositions are a few thousand
     * a year.
     */
    static final DirectSettings DEFAULT = new DirectSettings(true, 3e-4, Scope.CLASS, 168);

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
