package org.vascalc.simulation.trial;

import java.util.List;

/**
 * A trial run by the model: its specification, the run's size and seed, and each outcome's model
 * effect with its Monte-Carlo interval beside the published one.
 *
 * @param spec       the trial
 * @param members    members per arm (the same people in every arm)
 * @param screened   candidates of the population examined, in index order, to find them (up to the last member taken)
 * @param seed       population and bootstrap seed
 * @param seconds    wall time of the runs
 * @param outcomes   one per outcome of the trial, in its order
 */
public record TrialResult(TrialSpec spec, int members, int screened, long seed, double seconds,
                          List<OutcomeResult> outcomes) {

    public TrialResult {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * What each arm did on its own, in the measure's natural level: mean change, mean percent change,
     * geometric mean yearly progression (%/y), event rate per 1000 person-years, or share above the
     * threshold (%), over the same members as the effect.
     */
    public record Levels(double control, double arm, String unit) {
        public static final Levels NONE = new Levels(Double.NaN, Double.NaN, "");
    }

    /** Where the model's estimate lies against the published interval. */
    public enum Verdict {
        INSIDE("inside"), BELOW("below"), ABOVE("above"), NO_INTERVAL("no published interval"),
        NOT_COMPUTABLE("not computable");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One outcome.
     *
     * @param outcome   its specification (with the published effect)
     * @param unit      the effect's unit
     * @param used      members that entered the estimate (a ratio of progression needs a score above 0 at baseline)
     * @param estimate  the model's effect
     * @param low       2.5th percentile of its bootstrap over members (Monte-Carlo interval)
     * @param high      97.5th percentile
     * @param levels    what each arm did on its own (context for the effect)
     */
    public record OutcomeResult(TrialSpec.Outcome outcome, String unit, int used, double estimate, double low,
                                double high, Levels levels) {

        /** An outcome without arm levels (NaN). */
        public OutcomeResult(TrialSpec.Outcome outcome, String unit, int used, double estimate, double low, double high) {
            this(outcome, unit, used, estimate, low, high, Levels.NONE);
        }

        /** The model's point estimate against the published interval. */
        public Verdict verdict() {
            if (!Double.isFinite(estimate)) {
                return Verdict.NOT_COMPUTABLE;
            }
            TrialSpec.Published p = outcome.published();
            if (!p.hasInterval()) {
                return Verdict.NO_INTERVAL;
            }
            if (estimate < p.low().getAsDouble()) {
                return Verdict.BELOW;
            }
            if (estimate > p.high().getAsDouble()) {
                return Verdict.ABOVE;
            }
            return Verdict.INSIDE;
        }

        /** Whether the model's Monte-Carlo interval and the published interval overlap (false without a published interval). */
        public boolean intervalsOverlap() {
            TrialSpec.Published p = outcome.published();
            return p.hasInterval() && Double.isFinite(low) && Double.isFinite(high)
                    && low <= p.high().getAsDouble() && high >= p.low().getAsDouble();
        }
    }
}
