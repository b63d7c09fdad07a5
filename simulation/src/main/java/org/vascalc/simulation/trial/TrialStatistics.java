package org.vascalc.simulation.trial;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The effect measures of {@link TrialSpec.Measure} on paired members (the same person in the
 * control and the compared arm), and their Monte-Carlo interval: a percentile bootstrap over
 * members (pairs resampled together, seeded), so that the interval says how much the estimate would
 * move with another virtual sample of the same size. The model is deterministic per person; the
 * spread is between people.
 */
final class TrialStatistics {

    /** Bootstrap resamples of each interval. */
    static final int RESAMPLES = 2000;

    private TrialStatistics() {
    }

    /**
     * One outcome's paired data: per member, the output at baseline and at the end in the control
     * arm and in the compared arm.
     */
    record Paired(double[] baseC, double[] endC, double[] baseT, double[] endT, double years) {
        int size() {
            return baseC.length;
        }
    }

    /** Estimate, interval and the number of members used. */
    record Estimate(double value, double low, double high, int used) {
    }

    /** The measure on all members, with its bootstrap interval (seeded by {@code seed}). */
    static Estimate estimate(TrialSpec.Measure m, double threshold, Paired d, long seed) {
        int n = d.size();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        double value = measure(m, threshold, d, all);
        int used = used(m, d);
        double[] boot = new double[RESAMPLES];
        SplittableRandom r = new SplittableRandom(seed);
        int[] idx = new int[n];
        int finite = 0;
        for (int b = 0; b < RESAMPLES; b++) {
            for (int i = 0; i < n; i++) {
                idx[i] = r.nextInt(n);
            }
            double v = measure(m, threshold, d, idx);
            if (Double.isFinite(v)) {
                boot[finite++] = v;
            }
        }
        if (finite < RESAMPLES / 2) {
            return new Estimate(value, Double.NaN, Double.NaN, used);
        }
        double[] s = Arrays.copyOf(boot, finite);
        Arrays.sort(s);
        return new Estimate(value, quantile(s, 0.025), quantile(s, 0.975), used);
    }

