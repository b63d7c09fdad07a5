package org.vascalc.simulation.engine;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.model.Block;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * One day of the benchmark regimen from one stabilised state (the first orbit and one SLOW step of one
 * period), under several orbit settings, against orbits at rtol 1e-7: the relative error of each SLOW
 * state's change over the day, i.e. of the orbit's averaged SLOW fluxes, free of the stabilisation and
 * orbit-reuse timing that blur decade comparisons ({@link FrameAccuracyRunner}). Developer aid, on
 * request only ({@code -Dvascalc.scratch=true}).
 */
class OneOrbitAccuracyRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        ParameterCatalog parameters = ModelAssembly.defaultParameters();
        var sc = Scenarios.of("supp", 10, new Recording(List.of("pth"), 24, 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, org.vascalc.core.intervention.Schedule.daily(8)));
        List<Block> blocks = ModelAssembly.standardBlocks(parameters);
        AssembledModel model = new AssembledModel(blocks, new DriverCourse(sc, parameters));
        double[] y = InitialisedModels.initialState(model, sc.patient());
        Tolerances tol = new Tolerances(1e-6, model.absoluteTolerances());
        Stabiliser.stabilise(model, parameters, Integrators.standard(), tol, FastSettings.DEFAULT, y);
        for (Block b : model.blocks()) {
            b.afterStabilisation(y);
        }
        int[] slow = model.slowIndices();
        var names = model.layout().variables();
        // One day of the regimen = the first orbit (cold, new regimen) and one SLOW step of one period.
        FastSettings[] cfg = {FastSettings.DEFAULT.withIntegrationRelativeTolerance(1e-7),
                FastSettings.DEFAULT, FastSettings.DEFAULT.withIntegrationRelativeTolerance(4e-3),
                FastSettings.DEFAULT.withExactLinearPart(true),
                FastSettings.DEFAULT.withExactLinearPart(true).withIntegrationRelativeTolerance(5e-4)};
        double[][] change = new double[cfg.length][slow.length];
        for (int c = 0; c < cfg.length; c++) {
            double[] yc = y.clone();
            IntakeTimeline timeline = IntakeTimeline.of(sc, parameters);
            new FastRun(model, Integrators.standard(), tol, timeline, cfg[c]).run(new RecordingPlan(sc.recording(), 24, model), yc, 24,
                    ProgressListener.NONE);
            for (int j = 0; j < slow.length; j++) {
                change[c][j] = yc[slow[j]] - y[slow[j]];
            }
        }
        for (int c = 1; c < cfg.length; c++) {
            double worst = 0;
            String which = "";
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < slow.length; j++) {
                double ref = change[0][j];
                if (Math.abs(ref) < 1e-12) continue;
                double e = Math.abs(change[c][j] - ref) / Math.abs(ref);
                String id = names.get(slow[j]).id();
                if (id.contains("caBone") || id.contains("Cum") || id.contains("osteo") || id.contains("tissue") || id.contains("gland")) {
                    sb.append(String.format(Locale.ROOT, " %s %.1e", id.replace("mineral.", "").replace("vitk.", ""), e));
                }
                if (e > worst) { worst = e; which = id; }
            }
            System.out.printf(Locale.ROOT, "frame=%s rtol=%.0e worst %.1e (%s)%n  %s%n", cfg[c].exactLinearPart(),
                    cfg[c].integrationRelativeTolerance(), worst, which, sb);
        }
    }
}
