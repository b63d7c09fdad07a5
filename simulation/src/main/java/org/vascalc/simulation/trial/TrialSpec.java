package org.vascalc.simulation.trial;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.cohort.Population;

/**
 * A published randomised trial as the model can run it: who was included (mapped onto a virtual
 * population and filters), its arms (the first is the control), how long, and the outcomes with the
 * published effect and its interval. Read from {@code examples/trials/<key>.yaml}
 * ({@code simulation.scenario.TrialFiles}); nothing here is tuned to the published result.
 *
 * @param key         short name (the file's name without extension), e.g. {@code saltire}
 * @param title       the trial, in words
 * @param citation    key in docs/references.bib
 * @param design      the published design in one or two sentences (what was randomised, to whom, how long)
 * @param population  virtual population the members are drawn from
 * @param inclusion   who of that population is included
 * @param conditions  chronic conditions every member has (e.g. haemodialysis)
 * @param years       follow-up, years
 * @param arms        the arms; the first is the control every other arm is compared with
 * @param outcomes    what is compared
 * @param mapping     how the design was mapped onto the model and what could not be (free text)
 * @param vintage     how long members have had the conditions before randomisation ({@link Vintage#NONE}:
 *                    they start them at randomisation)
 * @param baselineLabs the members' mineral labs from the trial's own baseline table, replacing the
 *                    population's ({@link BaselineLabs#NONE}: the population's labs)
 */