    /** The measure on all members, without an interval (one parameter set of a parameter-uncertainty run). */
    static double pointEstimate(TrialSpec.Measure m, double threshold, Paired d) {
        int[] all = new int[d.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return measure(m, threshold, d, all);
    }

    /**
     * Median and 2.5-97.5 % of the finite values (the effects of the parameter sets), interpolated
     * between order statistics as {@link #quantile}, with every set's effect; NaN and 0 used if none is finite.
     */
    static TrialResult.Spread spread(double[] effects) {
        double[] s = Arrays.stream(effects).filter(Double::isFinite).sorted().toArray();
        List<Double> all = Arrays.stream(effects).boxed().toList();
        if (s.length == 0) {
            return new TrialResult.Spread(Double.NaN, Double.NaN, Double.NaN, 0, all, List.of());
        }
        return new TrialResult.Spread(quantile(s, 0.5), quantile(s, 0.025), quantile(s, 0.975), s.length, all,
                List.of());
    }

    /**
     * Each drawn parameter's Spearman rank correlation with the effects across the sets (sets without a
     * finite effect left out), strongest first; a parameter or effect that does not vary has none.
     */
    static List<TrialResult.Driver> drivers(double[] effects, List<java.util.Map<String, Double>> sets) {
        if (sets.isEmpty()) {
            return List.of();
        }
        List<Integer> ok = new java.util.ArrayList<>();
        for (int j = 0; j < effects.length; j++) {
            if (Double.isFinite(effects[j])) {
                ok.add(j);
            }
        }
        if (ok.size() < 3) {
            return List.of();
        }
        double[] y = new double[ok.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = effects[ok.get(i)];
        }
        double[] ry = ranks(y);
        List<TrialResult.Driver> out = new java.util.ArrayList<>();
        for (String name : sets.get(0).keySet()) {
            double[] x = new double[ok.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = sets.get(ok.get(i)).get(name);
            }
            double rho = pearson(ranks(x), ry);
            if (Double.isFinite(rho)) {
                out.add(new TrialResult.Driver(name, rho));
            }
        }
        out.sort((a, b) -> Double.compare(Math.abs(b.rankCorrelation()), Math.abs(a.rankCorrelation())));
        return List.copyOf(out);
    }

    /** Ranks 1..n, ties given their mean rank. */
    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = mean;
            }
            i = j + 1;
        }
        return r;
    }

    /** Pearson correlation; NaN if either side does not vary. */
    static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(Double.NaN);
        double mb = Arrays.stream(b).average().orElse(Double.NaN);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Double.NaN;
    }

    /** Each arm's own level of the measure over the eligible members ({@link TrialResult.Levels}). */
    static TrialResult.Levels levels(TrialSpec.Measure m, double threshold, Paired d, String outputUnit) {
        double c = 0;
        double t = 0;
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            if (!eligible(m, d, i)) {
                continue;
            }
            n++;
            switch (m) {
                case CHANGE_DIFFERENCE, HAZARD_RATIO -> {
                    c += d.endC()[i] - d.baseC()[i];
                    t += d.endT()[i] - d.baseT()[i];
                }
                case PERCENT_CHANGE_DIFFERENCE -> {
                    c += 100 * (d.endC()[i] / d.baseC()[i] - 1);
                    t += 100 * (d.endT()[i] / d.baseT()[i] - 1);
                }
                case ANNUAL_PROGRESSION_RATIO -> {
                    c += Math.log(d.endC()[i] / d.baseC()[i]);
                    t += Math.log(d.endT()[i] / d.baseT()[i]);
                }
                case END_ODDS_RATIO, END_RISK_RATIO -> {
                    c += d.endC()[i] > threshold ? 100 : 0;
                    t += d.endT()[i] > threshold ? 100 : 0;
                }
                case MEDIAN_CHANGE_DIFFERENCE, MEDIAN_PERCENT_CHANGE_DIFFERENCE -> { }
            }
        }
        if (n == 0) {
            return TrialResult.Levels.NONE;
        }
        if (m == TrialSpec.Measure.MEDIAN_CHANGE_DIFFERENCE || m == TrialSpec.Measure.MEDIAN_PERCENT_CHANGE_DIFFERENCE) {
            int[] eligible = new int[n];
            for (int i = 0, k = 0; i < d.size(); i++) {
                if (eligible(m, d, i)) {
                    eligible[k++] = i;
                }
            }
            boolean percent = m == TrialSpec.Measure.MEDIAN_PERCENT_CHANGE_DIFFERENCE;
            return new TrialResult.Levels(medianChange(d.baseC(), d.endC(), eligible, percent),
                    medianChange(d.baseT(), d.endT(), eligible, percent),
                    percent ? "% change over follow-up, median" : outputUnit + " over follow-up, median");
        }
        c /= n;
        t /= n;
        return switch (m) {
            case CHANGE_DIFFERENCE -> new TrialResult.Levels(c, t, outputUnit + " over follow-up");
            case PERCENT_CHANGE_DIFFERENCE -> new TrialResult.Levels(c, t, "% change over follow-up");
            case ANNUAL_PROGRESSION_RATIO -> new TrialResult.Levels(100 * (Math.exp(c / d.years()) - 1),
                    100 * (Math.exp(t / d.years()) - 1), "%/y, geometric mean");
            case HAZARD_RATIO -> new TrialResult.Levels(1000 * c / d.years(), 1000 * t / d.years(),
                    "per 1000 person-years, modelled hazard");
            case END_ODDS_RATIO, END_RISK_RATIO -> new TrialResult.Levels(c, t, "% above the threshold at the end");
            case MEDIAN_CHANGE_DIFFERENCE, MEDIAN_PERCENT_CHANGE_DIFFERENCE -> throw new AssertionError("handled above");
        };
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static int used(TrialSpec.Measure m, Paired d) {
        int used = 0;
        for (int i = 0; i < d.size(); i++) {
            if (eligible(m, d, i)) {
                used++;
            }
        }
        return used;
    }

    private static boolean eligible(TrialSpec.Measure m, Paired d, int i) {
        return switch (m) {
            case PERCENT_CHANGE_DIFFERENCE, MEDIAN_PERCENT_CHANGE_DIFFERENCE -> d.baseC()[i] > 0 && d.baseT()[i] > 0;
            case ANNUAL_PROGRESSION_RATIO -> d.baseC()[i] > 0 && d.baseT()[i] > 0 && d.endC()[i] > 0 && d.endT()[i] > 0;
            case CHANGE_DIFFERENCE, HAZARD_RATIO, END_ODDS_RATIO, END_RISK_RATIO, MEDIAN_CHANGE_DIFFERENCE -> true;
        };
    }

    /** The measure over the members {@code idx} (with repeats, for the bootstrap); NaN if no member is eligible. */
    static double measure(TrialSpec.Measure m, double threshold, Paired d, int[] idx) {
        if (m == TrialSpec.Measure.MEDIAN_CHANGE_DIFFERENCE || m == TrialSpec.Measure.MEDIAN_PERCENT_CHANGE_DIFFERENCE) {
            int[] eligible = new int[idx.length];
            int k = 0;
            for (int i : idx) {
                if (eligible(m, d, i)) {
                    eligible[k++] = i;
                }
            }
            if (k == 0) {
                return Double.NaN;
            }
            int[] e = Arrays.copyOf(eligible, k);
            boolean percent = m == TrialSpec.Measure.MEDIAN_PERCENT_CHANGE_DIFFERENCE;
            return medianChange(d.baseT(), d.endT(), e, percent) - medianChange(d.baseC(), d.endC(), e, percent);
        }
        double sum = 0;
        double sumC = 0;
        int n = 0;
        int aboveT = 0;
        int aboveC = 0;
        for (int i : idx) {
            if (!eligible(m, d, i)) {
                continue;
            }
            n++;
            switch (m) {
                case CHANGE_DIFFERENCE -> sum += (d.endT()[i] - d.baseT()[i]) - (d.endC()[i] - d.baseC()[i]);
                case PERCENT_CHANGE_DIFFERENCE -> sum += 100 * (d.endT()[i] / d.baseT()[i] - d.endC()[i] / d.baseC()[i]);
                case ANNUAL_PROGRESSION_RATIO -> sum += Math.log(d.endT()[i] / d.baseT()[i]) - Math.log(d.endC()[i] / d.baseC()[i]);
                case HAZARD_RATIO -> {
                    sum += d.endT()[i] - d.baseT()[i];
                    sumC += d.endC()[i] - d.baseC()[i];
                }
                case END_ODDS_RATIO, END_RISK_RATIO -> {
                    aboveT += d.endT()[i] > threshold ? 1 : 0;
                    aboveC += d.endC()[i] > threshold ? 1 : 0;
                }
                case MEDIAN_CHANGE_DIFFERENCE, MEDIAN_PERCENT_CHANGE_DIFFERENCE -> throw new AssertionError("handled above");
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return switch (m) {
            case CHANGE_DIFFERENCE, PERCENT_CHANGE_DIFFERENCE -> sum / n;
            case ANNUAL_PROGRESSION_RATIO -> 100 * (Math.exp(sum / n / d.years()) - 1);
            case HAZARD_RATIO -> sumC > 0 ? sum / sumC : Double.NaN;
            case END_ODDS_RATIO -> oddsRatio(aboveT, n - aboveT, aboveC, n - aboveC);
            case END_RISK_RATIO -> riskRatio(aboveT, aboveC, n);
            case MEDIAN_CHANGE_DIFFERENCE, MEDIAN_PERCENT_CHANGE_DIFFERENCE -> throw new AssertionError("handled above");
        };
    }

    /**
     * The median of end − baseline (or, with {@code percent}, of 100·(end/baseline − 1)) over the members
     * {@code idx} (with repeats).
     */
    static double medianChange(double[] base, double[] end, int[] idx, boolean percent) {
        double[] ch = new double[idx.length];
        for (int k = 0; k < idx.length; k++) {
            ch[k] = percent ? 100 * (end[idx[k]] / base[idx[k]] - 1) : end[idx[k]] - base[idx[k]];
        }
        Arrays.sort(ch);
        int h = ch.length / 2;
        return ch.length % 2 == 1 ? ch[h] : 0.5 * (ch[h - 1] + ch[h]);
    }

    /**
     * Risk ratio of two groups of {@code n} each with {@code yesT} and {@code yesC} above the threshold;
     * with no one above in one group, 0.5 is added to each count above (and 1 to each group's size), so that
     * such a resample still gives a finite ratio.
     */
    static double riskRatio(int yesT, int yesC, int n) {
        if (yesT == 0 || yesC == 0) {
            return ((yesT + 0.5) / (n + 1)) / ((yesC + 0.5) / (n + 1));
        }
        return (double) yesT / yesC;
    }

    /**
     * Odds ratio of two groups' counts; with an empty cell, every cell gets 0.5 added (the
     * Haldane–Anscombe correction), so that a resample with no one above the threshold in one arm
     * still gives a finite ratio.
     */
    static double oddsRatio(int yesT, int noT, int yesC, int noC) {
        double a = yesT;
        double b = noT;
        double c = yesC;
        double e = noC;
        if (a == 0 || b == 0 || c == 0 || e == 0) {
            a += 0.5;
            b += 0.5;
            c += 0.5;
            e += 0.5;
        }
        return (a / b) / (c / e);
    }
}
