package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}; onsetadopt, sixty-fourth session,
 * docs/performance-log.md): {@link ExactLinearPartTest}'s scenario (the benchmark regimen for 120 days, the vitamin K
 * block integrated) on its two paths (the gut's linear part exact, and plain) with the gated direct onset on
 * ({@link OnsetDirect#DEFAULT}) and off ({@link OnsetDirect#OFF}), each against reference mode: the four cumulative
 * counters' 120-day increments and the four levels' worst row (relative), the orbits, calls and the gate's verdict.
 */
class ExactLinearPartRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        List<String> fluxes = List.of("mineral.caAbsorbedCum", "mineral.caUrineCum", "mineral.caFaecesCum",
                "mineral.po4UrineCum");
        List<String> levels = List.of("serumCalciumTotal", "pth", "mineral.osteoclasts", "vitk.tissueVk");
        List<String> ids = new ArrayList<>(fluxes);
        ids.addAll(levels);
        Scenario s = Scenarios.of("exact-gut-120d", 120, new Recording(ids, 30 * 24, 30 * 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, org.vascalc.core.intervention.Schedule.daily(8)));
        Trajectory ref = new EngineSimulator(ModelAssembly.defaultParameters()).run(s, Mode.REFERENCE,
                ProgressListener.NONE).trajectory();
        Trajectory[] plainOf = new Trajectory[2];
        for (int g = 0; g < 2; g++) {
            OnsetDirect gate = g == 0 ? OnsetDirect.OFF : OnsetDirect.DEFAULT;
            for (boolean exact : new boolean[] {false, true}) {
                FastSettings f = FastSettings.DEFAULT.withExactLinearPart(exact).withClosedFormVitaminK(false)
                        .withOnsetDirect(gate);
                List<String> verdicts = new ArrayList<>();
                SimulationResult r = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), f)
                        .run(s, Mode.FAST, ProgressListener.NONE);
                new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(),
                        f.withProbe(BiasProbe.NONE.withTrace(l -> {
                            if (l.startsWith("GATE")) {
                                verdicts.add(l.replaceAll("\\s+", " "));
                            }
                        }))).run(s, Mode.FAST, ProgressListener.NONE);
                Trajectory t = r.trajectory();
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "ELP gate=%s path=%s",
                        g == 0 ? "off" : "on", exact ? "exact" : "plain"));
                for (String id : fluxes) {
                    sb.append(String.format(Locale.ROOT, " d%s %+.3e", id.replace("mineral.", ""), incr(t, id, ref)));
                }
                for (String id : levels) {
                    sb.append(String.format(Locale.ROOT, " %s %.3e", id.replace("mineral.", ""), level(t, id, ref)));
                }
                if (exact) {
                    sb.append(String.format(Locale.ROOT, " paths' fluxes %.3e", ExactLinearPartTest.worstIncrementDifference(plainOf[g], t, fluxes)));
                } else {
                    plainOf[g] = t;
                }
                sb.append(String.format(Locale.ROOT, " orbits %s calls %s orbitSteps %s gate %s",
                        r.counters().get("orbits"), r.counters().get("derivativeEvaluations"),
                        r.counters().get("orbitSteps"), verdicts));
                System.out.println(sb);
            }
        }
    }

    /** The 120-day increment's relative difference from reference mode's. */
    private static double incr(Trajectory t, String id, Trajectory ref) {
        double[] a = t.series(id);
        double[] b = ref.series(id);
        double rb = b[b.length - 1] - b[0];
        return ((a[a.length - 1] - a[0]) - rb) / Math.abs(rb);
    }

    /** The worst row's relative difference from reference mode. */
    private static double level(Trajectory t, String id, Trajectory ref) {
        double[] a = t.series(id);
        double[] b = ref.series(id);
        double w = 0;
        for (int i = 0; i < a.length; i++) {
            w = Math.max(w, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-6));
        }
        return w;
    }
}
