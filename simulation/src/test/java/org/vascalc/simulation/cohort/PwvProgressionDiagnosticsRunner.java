package org.vascalc.simulation.cohort;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Sex;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * W03 read as its source read it (Wilson &amp; Webb 2020: cohort regressions of PWV change on baseline
 * SBP, adjusted for demographics and baseline stiffness) on the MESA-like virtual cohort: PWV
 * progression per decade per 20 mmHg SBP, (a) with the model's true PWV, (b) with cfPWV measured
 * with a multiplicative error per visit (log SD {@code -Dvascalc.scratch.pwvErr}, default 0.07, the
 * repeatability assumed in {@code aorticStiffnessLogSd}'s evidence), (c) as (b) and adjusted for the
 * measured baseline PWV. A runner, not a test: prints only, with {@code -Dvascalc.scratch=true}.
 */
class PwvProgressionDiagnosticsRunner {

    record Row(VirtualPerson p, double pwv0, double pwv1) {
    }

    @Test
    void w03AsACohortRegression() {
        Assumptions.assumeTrue(Boolean.getBoolean("vascalc.scratch"));
        var cat = ModelAssembly.defaultParameters();
        int n = Integer.getInteger("vascalc.scratch.n", 2400);
        double years = Double.parseDouble(System.getProperty("vascalc.scratch.years", "5"));
        double err = Double.parseDouble(System.getProperty("vascalc.scratch.pwvErr", "0.07"));
        VirtualPopulation pop = new VirtualPopulation(20261130L, cat);
        List<VirtualPerson> mesa = LongStream.range(0, n).mapToObj(pop::mesa).toList();
        CohortRunner runner = new CohortRunner(new EngineSimulatorFactory(), cat, 2);
        double days = years * Time.DAYS_PER_YEAR;
        List<Row> rows = runner.run(mesa, p -> {
            Scenario s = FollowUp.scenario(p, years);
            return new Scenario(s.name(), s.description(), s.patient(), s.conditions(), s.interventions(), days,
                    new Recording(List.of("pwv"), Time.days(days), Time.days(days), 0, 0));
        }, Mode.FAST, (p, r) -> {
            Trajectory t = r.trajectory();
            return new Row(p, t.series("pwv")[0], t.last("pwv"));
        }, CohortProgress.NONE);
        double[] m0 = new double[rows.size()];
        double[] m1 = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            SplittableRandom r = new SplittableRandom(0x505756L ^ rows.get(i).p().index());
            m0[i] = rows.get(i).pwv0() * Math.exp(err * gauss(r));
            m1[i] = rows.get(i).pwv1() * Math.exp(err * gauss(r));
        }
        System.out.printf("n %d, %.1f y, PWV measurement log SD %.3f%n", n, years, err);
        System.out.printf("(a) true PWV, adj. age, sex:                  %.3f m/s per decade per 20 mmHg%n",
                slope(rows, i -> rows.get(i).pwv0(), i -> rows.get(i).pwv1(), years, false));
        System.out.printf("(b) measured PWV, adj. age, sex:              %.3f%n", slope(rows, i -> m0[i], i -> m1[i], years, false));
        System.out.printf("(c) measured PWV, adj. age, sex, baseline PWV: %.3f%n", slope(rows, i -> m0[i], i -> m1[i], years, true));
        System.out.printf("(d) true PWV, adj. age, sex, baseline PWV:     %.3f%n",
                slope(rows, i -> rows.get(i).pwv0(), i -> rows.get(i).pwv1(), years, true));
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static double slope(List<Row> rows, java.util.function.IntToDoubleFunction v0,
                                java.util.function.IntToDoubleFunction v1, double years, boolean baseline) {
        int k = baseline ? 5 : 4;
        var x = MatrixUtils.createRealMatrix(rows.size(), k);
        var y = MatrixUtils.createRealVector(new double[rows.size()]);
        for (int i = 0; i < rows.size(); i++) {
            var pt = rows.get(i).p().patient();
            x.setEntry(i, 0, 1);
            x.setEntry(i, 1, pt.risk().systolicBpMmHg() / 20);
            x.setEntry(i, 2, pt.ageYears());
            x.setEntry(i, 3, pt.sex() == Sex.MALE ? 1 : 0);
            if (baseline) {
                x.setEntry(i, 4, v0.applyAsDouble(i));
            }
            y.setEntry(i, (v1.applyAsDouble(i) - v0.applyAsDouble(i)) / years * 10);
        }
        return new QRDecomposition(x, 1e-12).getSolver().solve(y).getEntry(1);
    }
}
