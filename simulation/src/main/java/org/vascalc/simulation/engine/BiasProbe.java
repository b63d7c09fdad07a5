package org.vascalc.simulation.engine;

/**
 * Developer switches for {@code BiasMapRunner} (test scope; biasmap, fifty-ninth session, docs/performance-log.md):
 * each turns one of averaged fast mode's approximations to an exact or refined form, so that the bias of a year that
 * misses the 1 % agreement can be assigned to one of them. Every switch defaults to today's behaviour and is read
 * where the engine reads the approximation, so a run with the defaults takes the same arithmetic (the same bits;
 * {@code DecadeTimingRunner}'s counters and {@code FastVersusReferenceIT}'s level unchanged). Static and not
 * thread-safe: set them only in a single-threaded developer runner, and reset them ({@link #reset}) afterwards.
 */
final class BiasProbe {

    /** Factor on the FAST states' lag ({@link OrbitDrift#rate}): 1 today, 0 no lag. */
    static double lagScale = 1;

    /**
     * SLOW steps outside the run-in span at most this many guard intervals ({@link FastRun#GUARD_SPANS} when 0, today).
     * With {@link FastSettings#maxStepPeriods} 1 and this 1, a SLOW step of at most a day.
     */
    static int guardSpans;

    /**
     * The onset oracle: at the first SLOW step that starts at {@link #oracleHour} (the steps before it cut to end
     * there), fast mode's SLOW states and the wall's are set to the reference run's values there ({@link #oracle}
     * gives them by state id for an hour). Off (today) while {@code oracle} is null.
     */
    static Oracle oracle;
    static double oracleHour = Double.NaN;

    /** The reference run's state value of {@code id} at {@code hour}, or NaN where it has none. */
    interface Oracle {
        double value(String id, double hour);
    }

    private BiasProbe() {
    }

    static int guardSpans(int standard) {
        return guardSpans > 0 ? guardSpans : standard;
    }

    /** Every switch back to today's behaviour. */
    static void reset() {
        lagScale = 1;
        guardSpans = 0;
        oracle = null;
        oracleHour = Double.NaN;
    }
}
