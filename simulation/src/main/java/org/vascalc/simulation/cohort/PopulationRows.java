package org.vascalc.simulation.cohort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.vascalc.core.units.MolarMass;

/**
 * The wall's population rows (W04–W16, W18, W20 of {@code calibration-targets.csv}) as statistics
 * of a {@link PopulationSample}, each with a bootstrap standard error. The definitions follow the
 * cited studies as closely as a simulated cohort allows (stated per row); hazard ratios use
 * {@link Regression#logRateCoefficient} adjusted for age, sex, SBP, cholesterol, HDL, smoking and
 * diabetes.
 */
public final class PopulationRows {

    /** MESA follow-up (Detrano 2008: 3.8 y); CAC change uses the same span. */
    public static final double MESA_YEARS = 3.8;
    /** CRIC CAC follow-up (Bundy 2018: 3.3 y). */
    public static final double CRIC_YEARS = 3.3;
    /** Bootstrap resamples for the standard errors. */
    public static final int BOOTSTRAP = 100;

    /** One row: id, how it is computed, the statistic and how many persons it uses. */
    public record Row(String id, String note, ToDoubleFunction<PopulationSample> statistic,
                      ToIntFunction<PopulationSample> size) {
    }

    private PopulationRows() {
    }

    private static double[] values(List<FollowUp> os, Predicate<FollowUp> keep, ToDoubleFunction<FollowUp> f) {
        return os.stream().filter(keep).mapToDouble(f).toArray();
    }

    private static int count(List<FollowUp> os, Predicate<FollowUp> keep) {
        return (int) os.stream().filter(keep).count();
    }

    private static boolean ckd(FollowUp o) {
        return o.person().patient().egfrMlPerMin() < 60;
    }

