package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.model.Block;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * The SLOW step's diagonal from {@link FastRun#DIAGONAL_SAMPLES} orbit samples (the step's
 * quadratures take 6): a year of carbonate twice daily and MK-7 from the unstabilised initial state
 * (the SLOW states move most there), with and without the wall, against the same year with the
 * diagonal on the step's samples. Fewer SLOW-row calls (the diagonal's base comes from the orbit's
 * own quadrature, so every diagonal quadrature saves 3 calls), the same SLOW steps and orbits, and
 * every state within 1e-5 of its value (the benchmark decade: 4.6e-7).
 */
class CoarseDiagonalTest {

    @Test
    void aYearWithTheCoarseDiagonalFollowsTheFullOne() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        double days = 365;
        Scenario sc = Scenarios.of("coarse-diagonal", days, Recording.every(24 * 30),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 19),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180,
                        org.vascalc.core.intervention.Schedule.daily(8)));
        for (boolean wall : new boolean[] {false, true}) {
            double[] coarse = new double[0];
            double[] full = new double[0];
            long[] slowRows = new long[2];
            FastRun.Stats[] stats = new FastRun.Stats[2];
            for (int k = 0; k < 2; k++) {
                AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(p, wall), new DriverCourse(sc, p));
                double[] y = new double[model.dimension()];
                for (Block b : model.blocks()) {
                    b.initialise(sc.patient(), y);
                }
                Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
                double hours = days * 24;
                FastRun run = new FastRun(model, Integrators.standard(), tol, IntakeTimeline.of(sc, p),
                        FastSettings.DEFAULT);
                run.coarseDiagonal(k == 0);
                stats[k] = run.run(new RecordingPlan(new Recording(List.of("pth"), hours, hours, 0, 0), hours, model),
                        y, hours, ProgressListener.NONE);
                slowRows[k] = model.slowRowEvaluations();
                if (k == 0) {
                    coarse = y;
                } else {
                    full = y;
                }
            }
            assertThat(stats[0].orbits()).isPositive().isEqualTo(stats[1].orbits());
            assertThat(stats[0].slowSteps()).isEqualTo(stats[1].slowSteps());
            assertThat(slowRows[0]).isLessThan(slowRows[1] - 20L * stats[0].orbits());
            double worst = 0;
            for (int i = 0; i < full.length; i++) {
                double scale = Math.max(Math.abs(full[i]), 1e-9);
                worst = Math.max(worst, Math.abs(coarse[i] - full[i]) / scale);
            }
            System.out.printf("wall=%b: SLOW-row calls %d -> %d, orbits %d, SLOW steps %d, worst relative %.3g%n", wall,
                    slowRows[1], slowRows[0], stats[0].orbits(), stats[0].slowSteps(), worst);
            assertThat(worst).isLessThan(1e-5);
        }
    }
}
