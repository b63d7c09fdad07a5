package org.vascalc.simulation.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

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

    /** Compares {@code treated} with {@code control}: the same members in the same order. */
    public static ArmComparison of(TrialArm arm, List<FollowUp> treated, TrialArm controlArm, List<FollowUp> control) {
        if (treated.size() != control.size() || treated.isEmpty()) {
            throw new IllegalArgumentException("arms must hold the same members: " + treated.size() + " vs " + control.size());
        }
        for (int i = 0; i < treated.size(); i++) {
            if (treated.get(i).person().index() != control.get(i).person().index()) {
                throw new IllegalArgumentException("arms must hold the same members in the same order (row " + i + ")");
            }
        }
        List<Outcome> rows = new ArrayList<>();
        rows.add(outcome("CT score change", "AU/y", treated, control, FollowUp::annualChange));
        rows.add(outcome("intimal calcium change", "mg/y", treated, control, FollowUp::intimalChange));
        rows.add(outcome("medial calcium change", "mg/y", treated, control, FollowUp::medialChange));
        rows.add(outcome("MI rate", "/1000 py", treated, control, u -> 1000 * u.miRate()));
        rows.add(outcome("MI + stroke + HF rate", "/1000 py", treated, control, u -> 1000 * u.cvdRate()));
        rows.add(outcome("CV death rate", "/1000 py", treated, control, u -> 1000 * u.cvDeathRate()));
        return new ArmComparison(arm, controlArm, rows);
    }

    private static Outcome outcome(String name, String unit, List<FollowUp> treated, List<FollowUp> control,
                                   ToDoubleFunction<FollowUp> x) {
        int n = treated.size();
        double sumT = 0;
        double sumC = 0;
        double sumD = 0;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            double t = x.applyAsDouble(treated.get(i));
            double c = x.applyAsDouble(control.get(i));
            d[i] = t - c;
            sumT += t;
            sumC += c;
            sumD += d[i];
        }
        double mean = sumD / n;
        double ss = 0;
        for (double v : d) {
            ss += (v - mean) * (v - mean);
        }
        double se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : Double.NaN;
        return new Outcome(name, unit, sumC / n, sumT / n, mean, mean - 1.96 * se, mean + 1.96 * se);
    }

    /** The comparison as lines for a terminal. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%s vs %s (paired, same members; 95 %% interval of the mean difference)",
                arm.label(), control.label()));
        out.add(String.format(Locale.ROOT, "  %-24s %-9s %12s %12s %12s  %s", "outcome", "unit", control.label(),
                arm.label(), "difference", "95 % interval"));
        for (Outcome o : outcomes) {
            out.add(String.format(Locale.ROOT, "  %-24s %-9s %12.4g %12.4g %+12.4g  [%+.4g, %+.4g]", o.name(), o.unit(),
                    o.control(), o.arm(), o.diff(), o.lo(), o.hi()));
        }
        return out;
    }
}
