package org.vascalc.simulation.integrate;

/**
 * The coefficient sets {@link Rodas4Integrator} can use: two 6-stage 4(3) Rosenbrock methods and one
 * 4-stage 3(2) Rosenbrock-W method; all L-stable and stiffly accurate.
 */
public enum RosenbrockMethod {
    /** Hairer &amp; Wanner (1996), Section IV.7 ({@code HairerWanner1996}); loses order on Prothero-Robinson-type problems. */
    RODAS4(RosenbrockTableau.rodas4()),
    /**
     * Steinebach (1995) ({@code Steinebach1995}): also free of order reduction on linear parabolic
     * (method-of-lines) problems and on stiff components that follow slow forcing. The default.
     */
    RODASP(RosenbrockTableau.rodasp()),
    /**
     * Rang &amp; Angermann (2005) ({@code RangAngermann2005}): a W-method of order 3 (embedded 2), so the
     * integrator keeps one Jacobian over many steps and refreshes it only when a step fails with
     * a Jacobian from an earlier step (see {@link Rodas4Integrator}). Used for fast mode's orbits.
     */
    ROS34PW2(RosenbrockTableau.ros34pw2());

    private final RosenbrockTableau tableau;

    RosenbrockMethod(RosenbrockTableau tableau) {
        this.tableau = tableau;
    }

    RosenbrockTableau tableau() {
        return tableau;
    }
}
