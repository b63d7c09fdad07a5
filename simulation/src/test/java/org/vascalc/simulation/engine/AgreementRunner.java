package org.vascalc.simulation.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;

/**
 * Developer aid for fast-mode work, on request only ({@code -Dvascalc.scratch=true}): the scenarios of
 * the agreement tests ({@code FastVersusReferenceTest}, {@code FastVersusReferenceIT},
 * {@code FastModeSchedulesTest}) with their reference runs cached in a folder
 * ({@code -Dvascalc.scratch.refs}, default {@code target/reference-cache}; delete it when the model
 * changes), so a change of the fast engine is judged in seconds; plus the counters of the decade
 * benchmark for the reference adult and CKD G4 without labs. The CKD binder years are also run for
 * patients who bring labs ({@link AgreementScenarios#withCkdLabs}, names ending {@code -labs}): the G5
 * years miss the 1 % limit on main (acetate 1.90e-2, carbonate as binder 1.11e-2; not in an agreement
 * test; docs/performance-log.md, fiftieth session, `g5labs`; {@code CkdLabsRowsRunner} shows them row by row). {@code -Dvascalc.scratch.channel=ID}
 * prints one channel's difference row by row (where in time an error arises).
 */
class AgreementRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        EngineSimulator sim = new EngineSimulator(ModelAssembly.defaultParameters());
        List<String> slow = FastVersusReferenceTest.slowChannels();
        Scenario oneYear = AgreementScenarios.oneYearTwiceDailyWithMk7();
        Scenario fiveYears = AgreementScenarios.fiveYearsWithMeals();
        Scenario weekly = AgreementScenarios.weeklyWithMidDayStartAndCkdCourse();
        Path dir = Path.of(System.getProperty("vascalc.scratch.refs", "target/reference-cache"));
        Files.createDirectories(dir);
        String only = System.getProperty("vascalc.scratch.only", "");
        List<Scenario> scenarios = new java.util.ArrayList<>(List.of(oneYear, fiveYears, weekly));
        for (Condition.CkdStage stage : List.of(Condition.CkdStage.G4, Condition.CkdStage.G5)) {
            scenarios.add(AgreementScenarios.oneYearCkdWithCarbonate(stage));
            scenarios.add(AgreementScenarios.oneYearCkdWithBinder(stage));
            scenarios.add(AgreementScenarios.oneYearCkdWithCarbonateBinder(stage));
        }
        for (Condition.CkdStage stage : List.of(Condition.CkdStage.G4, Condition.CkdStage.G5)) {
            scenarios.add(AgreementScenarios.withCkdLabs(AgreementScenarios.oneYearCkdWithBinder(stage), stage));
            scenarios.add(AgreementScenarios.withCkdLabs(AgreementScenarios.oneYearCkdWithCarbonateBinder(stage), stage));
        }
        for (Scenario s : scenarios) {
            if (!only.isEmpty() && !only.contains(s.name())) {
                continue;
            }
            double[][] ref = cachedReference(dir, s, sim);
            SimulationResult fast = sim.run(s, Mode.FAST, ProgressListener.NONE);
            compare(s.name(), ref, fast.trajectory(), slow);
            System.out.println(s.name() + " counters " + fast.counters());
        }
        for (boolean ckd : new boolean[] {false, true}) {
            List<Condition> conditions = ckd
                    ? List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4)) : List.of();
            Scenario bench = Scenarios.of(ckd ? "decade-ckd-g4" : "decade", 3652.5,
                    new Recording(slow, 365.25 * 24, 365.25 * 24, 0, 0),
                    conditions, Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 19),
                    new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)));
            if (!only.isEmpty() && !only.contains(bench.name() + ",")) {
                continue;
            }
            double[][] ref = null;
            Path file = dir.resolve(bench.name() + ".bin");
            if (Files.exists(file)) {
                ref = read(file);
            } else if (Boolean.getBoolean("vascalc.scratch.decadeReference")) {
                ref = sim.run(bench, Mode.REFERENCE, ProgressListener.NONE).trajectory().values();
                write(file, ref);
            }
            sim.run(bench, Mode.FAST, ProgressListener.NONE);
            SimulationResult r = sim.run(bench, Mode.FAST, ProgressListener.NONE);
            if (ref != null) {
                compare(bench.name(), ref, r.trajectory(), slow);
            }
            double[] bmd = r.trajectory().series("bmd");
            System.out.printf(Locale.ROOT, "decade %s bmd change %.5f counters %s%n", ckd ? "CKD_G4" : "REFERENCE",
                    bmd[bmd.length - 1] - bmd[0], r.counters());
            // The benchmark's ENGINE model (no wall), counters only.
            EngineSimulator engine = EngineSimulator.withoutWall(ModelAssembly.defaultParameters());
            Scenario engineBench = Scenarios.of(bench.name(), bench.durationDays(), Recording.every(365.25 * 24), conditions,
                    bench.interventions().toArray(new Intervention[0]));
            engine.run(engineBench, Mode.FAST, ProgressListener.NONE);
            System.out.printf(Locale.ROOT, "decade-engine %s counters %s%n", ckd ? "CKD_G4" : "REFERENCE",
                    engine.run(engineBench, Mode.FAST, ProgressListener.NONE).counters());
        }
    }

    private static void compare(String name, double[][] ref, Trajectory fast, List<String> ids) {
        double[][] f = fast.values();
        double worst = 0;
        String worstId = "";
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < ids.size(); c++) {
            double channelWorst = 0;
            for (int i = 0; i < ref.length; i++) {
                double scale = Math.max(Math.abs(ref[i][c]), 1e-6);
                channelWorst = Math.max(channelWorst, Math.abs(f[i][c] - ref[i][c]) / scale);
            }
            if (channelWorst > 2e-3) {
                line.append(String.format(Locale.ROOT, " %s=%.2e", ids.get(c), channelWorst));
            }
            if (channelWorst > worst) {
                worst = channelWorst;
                worstId = ids.get(c);
            }
        }
        System.out.printf(Locale.ROOT, "%s worst %.3e (%s);%s%n", name, worst, worstId, line);
        // Row by row for one channel, on request (-Dvascalc.scratch.channel=mineral.po4UrineCum).
        int shown = ids.indexOf(System.getProperty("vascalc.scratch.channel", ""));
        if (shown >= 0) {
            for (int i = 0; i < ref.length; i++) {
                System.out.printf(Locale.ROOT, "  %s row %d ref %.6g fast %.6g rel %.2e%n", ids.get(shown), i,
                        ref[i][shown], f[i][shown], (f[i][shown] - ref[i][shown]) / Math.max(Math.abs(ref[i][shown]), 1e-6));
            }
        }
    }

    /**
     * The reference-mode trajectory of {@code s}, read from {@code dir/NAME.bin} when an earlier run left
     * it there, else run with {@code sim} and written there for the next run.
     */
    static double[][] cachedReference(Path dir, Scenario s, EngineSimulator sim) throws IOException {
        Path file = dir.resolve(s.name() + ".bin");
        if (Files.exists(file)) {
            return read(file);
        }
        double[][] ref = sim.run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory().values();
        write(file, ref);
        return ref;
    }

    static double[][] read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            double[][] v = new double[in.readInt()][];
            for (int i = 0; i < v.length; i++) {
                v[i] = new double[in.readInt()];
                for (int c = 0; c < v[i].length; c++) {
                    v[i][c] = in.readDouble();
                }
            }
            return v;
        }
    }

    static void write(Path file, double[][] v) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(v.length);
            for (double[] row : v) {
                out.writeInt(row.length);
                for (double x : row) {
                    out.writeDouble(x);
                }
            }
        }
    }
}
