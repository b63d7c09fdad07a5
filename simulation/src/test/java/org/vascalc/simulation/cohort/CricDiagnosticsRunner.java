package org.vascalc.simulation.cohort;

import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * Diagnostics of the CRIC-like virtual sample against the published CRIC numbers (Bundy 2018: CAC > 0
 * in 689 of 1123, incident CAC 25.1 % and progression >= 100 AU/y 18.0 % over 3.3 y; delta sqrt(CAC)
 * per SD eGFR -0.20, phosphate +0.14): baseline characteristics, CAC categories, fast progressors by
 * category, medial share and the delta sqrt(CAC) regression. A runner, not a test: it prints and
 * asserts nothing, and runs only with {@code -Dvascalc.scratch=true}
 * ({@code -Dvascalc.scratch.n=1200} persons; docs/model/wall.md, Mechanism misses).
 */
class CricDiagnosticsRunner {

    /** Follow-up, years ({@code -Dvascalc.scratch.years}; 3.3 as CRIC, 5 for the HNR comparison). */
    static final double YEARS = Double.parseDouble(System.getProperty("vascalc.scratch.years", "3.3"));

    record Row(VirtualPerson p, double cac0, double cac1, double med0, double med1, double int0, double int1, double t50,
               double true0, double true1) {
    }

