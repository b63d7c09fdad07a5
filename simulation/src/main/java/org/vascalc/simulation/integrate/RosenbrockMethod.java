package org.vascalc.simulation.integrate;

/** The coefficient sets {@link Rodas4Integrator} can use; both are 6-stage 4(3), L-stable, stiffly accurate. */
public enum RosenbrockMethod {
    /** Hairer &amp; Wanner (1996), Section IV.7 ({@code HairerWanner1996}); loses order on Prothero-Robinson-type problems. */
    RODAS4(RosenbrockTableau.rodas4()),
    /**
     * Steinebach (1995) ({@code Steinebach1995}): also free of order reduction on linear parabolic
     * (method-of-lines) problems and on stiff components that follow slow forcing. The default.
     */
    RODASP(RosenbrockTableau.rodasp());

    private final RosenbrockTableau tableau;

    RosenbrockMethod(RosenbrockTableau tableau) {
        this.tableau = tableau;
    }

    RosenbrockTableau tableau() {
        return tableau;
    }
}
