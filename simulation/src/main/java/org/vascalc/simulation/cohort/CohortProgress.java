package org.vascalc.simulation.cohort;

/** Told how many members of a cohort run have finished (called from worker threads, so thread-safe). */
@FunctionalInterface
public interface CohortProgress {
    CohortProgress NONE = (done, total) -> { };

    void finished(int done, int total);

    /**
     * Told the runs done counting the simulated share of those under way, {@code runs} (not a whole number) out of
     * {@code total}: called only when {@link #withinRuns()} is true ({@link #withinRuns(Within)}), for runs of
     * seconds each, whose whole-run count stands still meanwhile (review18: a page's reference-mode check sat at
     * "11 % done" for a minute). Telling changes nothing a run computes (the engine reports between its steps).
     */
    default void within(double runs, int total) {
    }

    /** Whether {@link #within} wants telling: the runner hands each run a progress listener only then. */
    default boolean withinRuns() {
        return false;
    }

    /** Told the runs done, whole ones and the share of those under way. */
    @FunctionalInterface
    interface Within {
        void runs(double runs, int total);
    }

    /** A progress told both the finished runs and, between them, the share of the runs under way. */
    static CohortProgress withinRuns(Within w) {
        return new CohortProgress() {
            @Override
            public void finished(int done, int total) {
                w.runs(done, total);
            }

            @Override
            public void within(double runs, int total) {
                w.runs(runs, total);
            }

            @Override
            public boolean withinRuns() {
                return true;
            }
        };
    }
}