    /** Every population row, in id order. */
    public static List<Row> all() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("W04", "MESA-like with CAC 0 at baseline: share with CAC > 0 at 3.8 y, per year",
                s -> Regression.mean(values(s.mesa(), o -> o.cac0() == 0, o -> o.cacEnd() > 0 ? 1 : 0)) / MESA_YEARS,
                s -> count(s.mesa(), o -> o.cac0() == 0)));
        rows.add(new Row("W05", "median annual Agatston change, MESA-like women with CAC > 0",
                s -> Regression.median(values(s.mesa(), o -> o.cac0() > 0 && !o.male(), FollowUp::annualChange)),
                s -> count(s.mesa(), o -> o.cac0() > 0 && !o.male())));
        rows.add(new Row("W06", "median annual Agatston change, MESA-like men with CAC > 0",
                s -> Regression.median(values(s.mesa(), o -> o.cac0() > 0 && o.male(), FollowUp::annualChange)),
                s -> count(s.mesa(), o -> o.cac0() > 0 && o.male())));
        rows.add(new Row("W07", "mean annual Agatston change, all MESA-like",
                s -> Regression.mean(values(s.mesa(), o -> true, FollowUp::annualChange)), s -> s.mesa().size()));
        rows.add(new Row("W08", "median annual % change, MESA-like men without diabetes with CAC > 0",
                s -> Regression.median(values(s.mesa(), o -> o.male() && o.cac0() > 0
                        && !o.person().patient().risk().diabetes(), o -> Math.pow(o.cacEnd() / o.cac0(), 1 / o.years()) - 1)),
                s -> count(s.mesa(), o -> o.male() && o.cac0() > 0 && !o.person().patient().risk().diabetes())));
        rows.add(new Row("W09", "CAC > 0 at baseline among MESA-like with eGFR < 60",
                s -> Regression.mean(values(s.mesa(), PopulationRows::ckd, o -> o.cac0() > 0 ? 1 : 0)),
                s -> count(s.mesa(), PopulationRows::ckd)));
        rows.add(new Row("W10", "CRIC-like with CAC > 0: share progressing >= 100 AU/y",
                s -> Regression.mean(values(s.cric(), o -> o.cac0() > 0, o -> o.annualChange() >= 100 ? 1 : 0)),
                s -> count(s.cric(), o -> o.cac0() > 0)));
        rows.add(new Row("W11", "OR of incident CAC per 1 mg/dL phosphorus (logistic, age and sex; 3.8 y, not 6 y)",
                PopulationRows::phosphateOddsRatio, s -> count(s.mesa(), o -> o.cac0() == 0)));
        rows.add(new Row("W12", "HR of MI hazard, CAC 101-300 vs 0 (adjusted)",
                s -> Math.exp(Regression.logRateCoefficient(cac0Or(s, 100, 300), o -> o.cac0() > 0 ? 1 : 0,
                        FollowUp::miRate, true)), s -> cac0Or(s, 100, 300).size()));
        rows.add(new Row("W13", "HR of MI hazard, CAC 1-10 vs 0 (adjusted)",
                s -> Math.exp(Regression.logRateCoefficient(cac0Or(s, 0, 10), o -> o.cac0() > 0 ? 1 : 0,
                        FollowUp::miRate, true)), s -> cac0Or(s, 0, 10).size()));
        // Budoff 2013 adjusted for baseline CAC as well as the risk factors (abstract, Methods); without
        // it the HR carries the baseline score's own association with events through progression
        rows.add(new Row("W14", "HR of MI hazard per +100 AU/y progression, CAC > 0 (adjusted, incl. log baseline CAC)",
                s -> Math.exp(100 * Regression.logRateCoefficient(s.mesa().stream().filter(o -> o.cac0() > 0).toList(),
                        FollowUp::annualChange, FollowUp::miRate, true, List.of(o -> Math.log(o.cac0() + 1)))),
                s -> count(s.mesa(), o -> o.cac0() > 0)));
        rows.add(new Row("W15", "RR of CV events (MI + stroke + HF) per +1 m/s PWV, MESA-like (adjusted)",
                s -> Math.exp(Regression.logRateCoefficient(s.mesa(), FollowUp::pwv0, FollowUp::cvdRate, true)),
                s -> s.mesa().size()));
        rows.add(new Row("W16", "HR of CV events per SD of log PWV, MESA-like (adjusted)",
                s -> Math.exp(Regression.sd(values(s.mesa(), o -> true, o -> Math.log(o.pwv0())))
                        * Regression.logRateCoefficient(s.mesa(), o -> Math.log(o.pwv0()), FollowUp::cvdRate, true)),
                s -> s.mesa().size()));
        rows.add(new Row("W18", "CV-death hazard, lowest vs highest T50 tertile, CRIC-like eGFR < 60 (unadjusted; "
                + "all-cause death is not modelled)", PopulationRows::t50TertileRatio,
                s -> count(s.cric(), PopulationRows::ckd)));
        rows.add(new Row("W20", "HR of CV events per SD of log(CAC + 1), CRIC-like (adjusted)",
                s -> Math.exp(Regression.sd(values(s.cric(), o -> true, o -> Math.log(o.cac0() + 1)))
                        * Regression.logRateCoefficient(s.cric(), o -> Math.log(o.cac0() + 1), FollowUp::cvdRate, true)),
                s -> s.cric().size()));
        return List.copyOf(rows);
    }

    /** MESA-like persons with baseline CAC 0 or in (lo, hi]. */
    private static List<FollowUp> cac0Or(PopulationSample s, double lo, double hi) {
        return s.mesa().stream().filter(o -> o.cac0() == 0 || (o.cac0() > lo && o.cac0() <= hi)).toList();
    }

    private static double phosphateOddsRatio(PopulationSample s) {
        List<FollowUp> free = s.mesa().stream().filter(o -> o.cac0() == 0).toList();
        if (free.size() < 10) {
            return Double.NaN;
        }
        double[][] x = new double[free.size()][];
        double[] y = new double[free.size()];
        double mgPerMmol = MolarMass.PHOSPHORUS.gramsPerMol();
        for (int i = 0; i < x.length; i++) {
            var p = free.get(i).person().patient();
            x[i] = new double[] {1, p.serumPhosphateMmolL().orElse(1.1) * mgPerMmol / 10, p.ageYears(),
                free.get(i).male() ? 1 : 0};
            y[i] = free.get(i).cacEnd() > 0 ? 1 : 0;
        }
        return Math.exp(Regression.logistic(x, y)[1]);
    }

    private static double t50TertileRatio(PopulationSample s) {
        List<FollowUp> ckd = s.cric().stream().filter(PopulationRows::ckd).toList();
        if (ckd.size() < 6) {
            return Double.NaN;
        }
        // a third of the members each, by rank (the cut values t50[n / 3] and t50[2n / 3] with <= and > gave
        // the lowest tertile one member too many and the highest one too few)
        List<FollowUp> byT50 = ckd.stream().sorted(Comparator.comparingDouble(FollowUp::t50)).toList();
        int third = byT50.size() / 3;
        double low = byT50.subList(0, third).stream().mapToDouble(FollowUp::cvDeathRate).average().orElseThrow();
        double high = byT50.subList(byT50.size() - third, byT50.size()).stream().mapToDouble(FollowUp::cvDeathRate)
                .average().orElseThrow();
        return low / high;
    }

    /** The row's value on the sample with a bootstrap SE (persons resampled within each cohort; seeded). */
    public static PopulationEstimate estimate(Row row, PopulationSample s, long seed) {
        double value = row.statistic().applyAsDouble(s);
        SplittableRandom r = new SplittableRandom(seed ^ row.id().hashCode());
        double[] boot = new double[BOOTSTRAP];
        int ok = 0;
        for (int b = 0; b < BOOTSTRAP; b++) {
            double v = row.statistic().applyAsDouble(new PopulationSample(resample(s.mesa(), r), resample(s.cric(), r)));
            if (Double.isFinite(v)) {
                boot[ok++] = v;
            }
        }
        double se = ok < 10 ? Double.NaN : Regression.sd(java.util.Arrays.copyOf(boot, ok));
        return new PopulationEstimate(row.id(), value, se, row.size().applyAsInt(s), row.note());
    }

    private static List<FollowUp> resample(List<FollowUp> xs, SplittableRandom r) {
        List<FollowUp> out = new ArrayList<>(xs.size());
        for (int i = 0; i < xs.size(); i++) {
            out.add(xs.get(r.nextInt(xs.size())));
        }
        return out;
    }
}
