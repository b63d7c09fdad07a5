package org.vascalc.simulation.engine;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;

/**
 * Fast against reference mode where a vitamin K regimen starts, stops or changes its dose, hourly rows:
 * the largest relative difference per week of plasma MK-7 and K1, tissue vitamin K, the carboxylated
 * MGP fraction and dp-ucMGP (the closed vitamin K block's deviation from its orbits,
 * {@link LinearBlockPropagator#deviating}). Cases ({@code -Dvascalc.scratch.cases}):
 * {@code onset} the benchmark regimen from day 0 (500 mg carbonate with meals at 08 and 19 h, 180 µg
 * MK-7 at 08 h), 28 days; {@code k1} 1 000 µg K1 at 08 h from day 0, 28 days; {@code stop} 180 µg MK-7
 * at 08 h on days 0-30 of a 60-day run (the washout); {@code dose} 90 µg MK-7 at 08 h, 360 µg from day
 * 21, 42 days. Developer aid, on request only ({@code -Dvascalc.scratch=true}; the deviation's SLOW
 * uptake, {@link FastSettings#vitaminKUptake}, with {@code -Dvascalc.scratch.uptake=true}).
 */
class VitaminKOnsetRunner {

    static final List<String> OUTPUTS = List.of("plasmaMk7", "plasmaK1", "vitk.tissueVk", "vitk.cMgpFraction",
            "dpUcMgp", "pth");

    static Scenario vitaminKCase(String id, Recording rec) {
        var carbonate = Intervention.CalciumSalt.CARBONATE;
        var mk7 = Intervention.VitaminKForm.MK7;
        List<Integer> every = Schedule.EVERY_DAY;
        return switch (id) {
            case "onset" -> new Scenario("vk-onset", "", Patient.referenceAdult(), List.of(),
                    List.of(new Intervention.CalciumSupplement(500, carbonate, true, Schedule.daily(8, 19)),
                            new Intervention.VitaminK(mk7, 180, Schedule.daily(8))), 28, rec);
            case "k1" -> new Scenario("vk-k1", "", Patient.referenceAdult(), List.of(),
                    List.of(new Intervention.VitaminK(Intervention.VitaminKForm.K1, 1000, Schedule.daily(8))), 28, rec);
            case "stop" -> new Scenario("vk-stop", "", Patient.referenceAdult(), List.of(),
                    List.of(new Intervention.VitaminK(mk7, 180, new Schedule(0, 30, List.of(8.0), every))), 60, rec);
            case "dose" -> new Scenario("vk-dose", "", Patient.referenceAdult(), List.of(),
                    List.of(new Intervention.VitaminK(mk7, 90, new Schedule(0, 21, List.of(8.0), every)),
                            new Intervention.VitaminK(mk7, 360, new Schedule(21, Double.POSITIVE_INFINITY,
                                    List.of(8.0), every))), 42, rec);
            default -> throw new IllegalArgumentException(id);
        };
    }

    static Trajectory run(Scenario sc, Mode mode) {
        return run(sc, mode, FastSettings.DEFAULT.withVitaminKUptake(Boolean.getBoolean("vascalc.scratch.uptake")));
    }

    /** With these fast settings ({@link FastSettings#vitaminKUptake}: {@code -Dvascalc.scratch.uptake=true}). */
    static Trajectory run(Scenario sc, Mode mode, FastSettings settings) {
        SimulationResult r = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), settings, FastSettings.DEFAULT, false)
                .run(sc, mode, ProgressListener.NONE);
        if (mode == Mode.FAST && Boolean.getBoolean("vascalc.scratch")) {
            System.out.println("VKONSET " + sc.name() + " fast counters " + r.counters());
        }
        return r.trajectory();
    }

    /**
     * The largest relative difference of {@code id} over rows in {@code (from, to]} hours, relative to
     * the reference value or, where that is near 0 (MK-7 before a regimen), 1e-3 of its largest.
     */
    static double worst(Trajectory ref, Trajectory fast, String id, double from, double to) {
        double[] t = ref.timesHours();
        double[] r = ref.series(id);
        double[] f = fast.series(id);
        double scale = 0;
        for (double v : r) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] > from + 1e-9 && t[i] <= to + 1e-9) {
                worst = Math.max(worst, Math.abs(f[i] - r[i]) / Math.max(Math.abs(r[i]), 1e-3 * scale + 1e-300));
            }
        }
        return worst;
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        for (String id : System.getProperty("vascalc.scratch.cases", "onset,k1,stop,dose").split(",")) {
            Scenario sc = vitaminKCase(id.trim(), new Recording(OUTPUTS, 1, 1, 0, 0));
            Trajectory ref = run(sc, Mode.REFERENCE);
            Trajectory fast = run(sc, Mode.FAST);
            if (Boolean.getBoolean("vascalc.scratch.trace")) {
                double[] t = ref.timesHours();
                for (int i = 0; i < t.length; i += t[i] < 72 ? 3 : 24) {
                    System.out.printf(Locale.ROOT, "VKTRACE %s %6.0f h tissue %.6e %.6e K1 %.6e %.6e%n", id, t[i],
                            ref.series("vitk.tissueVk")[i], fast.series("vitk.tissueVk")[i],
                            ref.series("plasmaK1")[i], fast.series("plasmaK1")[i]);
                }
            }
            StringBuilder head = new StringBuilder("VKONSET " + id + " days   ");
            for (String o : OUTPUTS) {
                head.append(String.format(Locale.ROOT, " %13s", o.replace("vitk.", "")));
            }
            System.out.println(head);
            double[] edges = {0, 2, 4, 8, 14, 21, 28, 30, 32, 34, 38, 44, 51, 60};
            for (int b = 0; b + 1 < edges.length && edges[b] < sc.durationDays() - 1e-9; b++) {
                double to = Math.min(edges[b + 1], sc.durationDays());
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "VKONSET %s %3.0f-%-3.0f", id, edges[b], to));
                for (String o : OUTPUTS) {
                    row.append(String.format(Locale.ROOT, " %13.2e", worst(ref, fast, o, edges[b] * 24, to * 24)));
                }
                System.out.println(row);
            }
        }
    }
}
