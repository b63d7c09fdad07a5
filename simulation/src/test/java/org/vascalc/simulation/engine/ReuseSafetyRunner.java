package org.vascalc.simulation.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}): the eight scenarios of
 * {@code FastVersusReferenceIT} (and the four binder years with every dose an hour later, {@code -shift1h})
 * against reference runs cached in {@code -Dvascalc.scratch.refs} (default
 * {@code target/reference-cache}; delete it when the model changes), with the reuse rules
 * ({@link FastSettings#reuseRules}) off and on ({@code -Dvascalc.scratch.rules=off,on}) and the fast
 * settings perturbed ({@code -Dvascalc.scratch.perturb=base,flux+1e-2,int-1e-3,orbit-0.9&flux-0.9}: the
 * reuse tolerance, the orbit integration's tolerance, the orbit closure, relative changes, joined by
 * {@code &}); the run-in stays on the default settings, so every run starts where the reference did.
 * Prints each run's worst level, the channel and row, orbits and calls ({@code SAFETY} lines; a run that throws
 * is printed as {@code FAILED} with its message and the family goes on: docs/performance-log.md, `exchfast`);
 * {@code -Dvascalc.scratch.trace=true} adds each orbit's reuse decision ({@link BiasProbe#trace});
 * {@code decades,} in {@code -Dvascalc.scratch.only} adds the benchmark decade's and the eGFR-65 decade's
 * counters per rule setting (DECADE lines); {@code -Dvascalc.scratch.family=wide} runs {@link #wideFamily()}
 * instead of the default scenarios. docs/performance-log.md, `reusesafe`, `tol07`.
 */
class ReuseSafetyRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws Exception {
        compare();
    }

    private static void compare() throws Exception {
        var params = ModelAssembly.defaultParameters();
        Path dir = Path.of(System.getProperty("vascalc.scratch.refs", "target/reference-cache"));
        Files.createDirectories(dir);
        String only = System.getProperty("vascalc.scratch.only", "");
        String rules = System.getProperty("vascalc.scratch.rules", "off,on");
        String perturb = System.getProperty("vascalc.scratch.perturb", "base,flux+1e-6,flux-1e-6,int+1e-6,int-1e-6,flux+1e-3,flux-1e-3,int+1e-3,int-1e-3,flux+1e-2,flux-1e-2");
        boolean traceOn = Boolean.getBoolean("vascalc.scratch.trace");
        List<Scenario> scenarios = System.getProperty("vascalc.scratch.family", "").equals("wide") ? wideFamily()
                : defaultFamily();
        List<String> ids = FastVersusReferenceTest.slowChannels();
        FastSettings d = FastSettings.DEFAULT;
        for (Scenario s : scenarios) {
            if (!only.isEmpty() && !only.contains(s.name() + ",")) {
                continue;
            }
            double[][] ref = AgreementRunner.cachedReference(dir, s, new EngineSimulator(params));
            for (String r : rules.split(",")) {
                for (String p : perturb.split(",")) {
                    // e.g. flux+1e-3, int-1e-6, orbit-0.9&flux-0.9; "base" unperturbed
                    java.util.Map<String, Double> m = new java.util.HashMap<>();
                    for (String part : p.split("&")) {
                        String[] kv = part.split("(?=[+-])", 2);
                        m.put(kv[0], kv.length > 1 ? Double.parseDouble(kv[1].replace("+", "")) : 0);
                    }
                    FastSettings f = new FastSettings(d.maxStepPeriods(), d.samples(), d.maxOrbitPeriods(),
                            d.orbitTolerance() * (1 + m.getOrDefault("orbit", 0.0)),
                            d.driftTolerance() * (1 + m.getOrDefault("drift", 0.0)),
                            d.maxOrbitAgeHours(), d.integrationRelativeTolerance() * (1 + m.getOrDefault("int", 0.0)),
                            d.fluxTolerance() * (1 + m.getOrDefault("flux", 0.0)), d.stageQuadrature(), d.exactLinearPart(),
                            d.frozenMilieu(), d.quadratureSamples(), d.affineOwnStep(), d.closedFormVitaminK(), r.equals("on"));
                    EngineSimulator sim = new EngineSimulator(params, Integrators.standard(), f, d, true);
                    if (traceOn) {
                        System.out.println("TRACE " + s.name() + " rules " + r + " " + p);
                        sim = sim.traced(line -> System.out.println("  " + line));
                    }
                    SimulationResult fast;
                    try {
                        fast = sim.run(s, Mode.FAST, ProgressListener.NONE);
                    } catch (RuntimeException e) {
                        // a failed run is a result too (exchfast: a FAST state relaxing in days)
                        System.out.printf(Locale.ROOT, "SAFETY %-32s rules %-3s %-7s FAILED %s%n", s.name(), r, p,
                                e.getMessage());
                        continue;
                    }
                    double[][] v = fast.trajectory().values();
                    double worst = 0;
                    String worstId = "";
                    for (int c = 0; c < ids.size(); c++) {
                        for (int i = 0; i < ref.length; i++) {
                            double x = Math.abs(v[i][c] - ref[i][c]) / Math.max(Math.abs(ref[i][c]), 1e-6);
                            if (x > worst) {
                                worst = x;
                                worstId = ids.get(c) + "@" + i;
                            }
                        }
                    }
                    var k2 = fast.counters();
                    System.out.printf(Locale.ROOT, "SAFETY %-32s rules %-3s %-7s worst %.3e %-22s orbits %s calls %s%n",
                            s.name(), r, p, worst, worstId, k2.get("orbits"), k2.get("derivativeEvaluations"));
                }
            }
        }
        if (only.contains("decades,")) {
            org.vascalc.core.patient.Patient ref = org.vascalc.core.patient.Patient.referenceAdult();
            org.vascalc.core.patient.Patient e65 = new org.vascalc.core.patient.Patient(ref.id() + "-egfr65", ref.ageYears(),
                    ref.sex(), ref.weightKg(), ref.heightCm(), 65, ref.serumCalciumMmolL(), ref.serumPhosphateMmolL(),
                    ref.pthPgMl(), ref.risk());
            for (String r : rules.split(",")) {
                FastSettings f = FastSettings.DEFAULT.withReuseRules(r.equals("on"));
                for (var p : List.of(ref, e65)) {
                    Scenario sc = new Scenario("decade", "", p, List.of(), new ArrayList<>(List.of(
                            Scenarios.supplement(500, org.vascalc.core.intervention.Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                            new org.vascalc.core.intervention.Intervention.VitaminK(org.vascalc.core.intervention.Intervention.VitaminKForm.MK7,
                                    180, org.vascalc.core.intervention.Schedule.daily(8)))),
                            3652.5, new org.vascalc.simulation.Recording(List.of("pth", "mineral.caBone"), 365.25 * 24, 24, 0, 0));
                    var k = new EngineSimulator(params, Integrators.standard(), f, FastSettings.DEFAULT, true)
                            .run(sc, Mode.FAST, ProgressListener.NONE).counters();
                    System.out.printf(Locale.ROOT, "DECADE %-14s rules %-14s orbits %s periods %s orbitSteps %s calls %s%n",
                            p.id(), r, k.get("orbits"), k.get("orbitPeriods"), k.get("orbitSteps"), k.get("derivativeEvaluations"));
                }
            }
        }
    }

    /** The eight scenarios of {@code FastVersusReferenceIT} and the four binder years with every dose an hour later. */
    static List<Scenario> defaultFamily() {
        List<Scenario> scenarios = new ArrayList<>();
        for (Condition.CkdStage stage : List.of(Condition.CkdStage.G5, Condition.CkdStage.G4)) {
            scenarios.add(AgreementScenarios.oneYearCkdWithCarbonateBinder(stage));
            scenarios.add(AgreementScenarios.oneYearCkdWithBinder(stage));
            scenarios.add(AgreementScenarios.oneYearCkdWithCarbonate(stage));
        }
        scenarios.add(AgreementScenarios.oneYearTwiceDailyWithMk7AtEgfr65());
        // The binder years with every dose an hour later (9:00, 14:00, 20:00): another phase of the same regimen.
        for (Condition.CkdStage stage : List.of(Condition.CkdStage.G5, Condition.CkdStage.G4)) {
            for (var kind : List.of(org.vascalc.core.intervention.Intervention.PhosphateBinderKind.CALCIUM_CARBONATE,
                    org.vascalc.core.intervention.Intervention.PhosphateBinderKind.CALCIUM_ACETATE)) {
                boolean carbonate = kind == org.vascalc.core.intervention.Intervention.PhosphateBinderKind.CALCIUM_CARBONATE;
                scenarios.add(Scenarios.of("1y-ckd-" + stage + (carbonate ? "-carbonate-binder" : "-binder") + "-shift1h", 365,
                        new org.vascalc.simulation.Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0),
                        List.of(Condition.KidneyFunctionCourse.stage(stage)),
                        new org.vascalc.core.intervention.Intervention.PhosphateBinder(kind, carbonate ? 1250 : 667,
                                org.vascalc.core.intervention.Schedule.daily(9, 14, 20))));
            }
        }
        scenarios.add(AgreementScenarios.fiveYearsWithMeals());
        return scenarios;
    }

    /** Shifts of every dose of the day, in hours, for the wide family (the day's order is kept). */
    private static final double[] WIDE_SHIFTS = {-1, 0.5, 2, 3};

    /**
     * The wide family ({@code -Dvascalc.scratch.family=wide}; docs/performance-log.md, `tol07`), fixed
     * before any of its results were seen, none of it among the default scenarios: the four binder years
     * (G4/G5 x carbonate/acetate binder) and the two CKD carbonate + MK-7 years with every dose shifted by
     * -1 h, +0.5 h, +2 h and +3 h (24), and the four binder years at 3/4 of the binder dose (4) and at two
     * doses a day, 8:00 and 19:00, each the three-dose year's dose (4): 32 one-year scenarios.
     */
    static List<Scenario> wideFamily() {
        List<Scenario> out = new ArrayList<>();
        for (Condition.CkdStage stage : List.of(Condition.CkdStage.G5, Condition.CkdStage.G4)) {
            for (double shift : WIDE_SHIFTS) {
                String tag = "-shift" + (shift < 0 ? "" : "+") + hours(shift) + "h";
                out.add(binderYear(stage, true, tag, 1, 8 + shift, 13 + shift, 19 + shift));
                out.add(binderYear(stage, false, tag, 1, 8 + shift, 13 + shift, 19 + shift));
                out.add(carbonateYear(stage, tag, shift));
            }
            for (boolean carbonate : List.of(true, false)) {
                out.add(binderYear(stage, carbonate, "-dose3of4", 0.75, 8, 13, 19));
                out.add(binderYear(stage, carbonate, "-bid", 1, 8, 19));
            }
        }
        return out;
    }

    private static String hours(double h) {
        return h == Math.rint(h) ? Long.toString((long) h) : Double.toString(h);
    }

    /** {@link AgreementScenarios#oneYearCkdWithCarbonateBinder} / {@code WithBinder} at another dose or clock. */
    private static Scenario binderYear(Condition.CkdStage stage, boolean carbonate, String tag, double doseFactor,
            double... clock) {
        var kind = carbonate ? org.vascalc.core.intervention.Intervention.PhosphateBinderKind.CALCIUM_CARBONATE
                : org.vascalc.core.intervention.Intervention.PhosphateBinderKind.CALCIUM_ACETATE;
        return Scenarios.of("1y-ckd-" + stage + (carbonate ? "-carbonate-binder" : "-binder") + tag, 365,
                new org.vascalc.simulation.Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0),
                List.of(Condition.KidneyFunctionCourse.stage(stage)),
                new org.vascalc.core.intervention.Intervention.PhosphateBinder(kind, (carbonate ? 1250 : 667) * doseFactor,
                        org.vascalc.core.intervention.Schedule.daily(clock)));
    }

    /** {@link AgreementScenarios#oneYearCkdWithCarbonate} with the supplement and the MK-7 shifted by {@code shift} h. */
    private static Scenario carbonateYear(Condition.CkdStage stage, String tag, double shift) {
        return Scenarios.of("1y-ckd-" + stage + "-carbonate" + tag, 365,
                new org.vascalc.simulation.Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0),
                List.of(Condition.KidneyFunctionCourse.stage(stage)),
                Scenarios.supplement(500, org.vascalc.core.intervention.Intervention.CalciumSalt.CARBONATE, true,
                        8 + shift, 20 + shift),
                new org.vascalc.core.intervention.Intervention.VitaminK(
                        org.vascalc.core.intervention.Intervention.VitaminKForm.MK7, 180,
                        org.vascalc.core.intervention.Schedule.daily(8 + shift)));
    }
}