public record TrialSpec(String key, String title, String citation, String design, Population population,
                        Inclusion inclusion, List<Condition> conditions, double years, List<Arm> arms,
                        List<Outcome> outcomes, String mapping, Vintage vintage, BaselineLabs baselineLabs) {

    public TrialSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(inclusion, "inclusion");
        conditions = List.copyOf(conditions);
        arms = List.copyOf(arms);
        outcomes = List.copyOf(outcomes);
        if (arms.size() < 2) {
            throw new IllegalArgumentException("a trial needs at least two arms (a control and one more)");
        }
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("a trial needs at least one outcome");
        }
        if (!(years > 0)) {
            throw new IllegalArgumentException("follow-up must be > 0 years, got " + years);
        }
        Objects.requireNonNull(vintage, "vintage");
        if (!vintage.isNone() && conditions.isEmpty()) {
            throw new IllegalArgumentException("a vintage needs a condition to have been on (conditions is empty)");
        }
        Objects.requireNonNull(baselineLabs, "baselineLabs");
    }

    /** A trial whose members keep the population's labs. */
    public TrialSpec(String key, String title, String citation, String design, Population population,
                     Inclusion inclusion, List<Condition> conditions, double years, List<Arm> arms,
                     List<Outcome> outcomes, String mapping, Vintage vintage) {
        this(key, title, citation, design, population, inclusion, conditions, years, arms, outcomes, mapping, vintage,
                BaselineLabs.NONE);
    }

    /** A trial whose members start its conditions at randomisation (no vintage). */
    public TrialSpec(String key, String title, String citation, String design, Population population,
                     Inclusion inclusion, List<Condition> conditions, double years, List<Arm> arms,
                     List<Outcome> outcomes, String mapping) {
        this(key, title, citation, design, population, inclusion, conditions, years, arms, outcomes, mapping,
                Vintage.NONE);
    }

    /**
     * The heading of the design's line in a report: "Published design" for a published trial, "Design (not
     * published)" for one whose every outcome says {@code published: {locator: "not published"}} (trial-format.md's
     * form for a trial being designed; leftovers12: such a trial's report still called its design published).
     */
    public String designHeading() {
        boolean unpublished = outcomes.stream().allMatch(o -> o.published().notPublished());
        return unpublished ? "Design (not published)" : "Published design";
    }

    /** The control arm (the first). */
    public Arm control() {
        return arms.get(0);
    }

    /** The arm labelled {@code label}. */
    public Optional<Arm> arm(String label) {
        return arms.stream().filter(a -> a.label().equals(label)).findFirst();
    }

    /**
     * Who of the population is included; an absent bound does not filter.
     *
     * @param sex                    only this sex, if given
     * @param ageYears               age at baseline, years
     * @param egfr                   eGFR at baseline, mL/min/1.73 m²
     * @param baselineCac            the baseline CT score as the virtual scanner reads it, AU
     * @param noStatin               leave out members on a statin at baseline
     * @param diabetes               only members with (true) or without (false) diabetes, if given
     * @param vitaminKIntakeUgPerDay the member's usual dietary vitamin K (K1) intake, µg/d: the Adequate
     *                               Intake of their sex times their own {@code vitaminKIntakeFactor}
     * @param serumPhosphateMmolPerL the model's serum phosphate at baseline, mmol/L, read from the same
     *                               screening run as the baseline CT score (the run's first instant, 00:00)
     * @param baselinePwvMPerS       the model's aortic pulse wave velocity at baseline, m/s, read from the same
     *                               screening run at the same instant (trials that enrol stiff arteries only)
     */
    public record Inclusion(Optional<Sex> sex, Range ageYears, Range egfr, Range baselineCac, boolean noStatin,
                            Optional<Boolean> diabetes, Range vitaminKIntakeUgPerDay, Range serumPhosphateMmolPerL,
                            Range baselinePwvMPerS) {
        public Inclusion {
            Objects.requireNonNull(sex, "sex");
            Objects.requireNonNull(ageYears, "ageYears");
            Objects.requireNonNull(egfr, "egfr");
            Objects.requireNonNull(baselineCac, "baselineCac");
            Objects.requireNonNull(diabetes, "diabetes");
            Objects.requireNonNull(vitaminKIntakeUgPerDay, "vitaminKIntakeUgPerDay");
            Objects.requireNonNull(serumPhosphateMmolPerL, "serumPhosphateMmolPerL");
            Objects.requireNonNull(baselinePwvMPerS, "baselinePwvMPerS");
        }

        /** An inclusion that does not filter on the baseline pulse wave velocity. */
        public Inclusion(Optional<Sex> sex, Range ageYears, Range egfr, Range baselineCac, boolean noStatin,
                         Optional<Boolean> diabetes, Range vitaminKIntakeUgPerDay, Range serumPhosphateMmolPerL) {
            this(sex, ageYears, egfr, baselineCac, noStatin, diabetes, vitaminKIntakeUgPerDay, serumPhosphateMmolPerL,
                    Range.ANY);
        }

        /** An inclusion that does not filter on baseline serum phosphate. */
        public Inclusion(Optional<Sex> sex, Range ageYears, Range egfr, Range baselineCac, boolean noStatin,
                         Optional<Boolean> diabetes, Range vitaminKIntakeUgPerDay) {
            this(sex, ageYears, egfr, baselineCac, noStatin, diabetes, vitaminKIntakeUgPerDay, Range.ANY);
        }

        /** An inclusion that does not filter on diabetes, usual vitamin K intake or baseline serum phosphate. */
        public Inclusion(Optional<Sex> sex, Range ageYears, Range egfr, Range baselineCac, boolean noStatin) {
            this(sex, ageYears, egfr, baselineCac, noStatin, Optional.empty(), Range.ANY, Range.ANY);
        }

        /** Everyone. */
        public static Inclusion everyone() {
            return new Inclusion(Optional.empty(), Range.ANY, Range.ANY, Range.ANY, false);
        }

        /**
         * Whether the inclusion needs a screening run: the baseline CT score, serum phosphate or pulse wave
         * velocity, which only a run gives.
         */
        public boolean needsBaselineScan() {
            return !baselineCac.isAny() || !serumPhosphateMmolPerL.isAny() || !baselinePwvMPerS.isAny();
        }
    }

    /** A closed interval with either end optional. */
    public record Range(OptionalDouble low, OptionalDouble high) {
        public static final Range ANY = new Range(OptionalDouble.empty(), OptionalDouble.empty());

        public Range {
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
            if (low.isPresent() && high.isPresent() && low.getAsDouble() > high.getAsDouble()) {
                throw new IllegalArgumentException("range low " + low.getAsDouble() + " is above high " + high.getAsDouble());
            }
        }

        /** Whether neither end is given (the range does not filter). */
        public boolean isAny() {
            return low.isEmpty() && high.isEmpty();
        }

        public boolean contains(double v) {
            return (low.isEmpty() || v >= low.getAsDouble()) && (high.isEmpty() || v <= high.getAsDouble());
        }
    }

    /**
     * One arm: what it adds to every member from the start of follow-up. A member's own statin
     * (drawn with the population) is kept unless the arm gives a statin, which replaces it.
     */
    public record Arm(String label, String description, List<Intervention> interventions) {
        public Arm {
            Objects.requireNonNull(label, "label");
            interventions = List.copyOf(interventions);
        }

        public boolean givesStatin() {
            return interventions.stream().anyMatch(i -> i instanceof Intervention.Statin);
        }
    }

    /** How an outcome compares an arm with the control (same members in both, so each comparison is paired). */
    public enum Measure {
        /** Mean difference (arm − control) of the change of the output from baseline to the end, in its unit. */
        CHANGE_DIFFERENCE("changeDifference"),
        /** Mean difference (arm − control) of the percent change of the output from baseline to the end, percentage points. */
        PERCENT_CHANGE_DIFFERENCE("percentChangeDifference"),
        /**
         * Ratio of the geometric mean yearly progression factors, (end/baseline)^(1/years), arm over control, as
         * a percent difference per year (members with the output above 0 at baseline).
         */
        ANNUAL_PROGRESSION_RATIO("annualProgressionRatio"),
        /** Ratio of the members' summed cumulative hazard over follow-up (a cumulative-hazard output), arm over control. */
        HAZARD_RATIO("hazardRatio"),
        /** Odds ratio of the output being above {@code threshold} at the end of follow-up, arm vs control. */
        END_ODDS_RATIO("endOddsRatio"),
        /**
         * Risk ratio (relative risk) of the output being above {@code threshold} at the end of follow-up, arm
         * vs control: the share above in the arm over the share above in the control (with an inclusion on
         * the baseline score, an incidence ratio).
         */
        END_RISK_RATIO("endRiskRatio"),
        /**
         * Difference (arm − control) of the arms' median change of the output from baseline to the end, in
         * its unit: what trials that report each arm's median change compare (not the median of the
         * paired differences).
         */
        MEDIAN_CHANGE_DIFFERENCE("medianChangeDifference"),
        /**
         * Difference (arm − control) of the arms' median percent change of the output from baseline to the end,
         * percentage points (members above 0 at baseline in both arms).
         */
        MEDIAN_PERCENT_CHANGE_DIFFERENCE("medianPercentChangeDifference");

        private final String spelling;

        Measure(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }

        /** The unit of the effect: the output's for a change difference, otherwise fixed. */
        public String unit(String outputUnit) {
            return switch (this) {
                case CHANGE_DIFFERENCE, MEDIAN_CHANGE_DIFFERENCE -> outputUnit;
                case PERCENT_CHANGE_DIFFERENCE, MEDIAN_PERCENT_CHANGE_DIFFERENCE -> "percentage points";
                case ANNUAL_PROGRESSION_RATIO -> "%/y";
                case HAZARD_RATIO, END_ODDS_RATIO, END_RISK_RATIO -> "ratio";
            };
        }

        /** The value of no effect: 0 for differences, 1 for ratios. */
        public double nullValue() {
            return this == HAZARD_RATIO || this == END_ODDS_RATIO || this == END_RISK_RATIO ? 1 : 0;
        }

        /** Whether the measure reads a {@code threshold} (the output above it at the end). */
        public boolean takesThreshold() {
            return this == END_ODDS_RATIO || this == END_RISK_RATIO;
        }
    }

    /**
     * One outcome of the trial and its published result.
     *
     * @param name      what it is, e.g. "coronary calcium progression"
     * @param output    the model output it is computed from (an output id, e.g. {@code cacAgatston})
     * @param unit      the output's unit (for a change difference)
     * @param measure   how the arm is compared with the control
     * @param threshold for {@link Measure#END_ODDS_RATIO} and {@link Measure#END_RISK_RATIO}: "above this" at the
     *                  end (NaN otherwise)
     * @param arm       the arm compared with the control
     * @param published the published effect
     * @param whyOutside why the model's estimate lies outside the published interval, where a diagnosis has
     *                  found the reason (a sentence with its docs/ reference); empty if none is known. The
     *                  report adds it to the row's reading only when the estimate is outside the interval.
     */
    public record Outcome(String name, String output, String unit, Measure measure, double threshold, String arm,
                          Published published, String whyOutside) {
        public Outcome {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(arm, "arm");
            Objects.requireNonNull(published, "published");
            Objects.requireNonNull(whyOutside, "whyOutside");
        }

        /** An outcome without a diagnosed reason for a miss. */
        public Outcome(String name, String output, String unit, Measure measure, double threshold, String arm,
                       Published published) {
            this(name, output, unit, measure, threshold, arm, published, "");
        }
    }

    /**
     * A published effect: its value and 95 % interval where the source gives them (empty otherwise:
     * the report then says so rather than guess), and where it stands.
     *
     * @param value    point estimate in the outcome measure's unit
     * @param low      lower end of the 95 % confidence interval
     * @param high     upper end
     * @param locator  where in the source (e.g. "abstract"), and what was not verified
     * @param otherForm the published figure, quoted, where the source gives the outcome only in a form no
     *                 measure of the format holds without assumptions (Zwakenberg 2019's coefficient of the
     *                 log-transformed CT mass); empty when the source gives nothing, or a value this row holds.
     *                 The report shows it instead of "no number verified", which could not tell "published
     *                 but not comparable" from "not published" (review, forty-first session); never a number
     *                 the report computes with
     */
    public record Published(OptionalDouble value, OptionalDouble low, OptionalDouble high, String locator,
                            String otherForm) {
        public Published {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
            Objects.requireNonNull(locator, "locator");
            Objects.requireNonNull(otherForm, "otherForm");
            if (!otherForm.isBlank() && value.isPresent()) {
                throw new IllegalArgumentException("a published figure in another form goes with no value: the row "
                        + "holds either a comparable value or the quoted figure");
            }
            if (low.isPresent() != high.isPresent()) {
                throw new IllegalArgumentException("give both ends of the published interval or neither");
            }
            if (low.isPresent() && low.getAsDouble() > high.getAsDouble()) {
                throw new IllegalArgumentException("published interval low " + low.getAsDouble() + " is above high "
                        + high.getAsDouble());
            }
        }

        /** A published effect with no figure in another form. */
        public Published(OptionalDouble value, OptionalDouble low, OptionalDouble high, String locator) {
            this(value, low, high, locator, "");
        }

        public boolean hasInterval() {
            return low.isPresent();
        }

        /** Whether this is trial-format.md's "not published": that locator, and no figure in any form. */
        public boolean notPublished() {
            return locator.strip().equalsIgnoreCase("not published") && value.isEmpty() && !inOtherForm();
        }

        /** Whether the source published the outcome only in a form this row cannot compare ({@link #otherForm}). */
        public boolean inOtherForm() {
            return !otherForm.isBlank();
        }
    }
}
