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
 * `jitterrenew`): at each renewal of {@link OrbitDrift}'s lag of the adapted PTH, the drift it carried against the
 * reference run's (the slope of the reference's daily mean of {@code mineral.pthAdapted} over the span the lag was
 * in force), beside the renewal's uncertainty estimate. Years: the G5-with-labs carbonate-binder year
 * ({@code labs}) and the wide family's {@code 1y-ckd-G5-carbonate-binder-shift+2h}; {@code -Dvascalc.scratch.only}.
 */
class JitterRenewRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws Exception {
        String only = System.getProperty("vascalc.scratch.only", "labs,1y-ckd-G5-carbonate-binder-shift+2h,");
        Recording rec = new Recording(List.of("mineral.pthAdapted", "mineral.osteoclasts"), 1, 1, 0, 0);
        List<Scenario> list = new ArrayList<>();
        Scenario cb = AgreementScenarios.oneYearCkdWithCarbonateBinder(Condition.CkdStage.G5);
        Scenario labs = AgreementScenarios.withCkdLabs(cb, Condition.CkdStage.G5);
        list.add(new Scenario("labs", "", labs.patient(), labs.conditions(), labs.interventions(), 365, rec));
        for (Scenario w : ReuseSafetyRunner.wideFamily()) {
            list.add(new Scenario(w.name(), "", w.patient(), w.conditions(), w.interventions(), 365, rec));
        }
        EngineSimulator sim = new EngineSimulator(ModelAssembly.defaultParameters());
        Path dir = Path.of("target/jitter-cache");
        Files.createDirectories(dir);
        for (Scenario s : list) {
            if (!only.contains(s.name() + ",")) {
                continue;
            }
            double[][] ref = AgreementRunner.cachedReference(dir, s, sim);
            List<double[]> renewals = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            OrbitDrift.trace = lines::add;
            var run = sim.run(s, Mode.FAST, ProgressListener.NONE);
            OrbitDrift.trace = null;
            System.out.println("JR " + s.name() + " counters " + run.counters());
            for (String l : lines) {
                String[] f = l.split(" ");
                double tau = Double.parseDouble(f[5]);
                if (tau > 9.5 && tau < 10.5) {
                    renewals.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[7]),
                        Double.parseDouble(f[9]), Double.parseDouble(f[11]), Double.parseDouble(f[15]),
                        Double.parseDouble(f[19]), Double.parseDouble(f[13])});
                }
            }
            double[] daily = dailyMean(ref, 0);
            double[][] fastV = run.trajectory().values();
            for (int i = 0; i < renewals.size(); i++) {
                double[] r = renewals.get(i);
                double t0 = r[0];
                double t1 = i + 1 < renewals.size() ? renewals.get(i + 1)[0] : 365 * 24;
                double vTrue = (at(daily, t1) - at(daily, t0)) / (t1 - t0);
                double oc = (fastV[(int) Math.min(t1, fastV.length - 1)][1] - ref[(int) Math.min(t1, ref.length - 1)][1])
                        / ref[(int) Math.min(t1, ref.length - 1)][1];
                System.out.printf(Locale.ROOT,
                        "JR %s day %6.1f to %6.1f mean %.4g slope %+.3e prev %+.3e rate %+.3e true %+.3e "
                        + "relerr %+.3f |s-prev|/|rate| %.3f |v-s|/|rate| %.3f E %.3g ocErr@end %+.2e lagRel %.3e%n",
                        s.name(), t0 / 24, t1 / 24, r[1], r[2], r[3], r[4], vTrue, (r[4] - vTrue) / Math.abs(vTrue),
                        Math.abs(r[2] - r[3]) / Math.abs(r[4]), Math.abs(r[6] - r[2]) / Math.abs(r[4]), r[5], oc,
                        10 * Math.abs(r[4]) / r[1]);
            }
        }
    }

    /** The centred 24-hour mean of column {@code c} of hourly rows (NaN where the window leaves the run). */
    private static double[] dailyMean(double[][] v, int c) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            if (i < 12 || i + 12 > v.length) {
                out[i] = Double.NaN;
                continue;
            }
            double sum = 0;
            for (int j = i - 12; j < i + 12; j++) {
                sum += v[j][c];
            }
            out[i] = sum / 24;
        }
        return out;
    }

    private static double at(double[] d, double hour) {
        int i = (int) Math.round(hour);
        i = Math.max(12, Math.min(d.length - 13, i));
        return d[i];
    }
}
