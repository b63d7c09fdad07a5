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

    record Row(VirtualPerson p, double cac0, double cac1, double med0, double med1, double int0, double int1, double t50) {
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
        List<VirtualPerson> cric = LongStream.range(0, n).mapToObj(pop::cric).toList();
        List<String> outs = List.of("cacAgatston", "cacMedialMass", "cacIntimalMass", "t50");
        CohortRunner runner = new CohortRunner(new EngineSimulatorFactory(), cat, 2);
        List<Row> rows = runner.run(cric, p -> {
            double days = 3.3 * Time.DAYS_PER_YEAR;
            var s = FollowUp.scenario(p, 3.3);
            return new Scenario(s.name(), s.description(), s.patient(), s.conditions(), s.interventions(), days,
                    new Recording(outs, Time.days(days), Time.days(days), 0, 0));
        }, Mode.FAST, (p, r) -> {
            Trajectory t = r.trajectory();
            return new Row(p, t.series("cacAgatston")[0] * Math.exp(p.scanErrorBaseline()),
                    t.last("cacAgatston") * Math.exp(p.scanErrorEnd()), t.series("cacMedialMass")[0], t.last("cacMedialMass"),
                    t.series("cacIntimalMass")[0], t.last("cacIntimalMass"), t.series("t50")[0]);
        }, CohortProgress.NONE);
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
        double[] d = pos.stream().mapToDouble(r -> (r.cac1 - r.cac0) / 3.3).toArray();
        System.out.printf("W10 %.3f  median dCAC %.1f mean %.1f%n", Arrays.stream(d).filter(x -> x >= 100).count() / (double) d.length,
                Regression.median(d), Regression.mean(d));
        double[] cuts = {0, 10, 100, 400, 1000, 1e9};
        for (int k = 0; k + 1 < cuts.length; k++) {
            final double lo = cuts[k], hi = cuts[k + 1];
            List<Row> g = pos.stream().filter(r -> r.cac0 > lo && r.cac0 <= hi).toList();
            long fast = g.stream().filter(r -> (r.cac1 - r.cac0) / 3.3 >= 100).count();
            double medShare = g.stream().mapToDouble(r -> r.med0 / Math.max(1e-9, r.med0 + r.int0)).average().orElse(0);
            System.out.printf("CAC0 (%.0f,%.0f]: n %d fast %d medial mass share %.3f dMed %.2f dInt %.2f mg/y%n", lo, hi, g.size(), fast, medShare,
                    g.stream().mapToDouble(r -> (r.med1 - r.med0) / 3.3).average().orElse(0),
                    g.stream().mapToDouble(r -> (r.int1 - r.int0) / 3.3).average().orElse(0));
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
        System.out.printf("one factor at a time: dsqrtCAC per SD eGFR %.3f, per SD phosphate %.3f%n",
                new org.hipparchus.linear.QRDecomposition(x1, 1e-12).getSolver().solve(y).getEntry(1),
                new org.hipparchus.linear.QRDecomposition(x2, 1e-12).getSolver().solve(y).getEntry(1));
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
        double lowT = pos.stream().filter(r -> Math.log(r.t50) < Regression.mean(lnPos)).filter(r -> (r.cac1 - r.cac0) / 3.3 >= 100).count()
                / (double) Math.max(1, pos.stream().filter(r -> Math.log(r.t50) < Regression.mean(lnPos)).count());
        double highT = pos.stream().filter(r -> Math.log(r.t50) >= Regression.mean(lnPos)).filter(r -> (r.cac1 - r.cac0) / 3.3 >= 100).count()
                / (double) Math.max(1, pos.stream().filter(r -> Math.log(r.t50) >= Regression.mean(lnPos)).count());
        System.out.printf("fast progression, T50 below / above its mean among CAC > 0: %.3f / %.3f (1 SD below: %.1f min)%n", lowT, highT,
                Math.exp(cut));
        System.out.printf("dsqrtCAC per SD eGFR %.3f, per SD phosphate %.3f (Bundy2018 -0.20, +0.14); mean dsqrt %.2f%n",
                b.getEntry(1), b.getEntry(2), Regression.mean(rows.stream().mapToDouble(r -> Math.sqrt(r.cac1) - Math.sqrt(r.cac0)).toArray()));
    }
}
