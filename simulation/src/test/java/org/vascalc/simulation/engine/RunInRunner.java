package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}): the fast run-in ({@link Stabiliser})
 * of CKD patients without labs against a reference-mode run-in of the same length (every habitual
 * meal resolved), lab by lab and state by state, with the derivative calls of each; and
 * ({@code oneYear}, {@code -Dvascalc.scratch.yearStages=G4,G5}) a year of daily dosing from the shared CKD
 * start in both modes, with series of chosen channels ({@code -Dvascalc.scratch.series=...}) and the
 * fast settings varied by {@code -Dvascalc.scratch.orbitRtol}, {@code fluxTol}, {@code maxStep},
 * {@code samples}, {@code maxOrbitAge} (docs/performance-log.md, "CKD run-in").
 */
class RunInRunner {

    static FastSettings settings() {
        FastSettings d = FastSettings.DEFAULT;
        double age = Double.parseDouble(System.getProperty("vascalc.scratch.maxOrbitAge", String.valueOf(d.maxOrbitAgeHours())));
        return new FastSettings(d.maxStepPeriods(), d.samples(), d.maxOrbitPeriods(), d.orbitTolerance(),
                d.driftTolerance(), age, d.integrationRelativeTolerance(), d.fluxTolerance(), d.stageQuadrature(), d.exactLinearPart());
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws java.io.IOException {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        String stages = System.getProperty("vascalc.scratch.stages", "G3B,G4,G5");
        for (String st : stages.split(",")) {
            Condition.CkdStage stage = Condition.CkdStage.valueOf(st);
            List<Condition> conditions = List.of(Condition.KidneyFunctionCourse.stage(stage));
            Scenario sc = Scenarios.of("runin", 30, Recording.every(24), conditions);
            AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(p), new DriverCourse(sc, p));
            double[] y0 = InitialisedModels.initialState(model, sc.patient());
            Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
            List<String> ids = new ArrayList<>(ModelAssembly.stabilisationOutputs());
            ids.addAll(List.of("mineral.po4Icf", "mineral.caBone", "mineral.caBoneExch", "mineral.osteoclasts",
                    "mineral.osteoblasts", "mineral.caUrineCum", "mineral.po4UrineCum", "mineral.caAbsorbedCum",
                    "mineral.po4AbsorptionCapacity"));
            double[] yf = y0.clone();
            List<double[]> fastRows = new ArrayList<>();
            long e0 = model.evaluations();
            double hours = Stabiliser.stabilise(model, p, Integrators.standard(), tol, settings(), yf, Stabiliser.MAX_YEARS * 8766, (h, y) -> {
                double[] r = new double[ids.size() + 1];
                r[0] = h;
                for (int k = 0; k < ids.size(); k++) {
                    r[k + 1] = RecordingPlan.value(ids.get(k), model, y, model.driversAt(0));
                }
                fastRows.add(r);
            }, Stabiliser.Pace.CHUNKS);
            long fastCalls = model.evaluations() - e0;
            double[] yr = y0.clone();
            double years = Double.parseDouble(System.getProperty("vascalc.scratch.refYears", "5"));
            double refHours = Math.round(years * 8766 / 720) * 720.0;
            java.nio.file.Path file = java.nio.file.Path.of("target/reference-cache/runin-" + stage + "-" + refHours + ".bin");
            double[][] ref;
            long refCalls = -1;
            if (java.nio.file.Files.exists(file)) {
                ref = AgreementRunner.read(file);
                yr = ref[ref.length - 1];
                ref = java.util.Arrays.copyOf(ref, ref.length - 1);
            } else {
                model.course().setStabilising(true);
                IntakeTimeline meals = IntakeTimeline.habitualOnly(p, refHours / 24);
                RecordingPlan plan = new RecordingPlan(new Recording(ids, 720, 720, 0, 0), refHours, model);
                e0 = model.evaluations();
                ReferenceRun.run(model, Integrators.standard(), tol, meals, plan, yr, 0, refHours, ProgressListener.NONE);
                refCalls = model.evaluations() - e0;
                model.course().setStabilising(false);
                ref = plan.trajectory().values();
                double[][] all = java.util.Arrays.copyOf(ref, ref.length + 1);
                all[ref.length] = yr;
                java.nio.file.Files.createDirectories(file.getParent());
                AgreementRunner.write(file, all);
            }
            System.out.printf(Locale.ROOT, "%s fast run-in %.0f h, %d calls; reference run-in %.0f h, %d calls%n", stage,
                    hours, fastCalls, refHours, refCalls);
            StringBuilder head = new StringBuilder("   days");
            for (String id : ids) {
                head.append(String.format(Locale.ROOT, " %12s", id.length() > 12 ? id.substring(id.length() - 12) : id));
            }
            System.out.println(head);
            for (double[] r : fastRows) {
                int i = (int) Math.round(r[0] / 720);
                if (i >= ref.length || !(i <= 12 || i % 6 == 0 || i == ref.length - 1)) {
                    continue;
                }
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%7.0f", r[0] / 24));
                for (int k = 0; k < ids.size(); k++) {
                    sb.append(String.format(Locale.ROOT, " %12.3e", (r[k + 1] - ref[i][k]) / ref[i][k]));
                }
                System.out.println(sb);
                sb = new StringBuilder("    ref");
                for (int k = 0; k < ids.size(); k++) {
                    sb.append(String.format(Locale.ROOT, " %12.6g", ref[i][k]));
                }
                System.out.println(sb);
            }
            for (String id : ModelAssembly.stabilisationOutputs()) {
                double a = RecordingPlan.value(id, model, yf, model.driversAt(0));
                double b = RecordingPlan.value(id, model, yr, model.driversAt(0));
                System.out.printf(Locale.ROOT, "  lab %-20s fast %.6g ref %.6g rel %.3e%n", id, a, b, (a - b) / b);
            }
            for (StateVariable v : model.layout().variables()) {
                int i = model.layout().index(v.id());
                double rel = (yf[i] - yr[i]) / Math.max(Math.abs(yr[i]), 1e-6);
                if (Math.abs(rel) > 1e-3) {
                    System.out.printf(Locale.ROOT, "  state %-28s %-5s fast %.6g ref %.6g rel %.3e%n", v.id(), v.timeScale(),
                            yf[i], yr[i], rel);
                }
            }
        }
    }

