package org.vascalc.simulation.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.vascalc.core.units.PlainNumber;

/**
 * One trial arm against the control arm, member by member (the arms ran the same people, so each
 * difference is within person): the mean paired difference of each outcome with its 95 % interval
 * (mean ± 1.96 standard errors of the paired differences; the spread is between people, as the
 * model is deterministic per person). The CT score's change sits next to its true intimal and
 * medial parts, so an arm that slows the score can be read for which layer it slowed.
 *
 * @param arm      the arm
 * @param control  the arm it is compared with
 * @param outcomes one row per outcome
 */
public record ArmComparison(TrialArm arm, TrialArm control, List<Outcome> outcomes) {

    /**
     * One outcome: mean of the control arm, mean of the arm, mean paired difference and its 95 % interval.
     *
     * @param name    what it is
     * @param unit    its unit
     * @param control mean in the control arm
     * @param arm     mean in the compared arm
     * @param diff    mean paired difference (arm − control)
     * @param lo      lower end of the 95 % interval of {@code diff}
     * @param hi      upper end
     */
    public record Outcome(String name, String unit, double control, double arm, double diff, double lo, double hi) {
    }

    public ArmComparison {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * The outcome called {@code name}: "CT score change", "intimal calcium change", "medial calcium
     * change", "MI rate", "MI + stroke + HF rate" or "CV death rate".
     *
     * @throws IllegalArgumentException naming the outcomes there are, if there is none of that name
     */
    public Outcome outcome(String name) {
        return outcomes.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no outcome '" + name + "'; the outcomes are "
                        + String.join(", ", outcomes.stream().map(Outcome::name).toList())));
    }

    /** Compares {@code treated} with {@code control}: the same members in the same order. */
    public static ArmComparison of(TrialArm arm, List<FollowUp> treated, TrialArm controlArm, List<FollowUp> control) {
        if (treated.size() != control.size() || treated.isEmpty()) {
            throw new IllegalArgumentException("arms must hold the same members: " + treated.size() + " vs " + control.size());
        }
        Accumulator a = new Accumulator(arm, controlArm);
        for (int i = 0; i < treated.size(); i++) {
            if (treated.get(i).person().index() != control.get(i).person().index()) {
                throw new IllegalArgumentException("arms must hold the same members in the same order (row " + i + ")");
            }
            a.add(treated.get(i), control.get(i));
        }
        return a.comparison();
    }

    /**
     * The comparison built one member at a time in fixed memory: the means of each arm and the mean
     * and variance of the paired differences (Welford), so a trial of a million members needs no
     * member held. Not thread-safe: fed by one thread.
     */
    public static final class Accumulator {
        private static final String[] NAMES = {"CT score change", "intimal calcium change", "medial calcium change",
            "MI rate", "MI + stroke + HF rate", "CV death rate"};
        private static final String[] UNITS = {"AU/y", "mg/y", "mg/y", "/1000 py", "/1000 py", "/1000 py"};
        private static final List<ToDoubleFunction<FollowUp>> OUTCOMES = List.of(FollowUp::annualChange,
                FollowUp::intimalChange, FollowUp::medialChange, u -> 1000 * u.miRate(), u -> 1000 * u.cvdRate(),
                u -> 1000 * u.cvDeathRate());

        private final TrialArm arm;
        private final TrialArm control;
        private final StreamingStats.Mean[] treatedMean = new StreamingStats.Mean[NAMES.length];
        private final StreamingStats.Mean[] controlMean = new StreamingStats.Mean[NAMES.length];
        private final StreamingStats.Variance[] diff = new StreamingStats.Variance[NAMES.length];

        public Accumulator(TrialArm arm, TrialArm control) {
            this.arm = arm;
            this.control = control;
            for (int k = 0; k < NAMES.length; k++) {
                treatedMean[k] = new StreamingStats.Mean();
                controlMean[k] = new StreamingStats.Mean();
                diff[k] = new StreamingStats.Variance();
            }
        }

        /** Adds one member: their follow-up in the arm and in the control arm. */
        public void add(FollowUp treated, FollowUp inControl) {
            if (treated.person().index() != inControl.person().index()) {
                throw new IllegalArgumentException("a pair must be one member: " + treated.person().index() + " vs "
                        + inControl.person().index());
            }
            for (int k = 0; k < NAMES.length; k++) {
                double t = OUTCOMES.get(k).applyAsDouble(treated);
                double c = OUTCOMES.get(k).applyAsDouble(inControl);
                treatedMean[k].add(t);
                controlMean[k].add(c);
                diff[k].add(t - c);
            }
        }

        /** The comparison of the members added so far (at least one). */
        public ArmComparison comparison() {
            long n = diff[0].count();
            if (n == 0) {
                throw new IllegalArgumentException("a comparison needs at least one member");
            }
            List<Outcome> rows = new ArrayList<>();
            for (int k = 0; k < NAMES.length; k++) {
                double mean = diff[k].mean();
                double se = n > 1 ? Math.sqrt(diff[k].variance() / n) : Double.NaN;
                rows.add(new Outcome(NAMES[k], UNITS[k], controlMean[k].mean(), treatedMean[k].mean(), mean,
                        mean - 1.96 * se, mean + 1.96 * se));
            }
            return new ArmComparison(arm, control, rows);
        }
    }

    /** The comparison as lines for a terminal. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%s vs %s (paired, same members; 95 %% interval of the mean difference)",
                arm.label(), control.label()));
        out.add(String.format(Locale.ROOT, "  %-24s %-9s %12s %12s %12s  %s", "outcome", "unit", control.label(),
                arm.label(), "difference", "95 % interval"));
        for (Outcome o : outcomes) {
            // plain decimals (PlainNumber): %.4g wrote a small rate difference as -6.808e-05 (review20)
            out.add(String.format(Locale.ROOT, "  %-24s %-9s %12s %12s %12s  [%s, %s]", o.name(), o.unit(),
                    PlainNumber.of(o.control(), 4), PlainNumber.of(o.arm(), 4), PlainNumber.signed(o.diff(), 4),
                    PlainNumber.signed(o.lo(), 4), PlainNumber.signed(o.hi(), 4)));
        }
        return out;
    }
}
