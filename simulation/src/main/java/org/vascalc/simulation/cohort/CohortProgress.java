package org.vascalc.simulation.cohort;

/** Told how many members of a cohort run have finished (called from worker threads, so thread-safe). */
@FunctionalInterface
public interface CohortProgress {
    CohortProgress NONE = (done, total) -> { };

    void finished(int done, int total);
}