    /** One year of daily dosing from the shared CKD start, fast against reference (the agreement tests' measure). */
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void oneYear() {
        String stages = System.getProperty("vascalc.scratch.yearStages", "");
        for (String st : stages.isEmpty() ? new String[0] : stages.split(",")) {
            Condition.CkdStage stage = Condition.CkdStage.valueOf(st);
            List<Condition> conditions = List.of(Condition.KidneyFunctionCourse.stage(stage));
            Recording rec = new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 24, 0, Integer.getInteger("vascalc.scratch.fineDays", 0));
            Scenario carbonate = Scenarios.of("1y-" + stage + "-carbonate", 365, rec, conditions,
                    Scenarios.supplement(500, org.vascalc.core.intervention.Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                    new org.vascalc.core.intervention.Intervention.VitaminK(
                            org.vascalc.core.intervention.Intervention.VitaminKForm.MK7, 180,
                            org.vascalc.core.intervention.Schedule.daily(8)));
            Scenario binder = Scenarios.of("1y-" + stage + "-binder", 365, rec, conditions,
                    new org.vascalc.core.intervention.Intervention.PhosphateBinder(
                            org.vascalc.core.intervention.Intervention.PhosphateBinderKind.CALCIUM_ACETATE, 667,
                            org.vascalc.core.intervention.Schedule.daily(8, 13, 19)));
            for (Scenario s : List.of(carbonate, binder)) {
                if (!s.name().contains(System.getProperty("vascalc.scratch.only", ""))) {
                    continue;
                }
                String series = System.getProperty("vascalc.scratch.series", "");
                if (!series.isEmpty()) {
                    FastSettings d = FastSettings.DEFAULT;
                    FastSettings fs = new FastSettings(Integer.getInteger("vascalc.scratch.maxStep", d.maxStepPeriods()), Integer.getInteger("vascalc.scratch.samples", d.samples()), d.maxOrbitPeriods(),
                            d.orbitTolerance(), d.driftTolerance(), Double.parseDouble(System.getProperty("vascalc.scratch.maxOrbitAge", String.valueOf(d.maxOrbitAgeHours()))),
                            Double.parseDouble(System.getProperty("vascalc.scratch.orbitRtol", "2e-3")),
                            Double.parseDouble(System.getProperty("vascalc.scratch.fluxTol", "3e-3")), d.stageQuadrature(), d.exactLinearPart());
                    EngineSimulator sim = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), fs);
                    var ref = sim.run(s, org.vascalc.simulation.Mode.REFERENCE, ProgressListener.NONE).trajectory();
                    var fast = sim.run(s, org.vascalc.simulation.Mode.FAST, ProgressListener.NONE).trajectory();
                    for (String id : series.split(",")) {
                        double[] r = ref.series(id);
                        double[] f = fast.series(id);
                        for (int i = 0; i < r.length; i++) {
                            System.out.printf(Locale.ROOT, "%s %s t=%.0f ref %.6g fast %.6g rel %.3e%n", s.name(), id,
                                    ref.time(i) / 24, r[i], f[i], (f[i] - r[i]) / r[i]);
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "%s worst %.3e%n", s.name(), FastVersusReferenceTest.worstRelativeDifference(s));
            }
        }
    }
}
