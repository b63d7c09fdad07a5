package org.vascalc.simulation.engine;

import java.util.OptionalDouble;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.integrate.Rodas4Integrator;

/**
 * How fast mode integrates a scenario of {@link DirectClass}: the full model, every dose and meal resolved as in
 * reference mode ({@link ReferenceRun}), by the orbit's W-method ({@code wMethod}) or the standard Rodas4, at the
 * loose relative tolerance {@code relativeTolerance} (the absolute ones are the state variables'), on the
 * scenarios of {@code scope}; with a finite {@code jacobianHours} the W-method takes a fresh Jacobian every
 * {@code jacobianHours} hours of simulated time and after a rejected step only (NaN: its own rule, a fresh one also
 * after a step the controller shrinks; {@link ReferenceRun#runDirect}). Its sparse LU takes a diagonal pivot down to
 * {@code pivotThreshold} times the largest entry below it ({@link Rodas4Integrator#pivotThreshold(double)}) and, with
 * {@code unitePatterns}, analyses the union of the run's Jacobian patterns ({@link Rodas4Integrator#unitePatterns}).
 */
record DirectSettings(boolean wMethod, double relativeTolerance, Scope scope, double jacobianHours,
                      double pivotThreshold, boolean unitePatterns) {

    /** With the W-method's own Jacobian refresh ({@code jacobianHours} NaN; the setting before directfast). */
    DirectSettings(boolean wMethod, double relativeTolerance, Scope scope) {
        this(wMethod, relativeTolerance, scope, Double.NaN);
    }

    /**
     * With the integrator's own pivot threshold ({@link Rodas4Integrator#DEFAULT_PIVOT_THRESHOLD}) and each Jacobian's
     * own pattern (the LU as before directcost2).
     */
    DirectSettings(boolean wMethod, double relativeTolerance, Scope scope, double jacobianHours) {
        this(wMethod, relativeTolerance, scope, jacobianHours, Rodas4Integrator.DEFAULT_PIVOT_THRESHOLD, false);
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
     *
     * <p>Its LU (directcost2, fifty-eighth session; docs/performance-log.md): the full model's iteration matrix (n 95)
     * failed the orbit's pivot threshold 0.01 on up to half of a year's decompositions (hd-labs-cbind1.5: 1 071 of
     * 2 148), which then took the dense path, and every solve with such an LU ran over the dense L and U: 45 % of the
     * year's CPU went to solves. KLU's threshold 1e-3 leaves 0 to 16 of the year's some 2 100 to the dense path. And
     * the differenced Jacobian's pattern changed from one Jacobian to the next on the eGFR years, so that two in three
     * decompositions analysed the pattern afresh (egfr10-cbind1.5: 1 438 of 2 173): the union of the run's patterns
     * is analysed some 90 times a year. Same steps and calls, the same levels to four digits (within 2.6e-4 of reference
     * mode, monotone); CPU 44–93 % of the setting before on 18 years, 67 % over all, 0.26–0.29 s a year, ≈ 5.5 µs a
     * step. The orbit, the averaged path and reference mode keep the threshold 0.01 and each Jacobian's own pattern.
     */
    static final DirectSettings DEFAULT = new DirectSettings(true, 3e-4, Scope.CLASS, 168, 1e-3, true);

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
