package org.vascalc.simulation.engine;

import java.util.Arrays;
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
import org.vascalc.simulation.Simulator;

/**
 * The benchmark decade (EngineBenchmark's scenario) with the wall's frozen milieu on and off and
 * without the wall, interleaved in one JVM, thread CPU time per run (minimum and median of the
 * repeats): an A/B comparison that a shared machine disturbs less than separate JMH runs. Developer
 * aid, on request only ({@code -Dvascalc.scratch=true}, repeats {@code -Dvascalc.scratch.repeats}).
 */
class FrozenMilieuTimingRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        var params = ModelAssembly.defaultParameters();
        Scenario s = new Scenario("bench", "", Patient.referenceAdult(), List.of(),
                List.of(new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true, Schedule.daily(8, 19)),
                        new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))),
                3652.5, Recording.every(365.25 * 24));
        String[] names = {"WHOLE frozen milieu", "WHOLE wall at every stage", "ENGINE (no wall)"};
        Simulator[] sims = {new EngineSimulator(params, Integrators.standard(), FastSettings.DEFAULT),
                new EngineSimulator(params, Integrators.standard(), FastSettings.DEFAULT.withFrozenMilieu(false)),
                EngineSimulator.withoutWall(params)};
        int repeats = Integer.getInteger("vascalc.scratch.repeats", 40);
        double[][] cpu = new double[sims.length][repeats];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (Simulator sim : sims) {
            for (int w = 0; w < 10; w++) {
                sim.run(s, Mode.FAST, ProgressListener.NONE);
            }
        }
        for (int r = 0; r < repeats; r++) {
            for (int k = 0; k < sims.length; k++) {
                long c0 = threads.getCurrentThreadCpuTime();
                sims[k].run(s, Mode.FAST, ProgressListener.NONE);
                cpu[k][r] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            }
        }
        String jfr = System.getProperty("vascalc.scratch.jfr");
        if (jfr != null) {
            // A profile of one configuration alone (vascalc.scratch.jfrIndex, default the first) (read it with `jfr print --events jdk.ExecutionSample`).
            try (jdk.jfr.Recording rec = new jdk.jfr.Recording()) {
                rec.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(2));
                rec.start();
                for (int r = 0; r < 5 * repeats; r++) {
                    sims[Integer.getInteger("vascalc.scratch.jfrIndex", 0)].run(s, Mode.FAST, ProgressListener.NONE);
                }
                rec.stop();
                rec.dump(java.nio.file.Path.of(jfr));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        for (int k = 0; k < sims.length; k++) {
            double[] c = cpu[k].clone();
            Arrays.sort(c);
            System.out.printf(Locale.ROOT, "%-28s cpu ms per decade: min %.2f, median %.2f, counters %s%n", names[k], c[0],
                    c[c.length / 2], sims[k].run(s, Mode.FAST, ProgressListener.NONE).counters());
        }
    }
}