    @Test
    void cric() {
        Assumptions.assumeTrue(Boolean.getBoolean("vascalc.scratch"));
        var cat = ModelAssembly.defaultParameters();
        // what-if runs: -Dvascalc.scratch.override=name=value,name=value (diagnostics only, never a fit)
        String override = System.getProperty("vascalc.scratch.override", "");
        if (!override.isBlank()) {
            java.util.Map<String, Double> o = new java.util.HashMap<>();
            for (String kv : override.split(",")) {
                String[] parts = kv.split("=");
                o.put(parts[0].trim(), Double.parseDouble(parts[1].trim()));
            }
            cat = cat.with(o);
            System.out.println("overrides " + o);
        }
        VirtualPopulation pop = new VirtualPopulation(20261130L, cat);
        int n = Integer.getInteger("vascalc.scratch.n", 600);
        // -Dvascalc.scratch.cohort=mesa runs the MESA-like sample through the same diagnostics (follow-up of YEARS)
        boolean mesa = "mesa".equals(System.getProperty("vascalc.scratch.cohort", "cric"));
        List<VirtualPerson> cric = LongStream.range(0, n).mapToObj(mesa ? pop::mesa : pop::cric).toList();
        List<String> outs = List.of("cacAgatston", "cacMedialMass", "cacIntimalMass", "t50");
        CohortRunner runner = new CohortRunner(new EngineSimulatorFactory(), cat, 2);
        List<Row> rows = runner.run(cric, p -> {
            double days = YEARS * Time.DAYS_PER_YEAR;
            var s = FollowUp.scenario(p, YEARS);
            return new Scenario(s.name(), s.description(), s.patient(), s.conditions(), s.interventions(), days,
                    new Recording(outs, Time.days(days), Time.days(days), 0, 0));
        }, Mode.FAST, (p, r) -> {
            Trajectory t = r.trajectory();
            return new Row(p, t.series("cacAgatston")[0] * Math.exp(p.scanErrorBaseline()),
                    t.last("cacAgatston") * Math.exp(p.scanErrorEnd()), t.series("cacMedialMass")[0], t.last("cacMedialMass"),
                    t.series("cacIntimalMass")[0], t.last("cacIntimalMass"), t.series("t50")[0],
                    t.series("cacAgatston")[0], t.last("cacAgatston"));
        }, CohortProgress.NONE);
        baseline(rows);
        readouts(rows);
        hnr(rows);
        spread(rows);
        intervalsAndScale(rows);
        reweight(rows);
        double[] eg = rows.stream().mapToDouble(r -> r.p.patient().egfrMlPerMin()).toArray();
        double[] ph = rows.stream().mapToDouble(r -> r.p.patient().serumPhosphateMmolL().orElse(0)).toArray();
        double[] age = rows.stream().mapToDouble(r -> r.p.patient().ageYears()).toArray();
        System.out.printf("n %d age %.1f (%.1f) eGFR %.1f (%.1f) P %.3f (%.3f) mmol/L%n", n, Regression.mean(age),
                Regression.sd(age), Regression.mean(eg), Regression.sd(eg), Regression.mean(ph), Regression.sd(ph));
        // T50 against CRIC (Bundy 2019 CJASN: mean 313, SD 79 min); "Ca/P part": without the person's residual factor
        double[] t50 = rows.stream().mapToDouble(Row::t50).toArray();
        double[] lnT50 = rows.stream().mapToDouble(r -> Math.log(r.t50)).toArray();
        double[] lnT50CaP = rows.stream().mapToDouble(r -> Math.log(r.t50
                / r.p.individualParameters().getOrDefault(VirtualPopulation.T50_RESIDUAL, 1.0))).toArray();
        System.out.printf("T50 mean %.1f SD %.1f min; log SD %.3f (Ca/P part %.3f) (CRIC 313, SD 79, log ~0.25)%n",
                Regression.mean(t50), Regression.sd(t50), Regression.sd(lnT50), Regression.sd(lnT50CaP));
        List<Row> pos = rows.stream().filter(r -> r.cac0 > 0).toList();
        System.out.printf("CAC>0 %.3f; median CAC0 among >0 %.1f; mean CAC0 all %.1f%n", pos.size() / (double) n,
                Regression.median(pos.stream().mapToDouble(Row::cac0).toArray()), rows.stream().mapToDouble(Row::cac0).average().orElse(0));
        double[] d = pos.stream().mapToDouble(r -> (r.cac1 - r.cac0) / YEARS).toArray();
        System.out.printf("W10 %.3f  median dCAC %.1f mean %.1f%n", Arrays.stream(d).filter(x -> x >= 100).count() / (double) d.length,
                Regression.median(d), Regression.mean(d));
        double[] cuts = {0, 10, 100, 400, 1000, 1e9};
        for (int k = 0; k + 1 < cuts.length; k++) {
            final double lo = cuts[k], hi = cuts[k + 1];
            List<Row> g = pos.stream().filter(r -> r.cac0 > lo && r.cac0 <= hi).toList();
            long fast = g.stream().filter(r -> (r.cac1 - r.cac0) / YEARS >= 100).count();
            double medShare = g.stream().mapToDouble(r -> r.med0 / Math.max(1e-9, r.med0 + r.int0)).average().orElse(0);
            System.out.printf("CAC0 (%.0f,%.0f]: n %d fast %d medial mass share %.3f dMed %.2f dInt %.2f mg/y%n", lo, hi, g.size(), fast, medShare,
                    g.stream().mapToDouble(r -> (r.med1 - r.med0) / YEARS).average().orElse(0),
                    g.stream().mapToDouble(r -> (r.int1 - r.int0) / YEARS).average().orElse(0));
        }
        long zero = rows.stream().filter(r -> r.cac0 == 0).count();
        long inc = rows.stream().filter(r -> r.cac0 == 0 && r.cac1 > 0).count();
        System.out.printf("incident among CAC0=0: %d/%d = %.3f (CRIC 0.251)%n", inc, zero, inc / (double) zero);
        // BundyT50Cac2019: T50 not associated with incident CAC (adjusted); here unadjusted, below / above the mean log T50
        double meanLn = Regression.mean(lnT50);
        System.out.printf("incident CAC, T50 below / above its mean: %.3f / %.3f%n",
                rows.stream().filter(r -> r.cac0 == 0 && Math.log(r.t50) < meanLn && r.cac1 > 0).count()
                        / (double) Math.max(1, rows.stream().filter(r -> r.cac0 == 0 && Math.log(r.t50) < meanLn).count()),
                rows.stream().filter(r -> r.cac0 == 0 && Math.log(r.t50) >= meanLn && r.cac1 > 0).count()
                        / (double) Math.max(1, rows.stream().filter(r -> r.cac0 == 0 && Math.log(r.t50) >= meanLn).count()));
        // delta sqrt(CAC) on eGFR and phosphate per SD, adjusted for age, sex, diabetes, SBP (Bundy 2018 form)
        double sdE = Regression.sd(eg), sdP = Regression.sd(ph);
        int m = rows.size();
        var x = org.hipparchus.linear.MatrixUtils.createRealMatrix(m, 7);
        var y = org.hipparchus.linear.MatrixUtils.createRealVector(new double[m]);
        for (int i = 0; i < m; i++) {
            Row r = rows.get(i);
            var pt = r.p.patient();
            x.setEntry(i, 0, 1);
            x.setEntry(i, 1, pt.egfrMlPerMin() / sdE);
            x.setEntry(i, 2, pt.serumPhosphateMmolL().orElse(0) / sdP);
            x.setEntry(i, 3, pt.ageYears());
            x.setEntry(i, 4, pt.sex() == org.vascalc.core.patient.Sex.MALE ? 1 : 0);
            x.setEntry(i, 5, pt.risk().diabetes() ? 1 : 0);
            x.setEntry(i, 6, pt.risk().systolicBpMmHg());
            y.setEntry(i, Math.sqrt(r.cac1) - Math.sqrt(r.cac0));
        }
        var b = new org.hipparchus.linear.QRDecomposition(x, 1e-12).getSolver().solve(y);
        // as Bundy 2018 modelled each factor: one factor at a time, adjusted for established risk factors
        var x1 = org.hipparchus.linear.MatrixUtils.createRealMatrix(m, 6);
        var x2 = org.hipparchus.linear.MatrixUtils.createRealMatrix(m, 6);
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < 6; c++) {
                x1.setEntry(i, c, c == 1 ? x.getEntry(i, 1) : c == 0 ? 1 : x.getEntry(i, c + 1));
                x2.setEntry(i, c, c == 1 ? x.getEntry(i, 2) : c == 0 ? 1 : x.getEntry(i, c + 1));
            }
        }
        double bE = new org.hipparchus.linear.QRDecomposition(x1, 1e-12).getSolver().solve(y).getEntry(1);
        double bP = new org.hipparchus.linear.QRDecomposition(x2, 1e-12).getSolver().solve(y).getEntry(1);
        // Bundy 2018's abstract does not say whether its change is over follow-up or per year: both are printed
        System.out.printf("one factor at a time: dsqrtCAC per SD eGFR %.3f, per SD phosphate %.3f over follow-up;"
                + " per year %.3f, %.3f%n", bE, bP, bE / YEARS, bP / YEARS);
        System.out.printf("diabetes (both-factor model): dsqrtCAC %.3f; per SD log T50 among CAC > 0: see below%n", b.getEntry(5));
        // serum calcium one factor at a time (Bundy 2018: -0.17 per SD, i.e. higher calcium, less progression)
        double[] caS = rows.stream().mapToDouble(r -> r.p.patient().serumCalciumMmolL().orElse(0)).toArray();
        double sdCa = Regression.sd(caS);
        var x3 = org.hipparchus.linear.MatrixUtils.createRealMatrix(m, 6);
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < 6; c++) {
                x3.setEntry(i, c, c == 1 ? caS[i] / sdCa : c == 0 ? 1 : x.getEntry(i, c + 1));
            }
        }
        System.out.printf("one factor at a time: dsqrtCAC per SD serum calcium %.3f (Bundy2018 -0.17)%n",
                new org.hipparchus.linear.QRDecomposition(x3, 1e-12).getSolver().solve(y).getEntry(1));
        // relative risk of fast progression per SD lower T50 among CAC > 0 (BundyT50Cac2019: 1.28, 1.07-1.53, adjusted)
        double[] lnPos = pos.stream().mapToDouble(r -> Math.log(r.t50)).toArray();
        double cut = Regression.mean(lnPos) - Regression.sd(lnPos);
        double lowT = pos.stream().filter(r -> Math.log(r.t50) < Regression.mean(lnPos)).filter(r -> (r.cac1 - r.cac0) / YEARS >= 100).count()
                / (double) Math.max(1, pos.stream().filter(r -> Math.log(r.t50) < Regression.mean(lnPos)).count());
        double highT = pos.stream().filter(r -> Math.log(r.t50) >= Regression.mean(lnPos)).filter(r -> (r.cac1 - r.cac0) / YEARS >= 100).count()
                / (double) Math.max(1, pos.stream().filter(r -> Math.log(r.t50) >= Regression.mean(lnPos)).count());
        System.out.printf("fast progression, T50 below / above its mean among CAC > 0: %.3f / %.3f (1 SD below: %.1f min)%n", lowT, highT,
                Math.exp(cut));
        System.out.printf("dsqrtCAC per SD eGFR %.3f, per SD phosphate %.3f (Bundy2018 -0.20, +0.14); mean dsqrt %.2f%n",
                b.getEntry(1), b.getEntry(2), Regression.mean(rows.stream().mapToDouble(r -> Math.sqrt(r.cac1) - Math.sqrt(r.cac0)).toArray()));
    }

    /** The sample's baseline against CRIC's published baseline (docs/model/wall.md, W10 notes). */
    static void baseline(List<Row> rows) {
        int n = rows.size();
        double dm = rows.stream().filter(r -> r.p.patient().risk().diabetes()).count() / (double) n;
        double male = rows.stream().filter(r -> r.p.patient().sex() == org.vascalc.core.patient.Sex.MALE).count() / (double) n;
        System.out.printf("baseline: diabetes %.3f, men %.3f%n", dm, male);
        double[] ecuts = {0, 30, 45, 60, 1e9};
        for (int k = 0; k + 1 < ecuts.length; k++) {
            final double lo = ecuts[k], hi = ecuts[k + 1];
            List<Row> g = rows.stream().filter(r -> r.p.patient().egfrMlPerMin() >= lo && r.p.patient().egfrMlPerMin() < hi).toList();
            System.out.printf("eGFR [%.0f,%.0f): share %.3f, CAC>0 %.3f, CAC>100 %.3f, CAC>400 %.3f%n", lo, hi, g.size() / (double) n,
                    share(g, 0), share(g, 100), share(g, 400));
        }
        double[] acuts = {0, 50, 60, 70, 1e9};
        for (int k = 0; k + 1 < acuts.length; k++) {
            final double lo = acuts[k], hi = acuts[k + 1];
            List<Row> g = rows.stream().filter(r -> r.p.patient().ageYears() >= lo && r.p.patient().ageYears() < hi).toList();
            System.out.printf("age [%.0f,%.0f): share %.3f, CAC>0 %.3f, CAC>100 %.3f, CAC>400 %.3f%n", lo, hi, g.size() / (double) n,
                    share(g, 0), share(g, 100), share(g, 400));
        }
        for (boolean d : new boolean[] {false, true}) {
            List<Row> g = rows.stream().filter(r -> r.p.patient().risk().diabetes() == d).toList();
            System.out.printf("diabetes %s: CAC>0 %.3f, CAC>100 %.3f, CAC>400 %.3f%n", d, share(g, 0), share(g, 100), share(g, 400));
        }
        System.out.printf("all: CAC 0 %.3f, 1-100 %.3f, 101-400 %.3f, >400 %.3f; >1000 %.3f%n", 1 - share(rows, 0),
                share(rows, 0) - share(rows, 100), share(rows, 100) - share(rows, 400), share(rows, 400), share(rows, 1000));
        double[] pos = rows.stream().filter(r -> r.cac0 > 0).mapToDouble(Row::cac0).sorted().toArray();
        System.out.printf("among CAC>0: >100 %.3f, >400 %.3f; quartiles %.1f / %.1f / %.1f; P90 %.1f%n",
                java.util.Arrays.stream(pos).filter(v -> v > 100).count() / (double) pos.length,
                java.util.Arrays.stream(pos).filter(v -> v > 400).count() / (double) pos.length,
                pos[pos.length / 4], pos[pos.length / 2], pos[3 * pos.length / 4], pos[9 * pos.length / 10]);
        double[] all = rows.stream().mapToDouble(Row::cac0).sorted().toArray();
        System.out.printf("all: median %.1f, Q3 %.1f, P90 %.1f%n", all[all.length / 2], all[3 * all.length / 4], all[9 * all.length / 10]);
    }

    private static double share(List<Row> g, double above) {
        return g.stream().filter(r -> r.cac0 > above).count() / (double) Math.max(1, g.size());
    }

    /**
     * W10 under other CT readouts of the same model scores: no scan error, the cohort's log-normal
     * error, and a log-normal error plus an additive one of SD {@code a} AU on the square-root scale
     * (what-if readouts; the cohort uses the log-normal one).
     */
    static void readouts(List<Row> rows) {
        List<Row> pos0 = rows.stream().filter(r -> r.true0 > 0).toList();
        long fast0 = pos0.stream().filter(r -> (r.true1 - r.true0) / YEARS >= 100).count();
        System.out.printf("W10 without scan error: %.4f (%d of %d)%n", fast0 / (double) pos0.size(), fast0, pos0.size());
        List<Row> pos = rows.stream().filter(r -> r.cac0 > 0).toList();
        long fast = pos.stream().filter(r -> (r.cac1 - r.cac0) / YEARS >= 100).count();
        System.out.printf("W10 with the cohort's scan error: %.4f (%d of %d)%n", fast / (double) pos.size(), fast, pos.size());
        double[] all = rows.stream().mapToDouble(r -> (r.cac1 - r.cac0) / YEARS).toArray();
        System.out.printf("annual change, all (measured): mean %.1f SD %.1f (MESA, Budoff 2013: 24.9, SD 65.3)%n",
                Regression.mean(all), Regression.sd(all));
        System.out.printf("shares of all: CAC 0 %.3f, 1-100 %.3f, 101-300 %.3f, >300 %.3f (MESA, Detrano 2008: 0.507/0.257/0.112/0.124)%n",
                1 - share(rows, 0), share(rows, 0) - share(rows, 100), share(rows, 100) - share(rows, 300), share(rows, 300));
        double[] rel = rows.stream().filter(r -> r.cac0 > 0).mapToDouble(r -> Math.pow(Math.max(r.cac1, 1e-9) / r.cac0, 1 / YEARS) - 1)
                .sorted().toArray();
        System.out.printf("annual %% change among CAC>0 (measured): median %.3f mean %.3f Q1 %.3f Q3 %.3f P90 %.3f%n",
                rel[rel.length / 2], Regression.mean(rel), rel[rel.length / 4], rel[3 * rel.length / 4], rel[9 * rel.length / 10]);
        double[] relTrue = rows.stream().filter(r -> r.true0 > 0).mapToDouble(r -> Math.pow(r.true1 / r.true0, 1 / YEARS) - 1)
                .sorted().toArray();
        System.out.printf("annual %% change among CAC>0 (true): median %.3f mean %.3f Q1 %.3f Q3 %.3f P90 %.3f%n",
                relTrue[relTrue.length / 2], Regression.mean(relTrue), relTrue[relTrue.length / 4], relTrue[3 * relTrue.length / 4],
                relTrue[9 * relTrue.length / 10]);
        // the truth's annual change among true CAC > 0, by true baseline
        double[] cuts = {0, 100, 200, 300, 400, 600, 1000, 1e9};
        for (int k = 0; k + 1 < cuts.length; k++) {
            final double lo = cuts[k], hi = cuts[k + 1];
            double[] d = pos0.stream().filter(r -> r.true0 > lo && r.true0 <= hi).mapToDouble(r -> (r.true1 - r.true0) / YEARS).sorted().toArray();
            if (d.length > 0) {
                System.out.printf("true CAC0 (%.0f,%.0f]: n %d, dCAC/y median %.1f P90 %.1f max %.1f; dsqrt/y median %.2f%n", lo, hi, d.length,
                        d[d.length / 2], d[9 * d.length / 10], d[d.length - 1],
                        Regression.median(pos0.stream().filter(r -> r.true0 > lo && r.true0 <= hi)
                                .mapToDouble(r -> (Math.sqrt(r.true1) - Math.sqrt(r.true0)) / YEARS).toArray()));
            }
        }
        for (double logSd : new double[] {0.10, 0.18, 0.25, 0.35}) {
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
            int k = 0, f = 0;
            for (Row r : rows) {
                double e0 = logSd * rnd.nextGaussian(), e1 = logSd * rnd.nextGaussian();
                double c0 = r.true0 * Math.exp(e0), c1 = r.true1 * Math.exp(e1);
                if (c0 > 0) {
                    k++;
                    if ((c1 - c0) / YEARS >= 100) {
                        f++;
                    }
                }
            }
            System.out.printf("what-if log-normal scan error SD %.2f: W10 %.4f (%d of %d)%n", logSd, f / (double) k, f, k);
        }
    }

    /**
     * The Heinz Nixdorf Recall comparison (Erbel et al. Eur Heart J 2014;35:2960, abstract; ages 45-74, 5-year
     * rescan): how far a person's follow-up score strays from what their baseline predicts (HNR: log(CAC5y + 1)
     * observed minus predicted, SD 1.11 men, 1.29 women) and how many with 0 &lt; CAC &lt; 400 pass 400 (12.5 %).
     * Here the prediction is a least-squares fit of log(CAC_end + 1) on log(CAC0 + 1), its square and age, by sex.
     */
    static void hnr(List<Row> rows) {
        List<Row> r4574 = rows.stream().filter(r -> r.p.patient().ageYears() >= 45 && r.p.patient().ageYears() < 75).toList();
        for (boolean male : new boolean[] {true, false}) {
            List<Row> g = r4574.stream().filter(r -> (r.p.patient().sex() == org.vascalc.core.patient.Sex.MALE) == male).toList();
            int m = g.size();
            var x = org.hipparchus.linear.MatrixUtils.createRealMatrix(m, 4);
            double[] y = new double[m];
            for (int i = 0; i < m; i++) {
                double l0 = Math.log(g.get(i).cac0 + 1);
                x.setEntry(i, 0, 1);
                x.setEntry(i, 1, l0);
                x.setEntry(i, 2, l0 * l0);
                x.setEntry(i, 3, g.get(i).p.patient().ageYears());
                y[i] = Math.log(g.get(i).cac1 + 1);
            }
            var yv = org.hipparchus.linear.MatrixUtils.createRealVector(y);
            var b = new org.hipparchus.linear.QRDecomposition(x, 1e-12).getSolver().solve(yv);
            double[] res = new double[m];
            for (int i = 0; i < m; i++) {
                res[i] = y[i] - x.getRowVector(i).dotProduct(b);
            }
            double[] resPos = java.util.stream.IntStream.range(0, m).filter(i -> g.get(i).cac0 > 0).mapToDouble(i -> res[i]).toArray();
            double[] c0 = g.stream().mapToDouble(Row::cac0).sorted().toArray();
            System.out.printf("HNR-like %s 45-74 (n %d): residual SD of log(CAC_end+1) %.2f (among CAC0>0: %.2f) (HNR 5 y: men 1.11, women 1.29);"
                            + " baseline P25/P50/P75/P90 %.1f/%.1f/%.1f/%.1f (HNR men 2.3/41.0/192.6/557.0, women 0/1.0/24.5/139.8)%n",
                    male ? "men" : "women", m, Regression.sd(res), Regression.sd(resPos), c0[m / 4], c0[m / 2], c0[3 * m / 4], c0[9 * m / 10]);
        }
        List<Row> mid = r4574.stream().filter(r -> r.cac0 > 0 && r.cac0 < 400).toList();
        long over = mid.stream().filter(r -> r.cac1 > 400).count();
        System.out.printf("HNR-like 45-74 with 0 < CAC0 < 400: %d of %d = %.3f pass 400 over %.1f y (HNR 5 y: 242 of 1940 = 0.125)%n", over,
                mid.size(), over / (double) mid.size(), YEARS);
    }

    /**
     * What-if (post hoc, not a model): each person's true progression times a mean-one log-normal factor of SD
     * {@code sigma}, independent of their baseline, then read with the cohort's scan errors. Shows how much
     * between-person spread of progression at a given baseline W10 and the HNR residual would need.
     */
    static void spread(List<Row> rows) {
        for (double sigma : new double[] {0, 0.3, 0.5, 0.7, 0.9}) {
            java.util.List<Row> out = new java.util.ArrayList<>();
            for (Row r : rows) {
                java.util.SplittableRandom z = new java.util.SplittableRandom(0x5EEDL ^ r.p.index());
                double f = Math.exp(sigma * z.nextGaussian() - sigma * sigma / 2);
                double t1 = r.true0 + Math.max(0, r.true1 - r.true0) * f;
                out.add(new Row(r.p, r.true0 * Math.exp(r.p.scanErrorBaseline()), t1 * Math.exp(r.p.scanErrorEnd()), r.med0, r.med1,
                        r.int0, r.int1, r.t50, r.true0, t1));
            }
            List<Row> pos = out.stream().filter(r -> r.cac0 > 0).toList();
            long fast = pos.stream().filter(r -> (r.cac1 - r.cac0) / YEARS >= 100).count();
            long fastMid = pos.stream().filter(r -> r.cac0 > 100 && r.cac0 <= 400 && (r.cac1 - r.cac0) / YEARS >= 100).count();
            System.out.printf("spread what-if sigma %.1f: W10-statistic %.3f (%d of %d; %d of them at CAC0 101-400)%n", sigma,
                    fast / (double) pos.size(), fast, pos.size(), fastMid);
            hnr(out);
        }
    }

    /**
     * What-ifs (post hoc): (a) follow-up intervals spread around the mean (uniform 2.0-4.6 y, the true change taken
     * as linear in time over the window), read with the cohort's scan errors; (b) every person's true progression
     * times k (how much faster calcified people would have to progress at the same baseline).
     */
    static void intervalsAndScale(List<Row> rows) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        int k = 0, f = 0;
        for (Row r : rows) {
            double t = 2.0 + 2.6 * rnd.nextDouble();
            double c0 = r.true0 * Math.exp(r.p.scanErrorBaseline());
            double c1 = (r.true0 + (r.true1 - r.true0) * t / YEARS) * Math.exp(r.p.scanErrorEnd());
            if (c0 > 0) {
                k++;
                if ((c1 - c0) / t >= 100) {
                    f++;
                }
            }
        }
        System.out.printf("what-if follow-up 2.0-4.6 y (mean 3.3): W10 %.4f (%d of %d)%n", f / (double) k, f, k);
        for (double scale : new double[] {1, 1.25, 1.5, 2, 2.5, 3}) {
            int n = 0, fast = 0, half = 0;
            for (Row r : rows) {
                double c0 = r.true0 * Math.exp(r.p.scanErrorBaseline());
                double c1 = (r.true0 + (r.true1 - r.true0) * scale) * Math.exp(r.p.scanErrorEnd());
                if (c0 > 0) {
                    n++;
                    if ((c1 - c0) / YEARS >= 100) {
                        fast++;
                    }
                    if ((c1 - c0) / YEARS >= 50) {
                        half++;
                    }
                }
            }
            System.out.printf("what-if progression x %.1f at the same baseline: W10 %.4f (%d of %d); >= 50 AU/y %.4f (CRIC without"
                    + " prior CVD, Tian 2024: 0.353)%n", scale, fast / (double) n, fast, n, half / (double) n);
        }
    }

    /**
     * What-if (reweighting, no simulation): the sample's CAC > 0 members reweighted so that a share s of them
     * start above 400 AU (the within-group mixes kept), giving the shares progressing >= 100 and >= 50 AU/y.
     */
    static void reweight(List<Row> rows) {
        List<Row> pos = rows.stream().filter(r -> r.cac0 > 0).toList();
        List<Row> high = pos.stream().filter(r -> r.cac0 > 400).toList();
        List<Row> low = pos.stream().filter(r -> r.cac0 <= 400).toList();
        java.util.function.BiFunction<List<Row>, Double, Double> frac = (g, thr) ->
                g.stream().filter(r -> (r.cac1 - r.cac0) / YEARS >= thr).count() / (double) g.size();
        for (double share : new double[] {high.size() / (double) pos.size(), 0.30, 0.34, 0.40, 0.44}) {
            System.out.printf("reweighted, share of CAC>0 above 400 = %.3f: >= 100 AU/y %.3f, >= 50 AU/y %.3f%n", share,
                    share * frac.apply(high, 100.0) + (1 - share) * frac.apply(low, 100.0),
                    share * frac.apply(high, 50.0) + (1 - share) * frac.apply(low, 50.0));
        }
    }
}
