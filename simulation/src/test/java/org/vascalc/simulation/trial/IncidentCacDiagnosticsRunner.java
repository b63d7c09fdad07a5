package org.vascalc.simulation.trial;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.wall.CtScoreSurrogate;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.cohort.CohortProgress;
import org.vascalc.simulation.cohort.CohortRunner;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.scenario.TrialFiles;

/**
 * Why incident CAC (CT score above 0 after follow-up among members with a baseline score of 0) does
 * or does not differ between a trial's arms (docs/model/wall.md, "Incident CAC and calcium intake";
 * anderson2016, anderson2016diet): the trial's members, screened as {@link TrialRunner} screens them
 * (seed 1, baseline CT score read with the member's scan error), each run in the control arm and one
 * compared arm ({@code -Dvascalc.scratch.arm}, default the trial's second), recorded every 3 h. Per
 * member: the coronary intimal micro and macro and the medial mineral at baseline and the end, the
 * largest raw CT volume of any coronary artery and layer relative to the detection limit
 * ({@code ctMinLesionVolumeMm3}; the score is above 0 exactly when this reaches 1), the year the score
 * first exceeds 0, the end score with the member's scan error, and the follow-up means of serum
 * calcium, phosphate, PTH and the milieu drive D(x). Summaries: the arms' incidence, the members that
 * differ, the paired relative change of each mineral pool, and how many members lie within the
 * compared arm's relative change of the detection limit. Options: {@code -Dvascalc.scratch.trial}
 * (default examples/trials/anderson2016.yaml), {@code -Dvascalc.scratch.n} (members, default 200),
 * {@code -Dvascalc.scratch.show} (members printed in full, default 12). A runner, not a test: prints,
 * asserts nothing, runs only with {@code -Dvascalc.scratch=true}.
 */
class IncidentCacDiagnosticsRunner {

    private static final String[] CORONARY = {"lm", "lad", "lcx", "rca"};
    private static final int PER_ROW_HOURS = 3;

    /** What is kept of one member's run. */
    private record Row(double[] micro, double[] macro, double[] medial, double[] margin, double cac0, double cacEnd,
                       double crossYear, double ca, double p, double pth, double d, double macroTotal0, double macroTotal1,
                       double microTotal0, double microTotal1, double medialTotal0, double medialTotal1, double[] hu, double[] rho,
                       double medialFactor) {
    }

    @Test
    void diagnose() {
        Assumptions.assumeTrue(Boolean.getBoolean("vascalc.scratch"));
        int n = Integer.getInteger("vascalc.scratch.n", 200);
        int show = Integer.getInteger("vascalc.scratch.show", 12);
        String file = System.getProperty("vascalc.scratch.trial", "../examples/trials/anderson2016.yaml");
        ParameterCatalog cat = WhatIfCatalog.fromSystemProperty();
        TrialSpec spec = TrialFiles.load(Path.of(file));
        TrialSpec.Arm control = spec.arms().get(0);
        String armLabel = System.getProperty("vascalc.scratch.arm", spec.arms().get(1).label());
        TrialSpec.Arm compared = spec.arm(armLabel).orElseThrow();
        CohortRunner runner = new CohortRunner(new EngineSimulatorFactory(), cat, 2);
        List<VirtualPerson> members = screen(spec, n, cat, runner);
        CtScoreSurrogate ct = CtScoreSurrogate.of(cat);
        CtScoreSurrogate raw = ct.withMinVolume(0);
        double minVol = cat.value("ctMinLesionVolumeMm3");
        double medialDensity = cat.value("medialDensityMgPerCm3");
        double caRef = cat.value("serumCaRefMmolL");
        double pRef = cat.value("serumPRefMmolL");
        double th = cat.value("supersatThreshold");
        System.out.printf(Locale.ROOT, "one coronary artery's media is seen from %.2f mg at %.0f mg/cm3%n",
                medialDetectionMg(raw, minVol, medialDensity), medialDensity);
        List<String> outs = new ArrayList<>(List.of("cacAgatston", "serumCalciumTotal", "serumPhosphate", "pthPgMl"));
        for (String b : CORONARY) {
            for (String s : List.of("medialMineral", "microCalcium", "macroCalcium", "macroDensity")) {
                outs.add("wall." + b + "." + s);
            }
        }
        double days = spec.years() * Time.DAYS_PER_YEAR;
        List<List<Row>> byArm = new ArrayList<>();
        for (TrialSpec.Arm arm : List.of(control, compared)) {
            byArm.add(runner.run(members, p -> {
                Scenario s = TrialRunner.scenario(spec, arm, p, spec.years(), outs);
                return new Scenario(s.name(), s.description(), s.patient(), s.conditions(), s.interventions(), days,
                        new Recording(outs, PER_ROW_HOURS, PER_ROW_HOURS, 0, 0));
            }, Mode.FAST, (p, r) -> read(p, r.trajectory(), raw, minVol, medialDensity, caRef, pRef, th), CohortProgress.NONE));
        }
        report(spec, control.label(), compared.label(), members, byArm.get(0), byArm.get(1), show);
    }

