package org.vascalc.simulation.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}): the CKD binder years with and
 * without labs ({@link AgreementScenarios#withCkdLabs}) and the same patients' years without a regimen
 * ({@code none-G5-labs}, {@code none-G5}, ...), fast against reference mode with a row every 5 days, so
 * that where in the year an error arises shows (the agreement tests' rows are 73 days apart). Prints per
 * slow channel the worst level, its row and the reference's own change over the year (is the start still
 * drifting?), and row by row the channels of {@code -Dvascalc.scratch.channels} (default
 * {@code mineral.osteoclasts}) every {@code -Dvascalc.scratch.every} rows (default 3). The reference runs
 * are cached in {@code target/reference-cache-5d} (delete it when the model changes).
 * {@code -Dvascalc.scratch.only=NAME,NAME2,} selects scenarios; {@code -Dvascalc.scratch.perturb} scales the
 * fast settings as in {@code ReuseSafetyRunner} ({@code flux-0.99}: the reuse tolerance × 0.01, orbits about
 * daily; also {@code orbit}, {@code int}, {@code drift}, {@code age}), the run-in on the default settings;
 * {@code -Dvascalc.scratch.trace=true} prints each orbit's reuse decision ({@link BiasProbe#trace}).
 * The wide family's years ({@link ReuseSafetyRunner#wideFamily}) are selectable by name with the same 5-day rows
 * (e.g. {@code 1y-ckd-G5-carbonate-binder-shift+2h,}), and {@code quad} in the perturbation re-evaluates the SLOW
 * quadrature on every orbit sample instead of {@link FastSettings#QUADRATURE_SAMPLES} (is the quadrature the error?).
 * docs/performance-log.md, fiftieth session, `g5labs`; fifty-first session, `g5place`.
 */
class CkdLabsRowsRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        compare();
    }

    private static void compare() {
        EngineSimulator sim = new EngineSimulator(ModelAssembly.defaultParameters());
        List<String> slow = FastVersusReferenceTest.slowChannels();
        Recording rec = new Recording(slow, 5 * 24, 5 * 24, 0, 0);
        String only = System.getProperty("vascalc.scratch.only", "");
        List<Scenario> list = new ArrayList<>();
        for (Condition.CkdStage st : List.of(Condition.CkdStage.G5, Condition.CkdStage.G4)) {
            for (Scenario b : List.of(AgreementScenarios.oneYearCkdWithBinder(st),
                    AgreementScenarios.oneYearCkdWithCarbonateBinder(st))) {
                list.add(rowsEvery5Days(AgreementScenarios.withCkdLabs(b, st), rec, b.name() + "-labs"));
                list.add(rowsEvery5Days(b, rec, b.name()));
            }
            Scenario acetate = AgreementScenarios.oneYearCkdWithBinder(st);
            Scenario labs = AgreementScenarios.withCkdLabs(acetate, st);
            list.add(new Scenario("none-" + st + "-labs", "", labs.patient(), labs.conditions(), List.of(), 365, rec));
            list.add(new Scenario("none-" + st, "", acetate.patient(), acetate.conditions(), List.of(), 365, rec));
        }
        // the wide family's years with 5-day rows, chosen by name (g5place: the G5 carbonate-binder +2 h year)
        for (Scenario w : ReuseSafetyRunner.wideFamily()) {
            list.add(rowsEvery5Days(w, rec, w.name()));
        }
        String[] show = System.getProperty("vascalc.scratch.channels", "mineral.osteoclasts").split(",");
        int every = Integer.getInteger("vascalc.scratch.every", 3);
        String perturb = System.getProperty("vascalc.scratch.perturb", "base");
        EngineSimulator fastSim = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(),
                perturbed(perturb), FastSettings.DEFAULT, true);
        for (Scenario s : list) {
            if (!only.isEmpty() && !only.contains(s.name() + ",")) {
                continue;
            }
            double[][] ref = cachedReference(s, sim);
            var run = (Boolean.getBoolean("vascalc.scratch.trace")
                    ? fastSim.traced(line -> System.out.println("ROWS TRACE " + line)) : fastSim)
                    .run(s, Mode.FAST, ProgressListener.NONE);
            Trajectory fast = run.trajectory();
            System.out.println("ROWS " + s.name() + " perturb " + perturb + " counters " + run.counters());
            for (String id : slow) {
                double[] r = column(ref, slow.indexOf(id));
                double[] f = fast.series(id);
                double worst = 0;
                int at = 0;
                for (int i = 0; i < r.length; i++) {
                    double level = Math.abs(f[i] - r[i]) / Math.max(Math.abs(r[i]), 1e-6);
                    if (level > worst) {
                        worst = level;
                        at = i;
                    }
                }
                System.out.printf(Locale.ROOT, "ROWS %s %-26s worst %.2e row %d (day %d) reference change %+.3e%n",
                        s.name(), id, worst, at, at * 5, (r[r.length - 1] - r[0]) / Math.max(Math.abs(r[0]), 1e-6));
            }
            for (String id : show) {
                double[] r = column(ref, slow.indexOf(id));
                double[] f = fast.series(id);
                for (int i = 0; i < r.length; i += every) {
                    System.out.printf(Locale.ROOT, "ROWS %s %s day %5d reference %.6g fast %.6g rel %+.2e%n", s.name(),
                            id, i * 5, r[i], f[i], (f[i] - r[i]) / Math.max(Math.abs(r[i]), 1e-6));
                }
            }
        }
    }

    private static Scenario rowsEvery5Days(Scenario s, Recording rec, String name) {
        return new Scenario(name, "", s.patient(), s.conditions(), s.interventions(), s.durationDays(), rec);
    }

    /** The default fast settings with relative changes such as {@code flux-0.99&orbit-0.9}; "base" unchanged. */
    private static FastSettings perturbed(String perturb) {
        Map<String, Double> m = new HashMap<>();
        for (String part : perturb.split("&")) {
            String[] kv = part.split("(?=[+-])", 2);
            m.put(kv[0], kv.length > 1 ? Double.parseDouble(kv[1].replace("+", "")) : 0);
        }
        FastSettings d = FastSettings.DEFAULT;
        return new FastSettings(d.maxStepPeriods(), d.samples(), d.maxOrbitPeriods(),
                d.orbitTolerance() * (1 + m.getOrDefault("orbit", 0.0)),
                d.driftTolerance() * (1 + m.getOrDefault("drift", 0.0)),
                d.maxOrbitAgeHours() * (1 + m.getOrDefault("age", 0.0)),
                d.integrationRelativeTolerance() * (1 + m.getOrDefault("int", 0.0)),
                d.fluxTolerance() * (1 + m.getOrDefault("flux", 0.0)), d.stageQuadrature(), d.exactLinearPart(),
                d.frozenMilieu(), m.containsKey("quad") ? d.samples() : d.quadratureSamples(), d.affineOwnStep(),
                d.closedFormVitaminK(), d.reuseRules());
    }

    private static double[][] cachedReference(Scenario s, EngineSimulator sim) {
        try {
            Path dir = Path.of("target/reference-cache-5d");
            Files.createDirectories(dir);
            return AgreementRunner.cachedReference(dir, s, sim);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] column(double[][] v, int c) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i][c];
        }
        return out;
    }
}
