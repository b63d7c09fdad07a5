package org.vascalc.simulation.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        Accumulator a = new Accumulator();
        followUps.forEach(a::add);
        return a.summary();
    }

    /**
     * The summary built one member at a time, in memory that does not grow with the cohort (the
     * median CT score among those above 0 is exact up to {@link StreamingStats.PositiveMedian#EXACT_LIMIT}
     * such members and within 0.05 % beyond; see there). Not thread-safe: fed in member order by one thread.
     */
    public static final class Accumulator {
        private static final String[] LABELS = {"0", "1-99", "100-399", "400+"};

        private long n;
        private double years = Double.NaN;
        private final StreamingStats.Mean age = new StreamingStats.Mean();
        private final StreamingStats.Mean egfr = new StreamingStats.Mean();
        private final StreamingStats.Mean sbp = new StreamingStats.Mean();
        private final StreamingStats.Mean pwv = new StreamingStats.Mean();
        private final StreamingStats.Mean t50 = new StreamingStats.Mean();
        private final StreamingStats.Mean mi = new StreamingStats.Mean();
        private final StreamingStats.Mean cvd = new StreamingStats.Mean();
        private final StreamingStats.Mean cvDeath = new StreamingStats.Mean();
        private final StreamingStats.Mean changePositive = new StreamingStats.Mean();
        private final StreamingStats.PositiveMedian cacPositive = new StreamingStats.PositiveMedian();
        private final StreamingStats.Mean[][] byCategory = new StreamingStats.Mean[LABELS.length][3];
        private long men;
        private long diabetes;
        private long statin;
        private long zero;
        private long zeroToPositive;

        public Accumulator() {
            for (StreamingStats.Mean[] c : byCategory) {
                for (int k = 0; k < c.length; k++) {
                    c[k] = new StreamingStats.Mean();
                }
            }
        }

        /** Adds one member's follow-up. */
        public void add(FollowUp u) {
            if (n == 0) {
                years = u.years();
            }
            n++;
            Patient p = patient(u);
            age.add(p.ageYears());
            egfr.add(p.egfrMlPerMin());
            sbp.add(p.risk().systolicBpMmHg());
            men += u.male() ? 1 : 0;
            diabetes += p.risk().diabetes() ? 1 : 0;
            statin += u.person().statin().isPresent() ? 1 : 0;
            pwv.add(u.pwv0());
            t50.add(u.t50());
            mi.add(u.miRate());
            cvd.add(u.cvdRate());
            cvDeath.add(u.cvDeathRate());
            if (u.cac0() > 0) {
                cacPositive.add(u.cac0());
                changePositive.add(u.annualChange());
            } else {
                zero++;
                zeroToPositive += u.cacEnd() > 0 ? 1 : 0;
            }
            double c = u.cac0();
            StreamingStats.Mean[] cat = byCategory[c <= 0 ? 0 : c < 100 ? 1 : c < 400 ? 2 : 3];
            cat[0].add(u.miRate());
            cat[1].add(u.cvdRate());
            cat[2].add(u.cvDeathRate());
        }

        /** Members added so far. */
        public long members() {
            return n;
        }

        /** The summary of the members added so far (at least one). */
        public CohortSummary summary() {
            if (n == 0) {
                throw new IllegalArgumentException("a cohort summary needs at least one member");
            }
            List<Category> cats = new ArrayList<>();
            for (int k = 0; k < LABELS.length; k++) {
                StreamingStats.Mean[] c = byCategory[k];
                long m = c[0].count();
                cats.add(m == 0 ? new Category(LABELS[k], 0, Double.NaN, Double.NaN, Double.NaN)
                        : new Category(LABELS[k], (int) m, 1000 * c[0].mean(), 1000 * c[1].mean(), 1000 * c[2].mean()));
            }
            long positive = cacPositive.count();
            double incident = zero == 0 ? Double.NaN : zeroToPositive / (double) zero / years;
            return new CohortSummary((int) n, years, age.mean(), men / (double) n, egfr.mean(), sbp.mean(),
                    diabetes / (double) n, statin / (double) n, positive / (double) n, cacPositive.median(),
                    positive == 0 ? Double.NaN : changePositive.mean(), incident, pwv.mean(), t50.mean(),
                    1000 * mi.mean(), 1000 * cvd.mean(), 1000 * cvDeath.mean(), cats);
        }
    }

    /** The summary as lines for a terminal. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "baseline   age %.1f y, men %.0f %%, eGFR %.0f mL/min/1.73 m2, SBP %.0f mmHg, "
                + "diabetes %.0f %%, statin %.0f %%", meanAge, 100 * men, meanEgfr, meanSbp, 100 * diabetes, 100 * statin));
        out.add(ctScoreLine());
        // T50 said what it is: a student or a trial designer outside nephrology meets the name here first (review16)
        out.add(String.format(Locale.ROOT, "aorta      PWV %.2f m/s; T50 %.0f min (serum calcification propensity: "
                + "shorter, more prone) (means at baseline)", meanPwv, meanT50));
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
            // review19: "mean", after the median of the same clause (a reader took "change" for a median too)
            b.append(String.format(Locale.ROOT, "above 0 in %.1f %% at baseline (median %.0f AU among them); "
                    + "mean change %+.1f AU/y among them", 100 * cacPositive, medianCacPositive, changePositive));
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

    private static Patient patient(FollowUp u) {
        return u.person().patient();
    }

}