    private static List<VirtualPerson> screen(TrialSpec spec, int n, ParameterCatalog cat, CohortRunner runner) {
        VirtualPopulation pop = new VirtualPopulation(1, cat);
        List<VirtualPerson> members = new ArrayList<>();
        long next = 0;
        List<String> cac = List.of(MemberRun.CAC);
        while (members.size() < n) {
            List<VirtualPerson> batch = new ArrayList<>();
            while (batch.size() < 64) {
                VirtualPerson p = spec.population().draw(pop, next++);
                if (spec.inclusion().ageYears().contains(p.patient().ageYears())) {
                    batch.add(p);
                }
            }
            List<MemberRun> scans = runner.run(batch,
                    p -> TrialRunner.scenario(spec, spec.control(), p, 1 / Time.DAYS_PER_YEAR, cac), Mode.FAST,
                    (p, r) -> MemberRun.of(p, r, cac), CohortProgress.NONE);
            for (MemberRun m : scans) {
                if (members.size() < n && spec.inclusion().baselineCac().contains(m.first()[0])) {
                    members.add(m.person());
                }
            }
        }
        System.out.printf(Locale.ROOT, "screened: %d members among the first %d candidates%n", members.size(),
                members.get(members.size() - 1).index() + 1);
        return members;
    }

