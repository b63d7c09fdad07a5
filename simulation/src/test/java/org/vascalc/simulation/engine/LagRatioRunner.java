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
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}; docs/performance-log.md, fifty-third session,
 * `lagform`): the bone efflux's lag as both modes carry it, from quarter-hourly rows: the daily mean of
 * {@code ln(PTH / A)} (A the adapted PTH; on a frozen-SLOW orbit it averages to exactly 0, since
 * {@code d ln A/dt = k ln(PTH/A)} is periodic there, so its daily mean in either mode is the lag itself), beside
 * the osteoclasts' error. {@code -Dvascalc.scratch.only} as {@link LagFormRunner}.
 */
class LagRatioRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws Exception {
        String only = System.getProperty("vascalc.scratch.only", "1y-ckd-G5-carbonate-binder-shift+2h,");
        Recording rec = new Recording(List.of("mineral.pth", "mineral.pthAdapted", "mineral.osteoclasts", "mineral.caEcf",
                "mineral.caBoneExch", "mineral.caBone", "mineral.glandPool", "mineral.glandCapacity", "mineral.osteoblasts",
                "mineral.po4Ecf", "mineral.calcitriol"),
                0.25, 0.25, 0, 0);
        List<Scenario> list = new ArrayList<>();
        Scenario cb = AgreementScenarios.oneYearCkdWithCarbonateBinder(Condition.CkdStage.G5);
        Scenario labs = AgreementScenarios.withCkdLabs(cb, Condition.CkdStage.G5);
        list.add(new Scenario("labs", "", labs.patient(), labs.conditions(), labs.interventions(), 365, rec));
        for (Scenario w : ReuseSafetyRunner.wideFamily()) {
            list.add(new Scenario(w.name(), "", w.patient(), w.conditions(), w.interventions(), 365, rec));
        }
        EngineSimulator sim = new EngineSimulator(ModelAssembly.defaultParameters());
        Path dir = Path.of("target/lagratio2-cache");
        Files.createDirectories(dir);
        for (Scenario s : list) {
            if (!only.contains(s.name() + ",")) {
                continue;
            }
            double[][] ref = AgreementRunner.cachedReference(dir, s, sim);
            double[][] fast = sim.run(s, Mode.FAST, ProgressListener.NONE).trajectory().values();
            int perDay = 96;
            for (int d = 1; d <= 42; d++) {
                int e = d * perDay;
                System.out.printf(Locale.ROOT, "LD %s day %d oc %+.2e ob %+.2e exch %+.2e caEcf %+.2e pth %+.2e%n", s.name(), d,
                        (fast[e][2] - ref[e][2]) / ref[e][2], (fast[e][8] - ref[e][8]) / ref[e][8],
                        (fast[e][4] - ref[e][4]) / ref[e][4], dayMean(fast, d - 1, 3) / dayMean(ref, d - 1, 3) - 1,
                        dayMean(fast, d - 1, 0) / dayMean(ref, d - 1, 0) - 1);
            }
            int days = Math.min(ref.length, fast.length) / perDay;
            for (int d = 0; d + 7 <= days; d += 7) {
                double lr = 0;
                double lf = 0;
                for (int i = d * perDay; i < (d + 7) * perDay; i++) {
                    lr += Math.log(ref[i][0] / ref[i][1]);
                    lf += Math.log(fast[i][0] / fast[i][1]);
                }
                lr /= 7 * perDay;
                lf /= 7 * perDay;
                int e = Math.min((d + 7) * perDay, ref.length - 1);
                double a0r = dayMean(ref, d, 1);
                double a1r = dayMean(ref, d + 7 < days ? d + 7 : d + 6, 1);
                double lagRef = 10.1 * Math.log(a1r / a0r) / ((d + 7 < days ? 7 : 6) * 24.0);
                System.out.printf(Locale.ROOT,
                        "LR %s days %3d-%3d meanLn(P/A) ref %.7f fast-ref %+.3e | 10h*dlnA/dt ref %+.3e (fast-ref)/that %+.3f | A fast/ref-1 %+.2e"
                        + " caEcf %+.2e ocErr %+.2e%n",
                        s.name(), d, d + 7, lr, lf - lr, lagRef, (lf - lr) / lagRef,
                        dayMean(fast, d, 1) / dayMean(ref, d, 1) - 1, dayMean(fast, d, 3) / dayMean(ref, d, 3) - 1,
                        (fast[e][2] - ref[e][2]) / ref[e][2]);
                StringBuilder sb = new StringBuilder("LS " + s.name() + " day " + (d + 7) + ":");
                String[] nm = {"exch", "bone", "pool", "cap", "ob", "po4", "ctr"};
                for (int c = 4; c < 11; c++) {
                    sb.append(String.format(Locale.ROOT, " %s %+.2e", nm[c - 4], (fast[e][c] - ref[e][c]) / ref[e][c]));
                }
                System.out.println(sb);
            }
        }
    }

    private static double dayMean(double[][] v, int day, int c) {
        double sum = 0;
        for (int i = day * 96; i < (day + 1) * 96; i++) {
            sum += v[i][c];
        }
        return sum / 96;
    }
}
