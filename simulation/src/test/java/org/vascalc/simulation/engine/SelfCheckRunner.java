package org.vascalc.simulation.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;
import org.vascalc.simulation.scenario.TrialFiles;
import org.vascalc.simulation.trial.TrialSpec;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}): can fast mode tell from its own error control
 * when its 1 % agreement with reference mode is not assured (selfcheck, fifty-fourth session; docs/performance-log.md)?
 * For every measured year (the default and wide families of {@link ReuseSafetyRunner}, the other cases of
 * {@code FastVersusReferenceIT}, the CKD years with labs, care2's dialysis members 0 and 5 in both arms) prints a
 * {@code SELFCHECK} line: the worst level at the 73-day rows against the cached reference
 * ({@code target/reference-cache}, {@code target/reference-cache-hd} for the dialysis years with daily rows, as
 * {@code DialysisOnsetRunner}), and indicators the fast run knows by itself, read from the run's trace ({@link BiasProbe#trace}): the
 * largest and the summed worst end error of the intervals measured at orbits from day {@code -Dvascalc.scratch.from}
 * (default 60) on, the number past the limit (> 1) from then and over the whole run (and past 2 and 4), the largest
 * over the whole run, the orbits, the orbits due to the drift guard, {@link OrbitDrift}'s lag renewals (reconstructed
 * from the orbit days), and the fast run's osteoclasts (their largest relative fall per day between the 73-day rows,
 * end and least value relative to the start). The
 * benchmark decade and the eGFR-65 decade ({@code decades,} in {@code -Dvascalc.scratch.only}) print indicators only
 * (no reference). {@code -Dvascalc.scratch.only} picks years by name (comma-terminated).
 */
class SelfCheckRunner {

