package org.vascalc.simulation.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;

/**
 * The CRIC-like cohort's mineral labs with the measurement switch {@code vascalc.ckdLabsCalcitriol} off
 * and on (docs/model/mineral.md, "Calcitriol of a CKD patient with labs, built and measured"): the members
 * of {@code vascalc cohort --population cric --size N --years 1} (seed 1, the whole model, fast mode),
 * their calcium, phosphate, PTH, calcitriol and FGF23 at the start and after a year; quantiles over the
 * members. Developer aid, on request only ({@code -Dvascalc.scratch=true}; {@code -Dvascalc.scratch.members}
 * default 200).
 */
class CricLabsCalcitriolRunner {

    private static final List<String> LABS = List.of("serumCalciumTotal", "serumPhosphate", "pthPgMl", "calcitriol",
            "fgf23");

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        ParameterCatalog base = ModelAssembly.defaultParameters();
        int n = Integer.getInteger("vascalc.scratch.members", 200);
        VirtualPopulation population = new VirtualPopulation(1, base);
        double[][][][] v = new double[2][LABS.size()][2][n];
        for (int sw = 0; sw < 2; sw++) {
            if (sw == 1) {
                System.setProperty(MineralBlock.CKD_LABS_CALCITRIOL_PROPERTY, "true");
            } else {
                System.clearProperty(MineralBlock.CKD_LABS_CALCITRIOL_PROPERTY);
            }
            for (int i = 0; i < n; i++) {
                VirtualPerson person = population.cric(i);
                Scenario s = new Scenario(person.patient().id(), "", person.patient(), List.of(), List.of(), 365.25,
                        new Recording(LABS, 365.25 * 24, 365.25 * 24, 0, 0));
                SimulationResult r = new EngineSimulator(base.with(person.individualParameters()))
                        .run(s, Mode.FAST, ProgressListener.NONE);
                for (int k = 0; k < LABS.size(); k++) {
                    v[sw][k][0][i] = r.trajectory().series(LABS.get(k))[0];
                    v[sw][k][1][i] = r.trajectory().last(LABS.get(k));
                }
            }
        }
        System.clearProperty(MineralBlock.CKD_LABS_CALCITRIOL_PROPERTY);
        for (int k = 0; k < LABS.size(); k++) {
            for (int when = 0; when < 2; when++) {
                for (int sw = 0; sw < 2; sw++) {
                    System.out.println(String.format(Locale.ROOT, "CRICLABS %-17s %-5s %-3s %s", LABS.get(k),
                            when == 0 ? "start" : "1 y", sw == 0 ? "off" : "on", quantiles(v[sw][k][when])));
                }
            }
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = (v[1][k][1][i] - v[0][k][1][i]) / v[0][k][1][i];
            }
            System.out.println(String.format(Locale.ROOT, "CRICLABS %-17s 1 y on/off - 1 %s", LABS.get(k), quantiles(d)));
        }
    }

    private static String quantiles(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(Double.NaN);
        return String.format(Locale.ROOT, "p5 %.4g p25 %.4g median %.4g p75 %.4g p95 %.4g mean %.4g", q(s, 0.05),
                q(s, 0.25), q(s, 0.5), q(s, 0.75), q(s, 0.95), mean);
    }

    private static double q(double[] s, double p) {
        double h = (s.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }
}
