package org.vascalc.simulation.trial;

import java.util.List;
import java.util.Optional;

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
 * @param parameterUncertainty the parameter-uncertainty analysis, if one was asked for
 *                   ({@code --parameter-draws}); each outcome then carries its {@link Spread}
 * @param startWarnings one line per lab some members' runs do not start at (how many members, the
 *                   largest difference; {@link org.vascalc.simulation.cohort.StartWarnings}); empty when none warns
 * @param labsLeftOut how many candidates with the trial's own labs ({@link BaselineLabs}) were not enrolled
 *                   because the model cannot start them at those labs on the trial's conditions, and the first
 *                   one's reason, in words; empty when none was (or the trial states no labs)
 * @param memberRuns what each member's run in each arm gave, kept only when asked for ({@link
 *                   TrialRunner#keepingMembers}: {@code trial --db} stores it); empty otherwise
 * @param agreement  the check of fast mode against reference mode on a few members, only when asked for ({@link
 *                   TrialRunner#checkingAgreement}: {@code trial --check-agreement N}); empty otherwise
 */
public record TrialResult(TrialSpec spec, int members, int screened, long seed, double seconds,
                          List<OutcomeResult> outcomes, Optional<ParameterUncertainty> parameterUncertainty,
                          List<String> startWarnings, String labsLeftOut, Optional<MemberRuns> memberRuns,
                          Optional<AgreementCheck> agreement) {

    public TrialResult {
        outcomes = List.copyOf(outcomes);
        java.util.Objects.requireNonNull(parameterUncertainty, "parameterUncertainty");
        startWarnings = List.copyOf(startWarnings);
        java.util.Objects.requireNonNull(labsLeftOut, "labsLeftOut");
        java.util.Objects.requireNonNull(memberRuns, "memberRuns");
        java.util.Objects.requireNonNull(agreement, "agreement");
    }

    /** A result without an agreement check. */
    public TrialResult(TrialSpec spec, int members, int screened, long seed, double seconds,
                       List<OutcomeResult> outcomes, Optional<ParameterUncertainty> parameterUncertainty,
                       List<String> startWarnings, String labsLeftOut, Optional<MemberRuns> memberRuns) {
        this(spec, members, screened, seed, seconds, outcomes, parameterUncertainty, startWarnings, labsLeftOut,
                memberRuns, Optional.empty());
    }

    /** A result whose candidates all could start at their labs and that keeps no member runs. */
    public TrialResult(TrialSpec spec, int members, int screened, long seed, double seconds,
                       List<OutcomeResult> outcomes, Optional<ParameterUncertainty> parameterUncertainty,
                       List<String> startWarnings) {
        this(spec, members, screened, seed, seconds, outcomes, parameterUncertainty, startWarnings, "",
                Optional.empty());
    }

    /** A result whose members all start at their labs. */
    public TrialResult(TrialSpec spec, int members, int screened, long seed, double seconds,
                       List<OutcomeResult> outcomes, Optional<ParameterUncertainty> parameterUncertainty) {
        this(spec, members, screened, seed, seconds, outcomes, parameterUncertainty, List.of());
    }

    /** A result without a parameter-uncertainty analysis. */
    public TrialResult(TrialSpec spec, int members, int screened, long seed, double seconds,
                       List<OutcomeResult> outcomes) {
        this(spec, members, screened, seed, seconds, outcomes, Optional.empty());
    }

    /**
     * The member runs the outcomes were computed from (the catalog's own parameters; a parameter set's runs
     * are not kept): the values each outcome pairs, member by member.
     *
     * @param outputs     the outputs each {@link MemberRun} holds, in the order of its arrays
     * @param byArm       per arm of the trial (its order, the control first), one run per member in the
     *                    members' order, the same members in every arm
     * @param vintageDays per member (that order), the days on the trial's conditions before randomisation
     *                    (0 without a vintage)
     */
    public record MemberRuns(List<String> outputs, List<List<MemberRun>> byArm, List<Double> vintageDays) {
        public MemberRuns {
            outputs = List.copyOf(outputs);
            byArm = byArm.stream().map(List::copyOf).toList();
            vintageDays = List.copyOf(vintageDays);
        }

        /** Member {@code i}'s run in arm {@code arm} (the trial's arm order). */
        public MemberRun run(int arm, int i) {
            return byArm.get(arm).get(i);
        }
    }

    /**
     * How the parameter sets of a parameter-uncertainty analysis were made.
     *
     * @param sets       parameter sets asked for
     * @param seed       their seed
     * @param drawn      the parameters drawn and their distributions (the others stay at the catalog value)
     * @param failed     sets whose runs failed (the model refused them); they are left out of every spread
     * @param firstFailure message of the first failure, empty if none
     */
    public record ParameterUncertainty(int sets, long seed, List<ParameterDraws.Drawn> drawn, int failed,
                                       String firstFailure) {
        public ParameterUncertainty {
            drawn = List.copyOf(drawn);
        }
    }

    /**
     * The trial effect of one outcome across parameter sets, each run over the same members: the median
     * and the 2.5th and 97.5th percentiles of the sets' point estimates (no bootstrap inside a set).
     *
     * @param median the median effect
     * @param low    2.5th percentile (type-7 interpolation between order statistics)
     * @param high   97.5th percentile
     * @param used   parameter sets with a finite effect
     * @param effects each set's point estimate, in the sets' order (NaN where the set failed or gave none)
     * @param drivers the drawn parameters by the strength of their rank correlation with the effect across
     *                the sets, strongest first (parameters without a defined correlation left out)
     */
    public record Spread(double median, double low, double high, int used, List<Double> effects,
                         List<Driver> drivers) {
        public static final Spread NONE = new Spread(Double.NaN, Double.NaN, Double.NaN, 0, List.of(), List.of());

        public Spread {
            effects = List.copyOf(effects);
            drivers = List.copyOf(drivers);
        }

        /** The same spread with its drivers. */
        public Spread withDrivers(List<Driver> d) {
            return new Spread(median, low, high, used, effects, d);
        }
    }

    /**
     * How one drawn parameter goes with the effect across the parameter sets: Spearman's rank correlation
     * (ties take their mean rank) between the parameter's drawn values and the sets' effects. With all
     * parameters drawn together it is a screen of what drives the spread, not a one-at-a-time effect;
     * with 20 sets a correlation below about 0.45 in size is within chance (two-sided 5 %).
     */
    public record Driver(String parameter, double rankCorrelation) {
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
     * @param spread    the effect across parameter sets ({@link Spread#NONE} without a parameter-uncertainty analysis)
     */
    public record OutcomeResult(TrialSpec.Outcome outcome, String unit, int used, double estimate, double low,
                                double high, Levels levels, Spread spread) {

        public OutcomeResult {
            java.util.Objects.requireNonNull(spread, "spread");
        }

        /** An outcome without a parameter spread. */
        public OutcomeResult(TrialSpec.Outcome outcome, String unit, int used, double estimate, double low, double high,
                             Levels levels) {
            this(outcome, unit, used, estimate, low, high, levels, Spread.NONE);
        }

        /** An outcome without arm levels (NaN). */
        public OutcomeResult(TrialSpec.Outcome outcome, String unit, int used, double estimate, double low, double high) {
            this(outcome, unit, used, estimate, low, high, Levels.NONE);
        }

        /** The same outcome with its spread across parameter sets. */
        public OutcomeResult withSpread(Spread s) {
            return new OutcomeResult(outcome, unit, used, estimate, low, high, levels, s);
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
