package org.vascalc.simulation;

/**
 * How a fast-mode run went: averaged over the dosing period's orbit (fast mode's own method), or integrated
 * directly, every dose and meal resolved as in reference mode at a looser tolerance, which fast mode does in the
 * one regimen class where its averaging was measured to miss its 1 % agreement with reference mode often
 * (docs/performance.md, "Where fast mode agrees"). Told by {@link SimulationResult#fastPath()}.
 */
public enum FastPath {
    AVERAGED("averaged"),
    DIRECT("direct");

    /**
     * The counter a direct run carries (its accepted steps) and an averaged one does not: how {@link
     * SimulationResult#fastPath()} tells the two apart.
     */
    public static final String DIRECT_STEPS_COUNTER = "directSteps";

    /** What a fast run of the class is told, once (simulate) or per arm (cohort, trial): what, why, at what cost. */
    public static final String DIRECT_NOTE = "fast mode integrated every dose of this regimen directly from its start "
            + "(a calcium-based phosphate binder on dialysis, 1500 mg calcium a day or more from binders and "
            + "supplements, or 700 mg a day or more below eGFR 30 or on dialysis, where its averaging over the dosing "
            + "day was measured to miss its 1 % agreement with reference mode often): a twentieth to a thirtieth of "
            + "reference mode's derivative calls, 4 to 70 times an averaged run's";

    private final String id;

    FastPath(String id) {
        this.id = id;
    }

    /** The word in {@code summary.json}'s {@code provenance.fastPath}. */
    public String id() {
        return id;
    }
}
