package org.vascalc.simulation;

/** Told how far a run has got, for progress bars on long runs. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = fraction -> { };

    /** {@code fraction} of simulated time done, in [0, 1]. */
    void progress(double fraction);
}