    private static Row read(VirtualPerson person, Trajectory t, CtScoreSurrogate raw, double minVol, double medialDensity,
                            double caRef, double pRef, double th) {
        double[] time = t.timesHours();
        double[] cac = t.series("cacAgatston");
        double cross = Double.NaN;
        for (int i = 0; i < cac.length; i++) {
            if (cac[i] > 0) {
                cross = time[i] / 24 / Time.DAYS_PER_YEAR;
                break;
            }
        }
        double[] ca = t.series("serumCalciumTotal");
        double[] ph = t.series("serumPhosphate");
        double[] pth = t.series("pthPgMl");
        double sCa = 0;
        double sP = 0;
        double sPth = 0;
        double sD = 0;
        for (int i = 1; i < ca.length; i++) {
            sCa += ca[i];
            sP += ph[i];
            sPth += pth[i];
            double x = (ca[i] * ph[i] / (caRef * pRef) - th) / (1 - th);
            sD += x > 0 ? x * x : 0;
        }
        int k = ca.length - 1;
        double[] micro = new double[2];
        double[] macro = new double[2];
        double[] medial = new double[2];
        double[] margin = new double[2];
        double[] hu = new double[2];
        double[] rho = new double[2];
        double medialDetect = medialDetectionMg(raw, minVol, medialDensity);
        double medialFactor = Double.POSITIVE_INFINITY;
        for (String b : CORONARY) {
            double m0 = Math.max(value(t, "wall." + b + ".medialMineral", 0), 0);
            double m1 = Math.max(value(t, "wall." + b + ".medialMineral", 1), 0);
            double f = m1 >= medialDetect ? 0 : m1 > m0 ? (medialDetect - m0) / (m1 - m0) : Double.POSITIVE_INFINITY;
            medialFactor = Math.min(medialFactor, f);
        }
        for (int e = 0; e < 2; e++) {
            double best = 0;
            double rhoMass = 0;
            for (String b : CORONARY) {
                double mu = value(t, "wall." + b + ".microCalcium", e);
                double mac = Math.max(value(t, "wall." + b + ".macroCalcium", e), 0);
                double rhoB = value(t, "wall." + b + ".macroDensity", e);
                double med = Math.max(value(t, "wall." + b + ".medialMineral", e), 0);
                micro[e] += mu;
                macro[e] += mac;
                medial[e] += med;
                best = Math.max(best, raw.volume(CtScoreSurrogate.Layer.INTIMAL, mac, rhoB) / minVol);
                best = Math.max(best, raw.volume(CtScoreSurrogate.Layer.MEDIAL, med, medialDensity) / minVol);
                hu[e] = Math.max(hu[e], raw.apparentHu(CtScoreSurrogate.Layer.INTIMAL, mac, rhoB));
                hu[e] = Math.max(hu[e], raw.apparentHu(CtScoreSurrogate.Layer.MEDIAL, med, medialDensity));
                rhoMass += rhoB * mac;
            }
            margin[e] = best;
            rho[e] = macro[e] > 0 ? rhoMass / macro[e] : 0;
        }
        double cac0 = cac[0] * Math.exp(person.scanErrorBaseline());
        double cacEnd = cac[cac.length - 1] * Math.exp(person.scanErrorEnd());
        return new Row(micro, macro, medial, margin, cac0, cacEnd, cross, sCa / k, sP / k, sPth / k, sD / k, macro[0],
                macro[1], micro[0], micro[1], medial[0], medial[1], hu, rho, medialFactor);
    }

