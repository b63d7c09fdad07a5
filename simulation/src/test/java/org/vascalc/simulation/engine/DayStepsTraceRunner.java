package org.vascalc.simulation.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.model.Block;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.integrate.Rodas4Integrator;
import org.vascalc.simulation.integrate.Tolerances;

/** TEMPORARY (branch daysteps): which component leads each orbit step's error, with and without the frame. */
class DayStepsTraceRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        ParameterCatalog parameters = ModelAssembly.defaultParameters();
        var sc = Scenarios.of("supp", 10, new Recording(List.of("pth"), 24, 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, org.vascalc.core.intervention.Schedule.daily(8)));
        List<Block> blocks = ModelAssembly.standardBlocks(parameters);
        AssembledModel model = new AssembledModel(blocks, new DriverCourse(sc, parameters));
        double[] y = new double[model.dimension()];
        for (Block b : model.blocks()) {
            b.initialise(sc.patient(), y);
        }
        Tolerances tol = new Tolerances(1e-6, model.absoluteTolerances());
        Stabiliser.stabilise(model, parameters, Integrators.standard(), tol, FastRun.Settings.DEFAULT, y);
        for (Block b : model.blocks()) {
            b.afterStabilisation(y);
        }
        int[] fast = model.fastIndices();
        var names = model.layout().variables();
        String only = System.getProperty("vascalc.trace.cfg", "");
        FastRun.Settings[] cfg = {FastRun.Settings.DEFAULT, FastRun.Settings.DEFAULT.withExactLinearPart(true)};
        for (int c = 0; c < cfg.length; c++) {
            if (!only.isEmpty() && !only.equals(Integer.toString(c))) continue;
            Map<String, Integer> leaders = new TreeMap<>();
            Map<String, Integer> seconds = new TreeMap<>();
            int[] perHour = new int[24];
            double[] shareSum = {0, 0};
            int[] count = {0};
            double[] lastT = {-1};
            StringBuilder detail = new StringBuilder();
            Rodas4Integrator.TRACE = (t, h, err, lead, share, second, share2, last) -> {
                double tEnd = t + h;
                String ln = lead < fast.length ? names.get(fast[lead]).id() : "q" + lead;
                String sn = second < 0 ? "-" : second < fast.length ? names.get(fast[second]).id() : "q" + second;
                leaders.merge(ln, 1, Integer::sum);
                seconds.merge(sn, 1, Integer::sum);
                perHour[(int) Math.floor(((t % 24) + 24) % 24)]++;
                shareSum[0] += share;
                count[0]++;
                if (lastT[0] >= 0 && t < lastT[0] - 1) {
                    detail.setLength(0);
                }
                lastT[0] = t;
                {
                    detail.append(String.format(Locale.ROOT, "  t %.3f h %.3f err %.2f %s %.2f %s %.2f%s%n", t % 24, h, err, ln, share, sn, share2, last ? " last" : ""));
                }
            };
            double[] yc = y.clone();
            IntakeTimeline timeline = IntakeTimeline.of(sc, parameters);
            new FastRun(model, Integrators.standard(), tol, timeline, cfg[c]).run(new RecordingPlan(sc.recording(), 24, model), yc, 240,
                    ProgressListener.NONE);
            Rodas4Integrator.TRACE = null;
            System.out.printf(Locale.ROOT, "cfg %d frame=%s: %d steps, mean leader share %.2f%n leaders %s%n seconds %s%n perHour %s%n%s",
                    c, cfg[c].exactLinearPart(), count[0], shareSum[0] / Math.max(1, count[0]), leaders, seconds,
                    java.util.Arrays.toString(perHour), detail);
        }
    }
}
