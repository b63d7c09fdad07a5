package org.vascalc.simulation.mineral;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;
import org.vascalc.core.units.Time;

/**
 * Diagnosis of PTH in CKD (docs/model/mineral.md, "PTH in CKD"): the chain calcium, phosphate,
 * calcitriol, FGF23, gland pool and capacity, gut absorption, urine calcium and bone cells against eGFR,
 * held for {@code vascalc.ckdpth.years} after stabilisation, fast mode ({@code -Dvascalc.ckdpth=true};
 * {@code -Dvascalc.ckdpth.set=name=value,...} probes a parameter: a look, not a fit).
 */
class CkdPthRunner {

    static final List<String> IDS = List.of("serumCalciumTotal", "serumCalciumIonised", "serumPhosphate", "pthPgMl",
            "calcitriol", "fgf23", "bmd", "urinaryCalcium", "absorbedCalcium", "mineral.osteoclasts",
            "mineral.osteoblasts", "mineral.glandPool", "mineral.glandCapacity", "mineral.caUrineCum",
            "mineral.caAbsorbedCum");

    @Test
    @EnabledIfSystemProperty(named = "vascalc.ckdpth", matches = "true")
    void print() {
        // probes separated by ';', each a comma-separated list of name=value
        for (String probe : System.getProperty("vascalc.ckdpth.set", "").split(";", -1)) {
            print(probe);
        }
    }

    private static void print(String probe) {
        Map<String, Double> set = new HashMap<>();
        for (String kv : probe.split(",")) {
            if (kv.contains("=")) {
                set.put(kv.split("=")[0].trim(), Double.parseDouble(kv.split("=")[1]));
            }
        }
        Simulator sim = SimulatorFactory.load().create(SimulatorFactory.load().defaultParameters().with(set));
        double years = Double.parseDouble(System.getProperty("vascalc.ckdpth.years", "3"));
        System.out.println("set " + set);
        System.out.println("| eGFR | year | Ca tot | Ca ion | PO4 | PTH pg/mL | calcitriol | FGF23 | pool | capacity | FCTD"
                + " | net abs Ca mmol/d | urine Ca mmol/d | bone Ca balance mmol/d | OC | OB | bmd |");
        for (String e : System.getProperty("vascalc.ckdpth.egfr", "90,60,45,30,20,15,10").split(",")) {
            double egfr = Double.parseDouble(e);
            Scenario s = new Scenario("ckd", "", CkdCourseRunner.atEgfr(egfr), List.of(), List.of(), years * 365.25,
                    new Recording(IDS, Time.years(1), Time.years(1), 0, 0));
            Trajectory t;
            try {
                t = sim.run(s, Mode.FAST, ProgressListener.NONE).trajectory();
            } catch (RuntimeException ex) {
                System.out.println("| " + egfr + " | failed: " + ex.getMessage());
                continue;
            }
            double[] u = t.series("mineral.caUrineCum");
            double[] a = t.series("mineral.caAbsorbedCum");
            double[] bmd = t.series("bmd");
            for (int y = 1; y < t.size(); y++) {
                double pool = t.series("mineral.glandPool")[y];
                double cap = t.series("mineral.glandCapacity")[y];
                double urine = (u[y] - u[y - 1]) / 365.25;
                double abs = (a[y] - a[y - 1]) / 365.25;
                // bone calcium change per day (Q + Qbone; bmd is relative to the 25000 mmol reference)
                double bone = (bmd[y] - bmd[y - 1]) * 25000 / 365.25;
                System.out.printf(Locale.ROOT, "| %.0f | %d | %.3f | %.3f | %.3f | %.0f | %.0f | %.0f | %.3f | %.3f | %.2f"
                        + " | %.2f | %.2f | %+.2f | %.2f | %.2f | %.4f |%n", egfr, y,
                        t.series("serumCalciumTotal")[y], t.series("serumCalciumIonised")[y],
                        t.series("serumPhosphate")[y], t.series("pthPgMl")[y], t.series("calcitriol")[y],
                        t.series("fgf23")[y], pool, cap, pool / 0.5 * cap, abs, urine, bone,
                        t.series("mineral.osteoclasts")[y], t.series("mineral.osteoblasts")[y], bmd[y]);
            }
        }
    }
}
