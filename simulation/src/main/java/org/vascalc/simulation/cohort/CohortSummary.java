package org.vascalc.simulation.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.vascalc.core.patient.Patient;

/**
 * What a virtual cohort's follow-up shows at a glance: who is in it, how much coronary calcium they
 * have and gain, how stiff their aortas are, and the event rates by baseline CT score category.
 * Event rates are the members' modelled hazards averaged over person-time (the model is
 * deterministic per person, so no events are drawn); their ratios between groups are calibrated
 * (W12, W15), and the levels of MI, stroke and heart failure are set so that a MESA-like cohort's
 * mean matches MESA's counted incidence ({@code EventLevels}; docs/model/wall.md, Status). CT scores are as the cohort's scanner reads
 * them (each member's interscan error applied, {@link FollowUp}).
 *
 * @param members           members
 * @param years             follow-up, years
 * @param meanAge           mean age at baseline, years
 * @param men               share of men (0-1)
 * @param meanEgfr          mean eGFR, mL/min/1.73 m²
 * @param meanSbp           mean systolic pressure, mmHg
 * @param diabetes          share with diabetes (0-1)
 * @param statin            share on a statin (0-1)
 * @param cacPositive       share with a baseline Agatston score above 0 (0-1)
 * @param medianCacPositive median baseline score among those above 0, AU (NaN if none)
 * @param changePositive    mean change per year among those above 0 at baseline, AU/y (NaN if none)
 * @param incidentPerYear   share of those at 0 whose score is above 0 at the end, per year of follow-up (NaN if none at 0)
 * @param meanPwv           mean aortic pulse-wave velocity at baseline, m/s
 * @param meanT50           mean T50 at baseline, min
 * @param mi                myocardial infarction, per 1000 person-years
 * @param cvd               MI + stroke + heart failure, per 1000 person-years
 * @param cvDeath           cardiovascular death, per 1000 person-years
 * @param byCategory        the same rates by baseline score category (0, 1-99, 100-399, 400 and above)
 */
public record CohortSummary(int members, double years, double meanAge, double men, double meanEgfr, double meanSbp,
                            double diabetes, double statin, double cacPositive, double medianCacPositive,
                            double changePositive, double incidentPerYear, double meanPwv, double meanT50, double mi,
                            double cvd, double cvDeath, List<Category> byCategory) {

    /** One baseline CT score category: its members and their event rates per 1000 person-years. */
    public record Category(String label, int members, double mi, double cvd, double cvDeath) {
    }

    public CohortSummary {
        byCategory = List.copyOf(byCategory);
    }

    /** The summary of {@code followUps} (at least one member). */
    public static CohortSummary of(List<FollowUp> followUps) {
        if (followUps.isEmpty()) {
            throw new IllegalArgumentException("a cohort summary needs at least one member");
        }
        List<FollowUp> f = followUps;
        List<FollowUp> positive = f.stream().filter(u -> u.cac0() > 0).toList();
        List<FollowUp> zero = f.stream().filter(u -> u.cac0() <= 0).toList();
        double[] pos = positive.stream().mapToDouble(FollowUp::cac0).sorted().toArray();
        double median = pos.length == 0 ? Double.NaN
                : pos.length % 2 == 1 ? pos[pos.length / 2] : (pos[pos.length / 2 - 1] + pos[pos.length / 2]) / 2;
        double incident = zero.isEmpty() ? Double.NaN
                : zero.stream().filter(u -> u.cacEnd() > 0).count() / (double) zero.size() / f.get(0).years();
        List<Category> cats = new ArrayList<>();
        cats.add(category("0", f, u -> u.cac0() <= 0));
        cats.add(category("1-99", f, u -> u.cac0() > 0 && u.cac0() < 100));
        cats.add(category("100-399", f, u -> u.cac0() >= 100 && u.cac0() < 400));
        cats.add(category("400+", f, u -> u.cac0() >= 400));
        return new CohortSummary(f.size(), f.get(0).years(), mean(f, u -> patient(u).ageYears()),
                share(f, FollowUp::male), mean(f, u -> patient(u).egfrMlPerMin()),
                mean(f, u -> patient(u).risk().systolicBpMmHg()), share(f, u -> patient(u).risk().diabetes()),
                share(f, u -> u.person().statin().isPresent()), positive.size() / (double) f.size(), median,
                positive.isEmpty() ? Double.NaN : mean(positive, FollowUp::annualChange), incident,
                mean(f, FollowUp::pwv0), mean(f, FollowUp::t50), 1000 * mean(f, FollowUp::miRate),
                1000 * mean(f, FollowUp::cvdRate), 1000 * mean(f, FollowUp::cvDeathRate), cats);
    }

    /** The summary as lines for a terminal. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "baseline   age %.1f y, men %.0f %%, eGFR %.0f mL/min/1.73 m2, SBP %.0f mmHg, "
                + "diabetes %.0f %%, statin %.0f %%", meanAge, 100 * men, meanEgfr, meanSbp, 100 * diabetes, 100 * statin));
        out.add(ctScoreLine());
        out.add(String.format(Locale.ROOT, "aorta      PWV %.2f m/s; T50 %.0f min (means at baseline)", meanPwv, meanT50));
        out.add(String.format(Locale.ROOT, "events     per 1000 person-years (modelled hazards): MI %.2f, MI + stroke + HF %.2f, "
                + "CV death %.2f", mi, cvd, cvDeath));
        out.add(String.format(Locale.ROOT, "%-10s %-10s %8s %8s %14s %10s", "", "CT score", "members", "MI", "MI+stroke+HF",
                "CV death"));
        for (Category c : byCategory) {
            out.add(String.format(Locale.ROOT, "%-10s %-10s %8d %8s %14s %10s", "", c.label(), c.members(), rate(c.mi()),
                    rate(c.cvd()), rate(c.cvDeath())));
        }
        return out;
    }

    /**
     * The CT score line; a clause whose group is empty (nobody above 0, or nobody at 0) is left out
     * rather than printed as NaN.
     */
    private String ctScoreLine() {
        StringBuilder b = new StringBuilder("CT score   ");
        if (cacPositive > 0) {
            b.append(String.format(Locale.ROOT, "above 0 in %.1f %% at baseline (median %.0f AU among them); "
                    + "change %+.1f AU/y among them", 100 * cacPositive, medianCacPositive, changePositive));
        } else {
            b.append("0 in every member at baseline");
        }
        if (!Double.isNaN(incidentPerYear)) {
            b.append(String.format(Locale.ROOT, "; new calcium in %.1f %% per year of those at 0", 100 * incidentPerYear));
        }
        return b.toString();
    }

    private static String rate(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static Category category(String label, List<FollowUp> f, Predicate<FollowUp> in) {
        List<FollowUp> m = f.stream().filter(in).toList();
        if (m.isEmpty()) {
            return new Category(label, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Category(label, m.size(), 1000 * mean(m, FollowUp::miRate), 1000 * mean(m, FollowUp::cvdRate),
                1000 * mean(m, FollowUp::cvDeathRate));
    }

    private static Patient patient(FollowUp u) {
        return u.person().patient();
    }

    private static double mean(List<FollowUp> f, ToDoubleFunction<FollowUp> x) {
        return f.stream().mapToDouble(x).average().orElse(Double.NaN);
    }

    private static double share(List<FollowUp> f, Predicate<FollowUp> x) {
        return f.stream().filter(x).count() / (double) f.size();
    }
}