    private static final Pattern ORBIT = Pattern.compile(
            "ORBIT day\\s+([0-9.]+) after\\s+(\\S+) d \\((\\w+)(, stabilising)?\\).*?error (\\S+) \\(worst end error\\), set by (\\S+) at (\\S+) weighted");

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        var params = ModelAssembly.defaultParameters();
        String only = System.getProperty("vascalc.scratch.only", "");
        double from = Double.parseDouble(System.getProperty("vascalc.scratch.from", "60"));
        Path dir = Path.of("target/reference-cache");
        Path hdDir = Path.of("target/reference-cache-hd");
        Files.createDirectories(dir);
        Files.createDirectories(hdDir);
        List<Scenario> years = new ArrayList<>(ReuseSafetyRunner.defaultFamily());
        years.addAll(ReuseSafetyRunner.wideFamily());
        for (Condition.CkdStage stage : List.of(Condition.CkdStage.G4, Condition.CkdStage.G5)) {
            years.add(AgreementScenarios.withCkdLabs(AgreementScenarios.oneYearCkdWithBinder(stage), stage));
            years.add(AgreementScenarios.withCkdLabs(AgreementScenarios.oneYearCkdWithCarbonateBinder(stage), stage));
        }
        Scenario hd = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/haemodialysis.yaml")).scenario();
        years.add(new Scenario("haemodialysis-example", hd.description(), hd.patient(), hd.conditions(),
                hd.interventions(), hd.durationDays(),
                new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0)));
        years.addAll(heldOut());
        List<String> slow = FastVersusReferenceTest.slowChannels();
        {
            for (Scenario s : years) {
                if (!only.isEmpty() && !only.contains(s.name() + ",")) {
                    continue;
                }
                double[][] ref = AgreementRunner.cachedReference(dir, s, new EngineSimulator(params));
                report(s, ref, 1, slow, from);
            }
            TrialSpec spec = TrialFiles.load(ProjectFiles.require("examples/trials/care2.yaml"));
            VirtualPopulation pop = new VirtualPopulation(1, params);
            List<String> channels = new ArrayList<>(slow);
            channels.addAll(List.of("mineral.pth", "mineral.pthAdapted", "mineral.caEcf"));
            for (int member : new int[] {0, 5}) {
                VirtualPerson p = spec.baselineLabs().applyTo(pop.cric(member), 1);
                for (String arm : List.of("calcium-acetate", "sevelamer")) {
                    String name = "care2-" + arm + "-m" + member;
                    if (!only.isEmpty() && !only.contains(name + ",")) {
                        continue;
                    }
                    // As DialysisOnsetRunner (branch hdonset): daily rows at hour 0, the 73-day rows judged.
                    Scenario s = DialysisOnsetRunner.armYear(name, spec, p, arm, channels);
                    double[][] ref = AgreementRunner.cachedReference(hdDir, s, new EngineSimulator(params));
                    report(s, ref, 73, slow, from);
                }
            }
            if (only.contains("decades,")) {
                var refAdult = org.vascalc.core.patient.Patient.referenceAdult();
                var e65 = new org.vascalc.core.patient.Patient(refAdult.id() + "-egfr65", refAdult.ageYears(),
                        refAdult.sex(), refAdult.weightKg(), refAdult.heightCm(), 65, refAdult.serumCalciumMmolL(),
                        refAdult.serumPhosphateMmolL(), refAdult.pthPgMl(), refAdult.risk());
                for (var p : List.of(refAdult, e65)) {
                    // ReuseSafetyRunner's DECADE (the benchmark regimen), every 73 days.
                    Scenario sc = new Scenario("decade-" + p.id(), "", p, List.of(), List.of(
                            Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                            new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))),
                            3652.5, new Recording(slow, 73 * 24, 73 * 24, 0, 0));
                    report(sc, null, 1, slow, from);
                }
            }
        }
    }

    /**
     * Eight years fixed before any of their results were seen (selfcheck, after the 53 years' table), to test the
     * candidate marker "osteoclasts below a tenth of their start" on years it was not read from: the carbonate binder
     * at 1.25 and 1.5 times its dose (G4, G5), the acetate binder at 1.5 times (G5), the G5 carbonate binder at -2 h,
     * the G5 patient with labs on the carbonate binder at +2 h and the G4 patient with labs at 1.5 times its dose.
     */
    static List<Scenario> heldOut() {
        List<Scenario> out = new ArrayList<>();
        out.add(binder(Condition.CkdStage.G5, true, "-dose5of4", 1.25, 0));
        out.add(binder(Condition.CkdStage.G5, true, "-dose3of2", 1.5, 0));
        out.add(binder(Condition.CkdStage.G4, true, "-dose5of4", 1.25, 0));
        out.add(binder(Condition.CkdStage.G4, true, "-dose3of2", 1.5, 0));
        out.add(binder(Condition.CkdStage.G5, false, "-dose3of2", 1.5, 0));
        out.add(binder(Condition.CkdStage.G5, true, "-shift-2h", 1, -2));
        out.add(AgreementScenarios.withCkdLabs(binder(Condition.CkdStage.G5, true, "-shift+2h", 1, 2), Condition.CkdStage.G5));
        out.add(AgreementScenarios.withCkdLabs(binder(Condition.CkdStage.G4, true, "-dose3of2", 1.5, 0), Condition.CkdStage.G4));
        return out;
    }

    private static Scenario binder(Condition.CkdStage stage, boolean carbonate, String tag, double doseFactor, double shift) {
        var kind = carbonate ? Intervention.PhosphateBinderKind.CALCIUM_CARBONATE : Intervention.PhosphateBinderKind.CALCIUM_ACETATE;
        return Scenarios.of("1y-ckd-" + stage + (carbonate ? "-carbonate-binder" : "-binder") + tag, 365,
                new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0),
                List.of(Condition.KidneyFunctionCourse.stage(stage)),
                new Intervention.PhosphateBinder(kind, (carbonate ? 1250 : 667) * doseFactor,
                        Schedule.daily(8 + shift, 13 + shift, 19 + shift)));
    }

    private static void report(Scenario s, double[][] ref, int stride, List<String> slow, double from) {
        List<String> lines = new ArrayList<>();
        SimulationResult fast = new EngineSimulator(ModelAssembly.defaultParameters()).traced(lines::add)
                .run(s, Mode.FAST, ProgressListener.NONE);
        double[][] v = fast.trajectory().values();
        double worst = Double.NaN;
        String where = "-";
        if (ref != null) {
            worst = 0;
            for (int c = 0; c < slow.size(); c++) {
                for (int i = 0; i < ref.length; i += stride) {
                    double level = Math.abs(v[i][c] - ref[i][c]) / Math.max(Math.abs(ref[i][c]), 1e-6);
                    if (level > worst) {
                        worst = level;
                        where = slow.get(c) + "@" + i / stride;
                    }
                }
            }
        }
        double maxLate = 0;
        double sumLate = 0;
        int pastLate = 0;
        double maxAll = 0;
        int pastAll = 0;
        double maxWeightedLate = 0;
        int orbits = 0;
        int drift = 0;
        int past2 = 0;
        int past4 = 0;
        // OrbitDrift's renewals, reconstructed from the orbit days: a slope is taken at an orbit at least
        // OrbitDrift.MIN_SPAN_HOURS after the last one's base (the run's first orbit sets the first base).
        int renewals = 0;
        double base = Double.NaN;
        String maxLateAt = "-";
        for (String line : lines) {
            Matcher m = ORBIT.matcher(line);
            if (line.contains(", stabilising")) {
                continue;
            }
            if (line.startsWith("ORBIT")) {
                orbits++;
                double t = Double.parseDouble(line.substring(9, line.indexOf(" after")).trim()) * 24;
                if (Double.isNaN(base)) {
                    base = t;
                } else if (t - base >= OrbitDrift.MIN_SPAN_HOURS - 1e-9) {
                    renewals++;
                    base = t;
                }
                if (line.contains("(drift")) {
                    drift++;
                }
            }
            if (!m.find()) {
                continue;
            }
            double day = Double.parseDouble(m.group(1));
            double e = Double.parseDouble(m.group(5));
            double w = Double.parseDouble(m.group(7));
            if (!Double.isFinite(e)) {
                continue;
            }
            maxAll = Math.max(maxAll, e);
            pastAll += e > 1 ? 1 : 0;
            past2 += e > 2 ? 1 : 0;
            past4 += e > 4 ? 1 : 0;
            if (day >= from - 1e-9) {
                if (e > maxLate) {
                    maxLate = e;
                    maxLateAt = String.format(Locale.ROOT, "d%.0f/%s", day, m.group(6));
                }
                sumLate += e;
                pastLate += e > 1 ? 1 : 0;
                maxWeightedLate = Math.max(maxWeightedLate, w);
            }
        }
        int oc = slow.indexOf("mineral.osteoclasts");
        double fall = 0;
        for (int i = stride; i < v.length; i += stride) {
            double days = (fast.trajectory().timesHours()[i] - fast.trajectory().timesHours()[i - stride]) / 24;
            fall = Math.max(fall, -Math.log(v[i][oc] / v[i - stride][oc]) / days);
        }
        double ocEnd = v[v.length - 1][oc] / v[0][oc];
        double ocMin = 1;
        for (int i = 0; i < v.length; i++) {
            ocMin = Math.min(ocMin, v[i][oc] / v[0][oc]);
        }
        System.out.printf(Locale.ROOT,
                "SELFCHECK %-40s worst %.3e %-26s maxLate %7.3f at %-26s sumLate %8.3f pastLate %3d maxWLate %7.3f maxAll %7.3f pastAll %3d orbits %4d drift %3d ocFall %.4f ocEnd %.3f calls %s past2 %d past4 %d renewals %d ocMin %.3f%n",
                s.name(), worst, where, maxLate, maxLateAt, sumLate, pastLate, maxWeightedLate, maxAll, pastAll, orbits,
                drift, fall, ocEnd, fast.counters().get("derivativeEvaluations"), past2, past4, renewals, ocMin);
    }
}