    /** The medial mass of one coronary artery whose raw CT volume first reaches the detection limit, mg. */
    private static double medialDetectionMg(CtScoreSurrogate raw, double minVol, double density) {
        double lo = 0;
        double hi = 1000;
        if (raw.volume(CtScoreSurrogate.Layer.MEDIAL, hi, density) < minVol) {
            return Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (raw.volume(CtScoreSurrogate.Layer.MEDIAL, mid, density) >= minVol) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static double value(Trajectory t, String id, int end) {
        return end == 0 ? t.series(id)[0] : t.last(id);
    }

    private static void report(TrialSpec spec, String cLabel, String tLabel, List<VirtualPerson> members, List<Row> c,
                               List<Row> t, int show) {
        int n = members.size();
        System.out.printf(Locale.ROOT, "%n== %s: %s vs %s, %d members, %.1f y ==%n", spec.key(), cLabel, tLabel, n,
                spec.years());
        System.out.println("member  age sex | arm        | micro0  macro0  med0  margin0 | micro1  macro1  med1  margin1 |"
                + " HU0/HU1 | rho0/rho1 | cross y | CT end (scan) | Ca     P      PTH   D");
        int aboveC = 0;
        int aboveT = 0;
        int differ = 0;
        int zeroMacroBaseline = 0;
        int bothMacroZero = 0;
        List<Integer> printed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean ac = c.get(i).cacEnd() > 0;
            boolean at = t.get(i).cacEnd() > 0;
            aboveC += ac ? 1 : 0;
            aboveT += at ? 1 : 0;
            if (ac != at) {
                differ++;
                printed.add(i);
            }
            if (c.get(i).macroTotal0() <= 0) {
                zeroMacroBaseline++;
            }
            if (c.get(i).macroTotal1() <= 0) {
                bothMacroZero++;
            }
        }
        for (int i = 0; i < Math.min(show, n); i++) {
            if (!printed.contains(i)) {
                printed.add(i);
            }
        }
        printed.sort(Integer::compare);
        for (int i : printed) {
            VirtualPerson p = members.get(i);
            for (int a = 0; a < 2; a++) {
                Row r = a == 0 ? c.get(i) : t.get(i);
                System.out.printf(Locale.ROOT,
                        "%6d %4.0f %s | %-10s | %6.3f %7.3f %6.3f %7.3f | %6.3f %7.3f %6.3f %7.3f | %5.1f/%5.1f | %4.0f/%4.0f | %7.3f | %8.2f (%+.2f) | %.4f %.4f %5.1f %.4f%n",
                        p.index(), p.patient().ageYears(), p.patient().sex().name().substring(0, 1),
                        a == 0 ? cLabel : tLabel, r.micro()[0], r.macro()[0], r.medial()[0], r.margin()[0], r.micro()[1],
                        r.macro()[1], r.medial()[1], r.margin()[1], r.hu()[0], r.hu()[1], r.rho()[0], r.rho()[1], r.crossYear(), r.cacEnd(),
                        a == 0 ? p.scanErrorEnd() : p.scanErrorEnd(), r.ca(), r.p(), r.pth(), r.d());
            }
        }
        System.out.printf(Locale.ROOT, "incident: %s %d/%d (%.1f %%), %s %d/%d (%.1f %%); members that differ: %d%n",
                cLabel, aboveC, n, 100.0 * aboveC / n, tLabel, aboveT, n, 100.0 * aboveT / n, differ);
        System.out.printf(Locale.ROOT, "baseline coronary macrocalcium exactly 0: %d of %d; still 0 at the end (control): %d%n",
                zeroMacroBaseline, n, bothMacroZero);
        // paired relative changes of the 10-year gains and of the end pools
        double[] relMacroEnd = new double[n];
        double[] relMedialEnd = new double[n];
        double[] relMicroEnd = new double[n];
        double[] relMargin = new double[n];
        double[] relGainMacro = new double[n];
        double[] relGainMedial = new double[n];
        double dCa = 0;
        double dP = 0;
        double dPth = 0;
        double dD = 0;
        for (int i = 0; i < n; i++) {
            Row a = c.get(i);
            Row b = t.get(i);
            relMacroEnd[i] = ratio(b.macroTotal1(), a.macroTotal1());
            relMedialEnd[i] = ratio(b.medialTotal1(), a.medialTotal1());
            relMicroEnd[i] = ratio(b.microTotal1(), a.microTotal1());
            relMargin[i] = ratio(b.margin()[1], a.margin()[1]);
            relGainMacro[i] = ratio(b.macroTotal1() - b.macroTotal0(), a.macroTotal1() - a.macroTotal0());
            relGainMedial[i] = ratio(b.medialTotal1() - b.medialTotal0(), a.medialTotal1() - a.medialTotal0());
            dCa += b.ca() - a.ca();
            dP += b.p() - a.p();
            dPth += b.pth() - a.pth();
            dD += a.d() > 0 ? b.d() / a.d() - 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%s minus %s, follow-up means: serum Ca %+.5f mmol/L, P %+.5f mmol/L, PTH %+.3f pg/mL, "
                + "D %+.3f %% (mean of paired relative)%n", tLabel, cLabel, dCa / n, dP / n, dPth / n, 100 * dD / n);
        summary("end coronary macrocalcium, % (T/C - 1)", relMacroEnd);
        summary("end coronary microcalcium, % (T/C - 1)", relMicroEnd);
        summary("end coronary medial mineral, % (T/C - 1)", relMedialEnd);
        summary("10-y gain of coronary macrocalcium, % (T/C - 1)", relGainMacro);
        summary("10-y gain of coronary medial mineral, % (T/C - 1)", relGainMedial);
        summary("end largest raw CT volume / detection limit, % (T/C - 1)", relMargin);
        // how close to the detection limit the control arm's members end
        double[] logMargin = new double[n];
        for (int i = 0; i < n; i++) {
            logMargin[i] = Math.log(Math.max(c.get(i).margin()[1], 1e-300));
        }
        for (double w : new double[] {0.001, 0.01, 0.05, 0.1, 0.25}) {
            int near = 0;
            for (double lm : logMargin) {
                if (Math.abs(lm) < w) {
                    near++;
                }
            }
            System.out.printf(Locale.ROOT, "control members whose end raw volume lies within %.1f %% of the detection limit: %d%n",
                    100 * w, near);
        }
        // the compared arm's shift of the year the score first exceeds 0 (members above 0 in both arms), the
        // latest such year in each arm, and the members above 0 in one arm only, each way
        List<Double> shifts = new ArrayList<>();
        double lastC = 0;
        double lastT = 0;
        int onlyC = 0;
        int onlyT = 0;
        for (int i = 0; i < n; i++) {
            double a = c.get(i).crossYear();
            double b = t.get(i).crossYear();
            if (!Double.isNaN(a)) {
                lastC = Math.max(lastC, a);
            }
            if (!Double.isNaN(b)) {
                lastT = Math.max(lastT, b);
            }
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                shifts.add(b - a);
            }
            onlyC += c.get(i).cacEnd() > 0 && !(t.get(i).cacEnd() > 0) ? 1 : 0;
            onlyT += t.get(i).cacEnd() > 0 && !(c.get(i).cacEnd() > 0) ? 1 : 0;
        }
        // The medial route to a first visible lesion: by how much each control member's 10-year coronary
        // medial gain would have to be multiplied for one artery's media to reach the detection limit.
        StringBuilder mf = new StringBuilder("control: coronary medial gain factor needed for a medial lesion to be"
                + " seen by the end (members, of them still at 0):");
        for (double f : new double[] {1, 1.25, 2, 5, 10, 100}) {
            int all = 0;
            int atZero = 0;
            for (Row r : c) {
                if (r.medialFactor() <= f) {
                    all++;
                    atZero += r.cacEnd() > 0 ? 0 : 1;
                }
            }
            mf.append(String.format(Locale.ROOT, " <=%s: %d (%d)", f, all, atZero));
        }
        System.out.println(mf);
        summary("shift of first-above-0 year, " + tLabel + " minus " + cLabel + " (y)",
                shifts.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf(Locale.ROOT, "latest first-above-0 year: %s %.3f, %s %.3f; above 0 only in %s: %d, only in %s: %d%n",
                cLabel, lastC, tLabel, lastT, cLabel, onlyC, tLabel, onlyT);
        int[] byYear = new int[(int) Math.ceil(spec.years()) + 1];
        for (Row r : c) {
            if (!Double.isNaN(r.crossYear())) {
                byYear[(int) Math.floor(r.crossYear())]++;
            }
        }
        StringBuilder sb = new StringBuilder("control: first score above 0 in follow-up year (0-based counts):");
        for (int y = 0; y < byYear.length; y++) {
            sb.append(' ').append(byYear[y]);
        }
        System.out.println(sb);
        StringBuilder cum = new StringBuilder("control: cumulative % above 0 at the end of each year / % of those still at 0 crossing in the year:");
        int sum = 0;
        for (int y = 0; y < byYear.length - 1; y++) {
            int atRisk = n - sum;
            sum += byYear[y];
            cum.append(String.format(Locale.ROOT, " %d:%.1f/%.1f", y + 1, 100.0 * sum / n,
                    atRisk > 0 ? 100.0 * byYear[y] / atRisk : 0));
        }
        System.out.println(cum);
    }

    private static double ratio(double a, double b) {
        return b != 0 ? 100 * (a / b - 1) : (a == 0 ? 0 : Double.NaN);
    }

    private static void summary(String label, double[] v) {
        double[] s = java.util.Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (s.length == 0) {
            System.out.println(label + ": none finite");
            return;
        }
        System.out.printf(Locale.ROOT, "%s: median %+.3f, 5th %+.3f, 95th %+.3f, min %+.3f, max %+.3f (n %d)%n", label,
                s[s.length / 2], s[(int) (0.05 * (s.length - 1))], s[(int) (0.95 * (s.length - 1))], s[0],
                s[s.length - 1], s.length);
    }
}
