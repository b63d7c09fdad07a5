package org.vascalc.simulation.mineral;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Intervention.CalciumSalt;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;

/**
 * Prints the CKD supplement table of docs/model/mineral.md ({@code -Dvascalc.ckdsupp=true}): the
 * reference woman at eGFR 95/45/30/15, 1000 mg/day food calcium in three meals, with and without
 * 500 mg calcium carbonate with breakfast and dinner, three years in fast mode; the last day is
 * recorded hourly so that the day's mean and the fasting (07:00) value can be read.
 */
class CkdSupplementRunner {

    static final List<String> IDS = List.of("serumCalciumTotal", "pthPgMl", "calcitriol", "serumPhosphate", "bmd",
            "mineral.caIntakeCum", "mineral.caFaecesCum", "mineral.caUrineCum", "mineral.osteoclasts", "fgf23",
            "mineral.caEcf", "mineral.caBoneExch", "mineral.caBone", "mineral.caAbsorbedCum", "mineral.osteoblasts");

    static Patient woman(double egfr) {
        return new Patient("ref-" + (int) egfr, 60, Sex.FEMALE, 70, 165, egfr, OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), RiskFactors.typical());
    }

    static List<Intervention> arm(boolean supplement) {
        List<Intervention> l = new ArrayList<>();
        l.add(new Intervention.DietaryCalcium(1000.0 / 3, Schedule.daily(8, 13, 19)));
        if (supplement) {
            l.add(new Intervention.CalciumSupplement(500, CalciumSalt.CARBONATE, true, Schedule.daily(8, 19)));
        }
        return l;
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.ckdsupp", matches = "true")
    void print() {
        Simulator sim = SimulatorFactory.load().create(SimulatorFactory.load().defaultParameters());
        double years = Double.parseDouble(System.getProperty("vascalc.ckdsupp.years", "3"));
        double days = Math.round(years * 365.25);
        System.out.println("| eGFR | arm | Ca 07:00 | Ca day mean | PTH 07:00 | PTH mean | calcitriol | phosphate | bmd | urine Ca mmol/d | balance mmol/d (last yr) | OC |");
        for (String e : System.getProperty("vascalc.ckdsupp.egfr", "95,45,30,15").split(",")) {
            double egfr = Double.parseDouble(e);
            for (boolean supp : new boolean[] {false, true}) {
                Scenario s = new Scenario("ckdsupp", "", woman(egfr), List.of(), arm(supp), days + 1,
                        new Recording(IDS, 24 * 365.25 / 4, 1, days, days + 1));
                Trajectory t = sim.run(s, Mode.FAST, ProgressListener.NONE).trajectory();
                double[] time = t.timesHours();
                double[] ca = t.series("serumCalciumTotal");
                double[] pth = t.series("pthPgMl");
                double caMean = 0, pthMean = 0, ca7 = Double.NaN, pth7 = Double.NaN;
                int n = 0, last = time.length - 1, yearAgo = -1;
                for (int i = 0; i < time.length; i++) {
                    if (time[i] >= days * 24 && time[i] < (days + 1) * 24) {
                        caMean += ca[i];
                        pthMean += pth[i];
                        n++;
                        if (Math.abs(time[i] - (days * 24 + 7)) < 1e-6) {
                            ca7 = ca[i];
                            pth7 = pth[i];
                        }
                    }
                    if (yearAgo < 0 && time[i] >= (days + 1) * 24 - 24 * 365.25 - 1e-6) {
                        yearAgo = i;
                    }
                }
                double span = (time[last] - time[yearAgo]) / 24;
                double in = t.series("mineral.caIntakeCum")[last] - t.series("mineral.caIntakeCum")[yearAgo];
                double fae = t.series("mineral.caFaecesCum")[last] - t.series("mineral.caFaecesCum")[yearAgo];
                double ur = t.series("mineral.caUrineCum")[last] - t.series("mineral.caUrineCum")[yearAgo];
                System.out.printf(Locale.ROOT, "| %.0f | %s | %.3f | %.3f | %.1f | %.1f | %.1f | %.3f | %.4f | %.2f | %.2f | %.2f |%n",
                        egfr, supp ? "+1000 mg/d" : "food", ca7, caMean / n, pth7, pthMean / n,
                        t.last("calcitriol"), t.last("serumPhosphate"), t.last("bmd"), ur / span, (in - fae - ur) / span,
                        t.last("mineral.osteoclasts"));
            }
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.hill", matches = "true")
    void hill() {
        // -Dvascalc.hill.set=name=value,... probes a parameter (a look, not a fit)
        java.util.Map<String, Double> set = new java.util.HashMap<>();
        for (String kv : System.getProperty("vascalc.hill.set", "").split(",")) {
            if (!kv.isBlank()) {
                set.put(kv.split("=")[0].trim(), Double.parseDouble(kv.split("=")[1]));
            }
        }
        Simulator sim = SimulatorFactory.load().create(SimulatorFactory.load().defaultParameters().with(set));
        Mode mode = Mode.valueOf(System.getProperty("vascalc.hill.mode", "REFERENCE"));
        double egfr = Double.parseDouble(System.getProperty("vascalc.hill.egfr", "36"));
        double[] r = new double[8];
        for (boolean supp : new boolean[] {false, true}) {
            List<Intervention> l = supp ? List.of(new Intervention.CalciumSupplement(500, CalciumSalt.CARBONATE, true,
                    Schedule.daily(8, 13, 19))) : List.of();
            long t0 = System.nanoTime();
            Scenario s = new Scenario("hill", "", woman(egfr), List.of(), l, 22, new Recording(IDS, 1, 1, 0, 0));
            Trajectory t = sim.run(s, mode, ProgressListener.NONE).trajectory();
            double[] ca = t.series("serumCalciumTotal");
            double[] pth = t.series("pthPgMl");
            double[] in = t.series("mineral.caIntakeCum"), fae = t.series("mineral.caFaecesCum"), ur = t.series("mineral.caUrineCum");
            int d7 = 7 * 24, d21 = 21 * 24;
            System.out.printf(Locale.ROOT, "%s eGFR %.0f %s: fasting Ca day0 %.4f day7 %.4f day14 %.4f day21 %.4f; PTH day0 %.1f day21 %.1f; "
                    + "balance d7-21 %.2f mmol/d (intake %.2f faeces %.2f urine %.2f); %.1f s%n",
                    mode, egfr, supp ? "carbonate" : "placebo", ca[7], ca[7 * 24 + 7], ca[14 * 24 + 7], ca[21 * 24 + 7], pth[7], pth[21 * 24 + 7],
                    ((in[d21] - in[d7]) - (fae[d21] - fae[d7]) - (ur[d21] - ur[d7])) / 14, (in[d21] - in[d7]) / 14,
                    (fae[d21] - fae[d7]) / 14, (ur[d21] - ur[d7]) / 14, (System.nanoTime() - t0) / 1e9);
            int e = 21 * 24 + 7;
            System.out.printf(Locale.ROOT, "  day 0-21 (07:00): dECF %.2f dQ %.2f dQbone %.2f mmol; net absorbed %.2f urine %.2f mmol; OC %.3f -> %.3f OB %.3f -> %.3f%n",
                    t.series("mineral.caEcf")[e] - t.series("mineral.caEcf")[7], t.series("mineral.caBoneExch")[e] - t.series("mineral.caBoneExch")[7],
                    t.series("mineral.caBone")[e] - t.series("mineral.caBone")[7], t.series("mineral.caAbsorbedCum")[e] - t.series("mineral.caAbsorbedCum")[7],
                    ur[e] - ur[7], t.series("mineral.osteoclasts")[7], t.series("mineral.osteoclasts")[e],
                    t.series("mineral.osteoblasts")[7], t.series("mineral.osteoblasts")[e]);
        }
    }
}
