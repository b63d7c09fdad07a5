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

    record Row(VirtualPerson p, double cac0, double cac1, double med0, double med1, double int0, double int1) {
    }

    @Test
    void cric() {
        Assumptions.assumeTrue(Boolean.getBoolean("vascalc.scratch"));
        var cat = ModelAssembly.defaultParameters();
        VirtualPopulation pop = new VirtualPopulation(20261130L, cat);
        int n = Integer.getInteger("vascalc.scratch.n", 600);
        List<VirtualPerson> cric = LongStream.range(0, n).mapToObj(pop::cric).toList();
        List<String> outs = List.of("cacAgatston", "cacMedialMass", "cacIntimalMass");
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
                    t.series("cacIntimalMass")[0], t.last("cacIntimalMass"));
        }, CohortProgress.NONE);
        double[] eg = rows.stream().mapToDouble(r -> r.p.patient().egfrMlPerMin()).toArray();
        double[] ph = rows.stream().mapToDouble(r -> r.p.patient().serumPhosphateMmolL().orElse(0)).toArray();
        double[] age = rows.stream().mapToDouble(r -> r.p.patient().ageYears()).toArray();
        System.out.printf("n %d age %.1f (%.1f) eGFR %.1f (%.1f) P %.3f (%.3f) mmol/L%n", n, Regression.mean(age),
                Regression.sd(age), Regression.mean(eg), Regression.sd(eg), Regression.mean(ph), Regression.sd(ph));
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
        System.out.printf("dsqrtCAC per SD eGFR %.3f, per SD phosphate %.3f (Bundy2018 -0.20, +0.14); mean dsqrt %.2f%n",
                b.getEntry(1), b.getEntry(2), Regression.mean(rows.stream().mapToDouble(r -> Math.sqrt(r.cac1) - Math.sqrt(r.cac0)).toArray()));
    }
}
