package org.vascalc.simulation.mineral;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;

/** Prints the CKD table of docs/model/mineral.md ({@code -Dvascalc.ckd=true}). */
class CkdCourseRunner {

    static final List<String> IDS = List.of("serumCalciumTotal", "serumPhosphate", "pthPgMl", "calcitriol", "fgf23",
            "bmd", "mineral.po4UrineCum", "mineral.osteoclasts", "mineral.glandPool", "mineral.glandCapacity");

    static Patient atEgfr(double egfr) {
        return new Patient("ckd-" + (int) egfr, 60, Sex.FEMALE, 70, 165, egfr, OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), RiskFactors.typical());
    }

    static Trajectory held(Simulator sim, double egfr, double years) {
        Scenario s = new Scenario("ckd", "", atEgfr(egfr), List.of(), List.of(), years * 365.25,
                new Recording(IDS, Time.years(1), Time.years(1), 0, 0));
        return sim.run(s, Mode.FAST, ProgressListener.NONE).trajectory();
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.ckd", matches = "true")
    void print() {
        Simulator sim = SimulatorFactory.load().create(SimulatorFactory.load().defaultParameters());
        System.out.println("| eGFR | year | serum Ca | phosphate | PTH pg/mL | calcitriol | FGF23 | bmd | urine P mmol/d | OC | gland pool, capacity |");
        for (String e : System.getProperty("vascalc.ckd.egfr", "95,60,45,30,15").split(",")) {
            double egfr = Double.parseDouble(e);
            Trajectory t;
            try {
                t = held(sim, egfr, Double.parseDouble(System.getProperty("vascalc.ckd.years", "2")));
            } catch (RuntimeException ex) {
                System.out.println("| " + egfr + " | failed: " + ex.getMessage());
                continue;
            }
            double[] u = t.series("mineral.po4UrineCum");
            for (int y = 0; y < t.size(); y++) {
                System.out.printf(Locale.ROOT, "| %.0f | %d | %.3f | %.3f | %.0f | %.0f | %.0f | %.4f | %.1f | %.2f | %.3f %.3f |%n", egfr, y,
                        t.series("serumCalciumTotal")[y], t.series("serumPhosphate")[y], t.series("pthPgMl")[y],
                        t.series("calcitriol")[y], t.series("fgf23")[y], t.series("bmd")[y],
                        y == 0 ? Double.NaN : (u[y] - u[y - 1]) / 365.25, t.series("mineral.osteoclasts")[y], t.series("mineral.glandPool")[y], t.series("mineral.glandCapacity")[y]);
            }
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.ckd", matches = "true")
    void printDiet() {
        Simulator sim = SimulatorFactory.load().create(SimulatorFactory.load().defaultParameters());
        System.out.println("| mg P/d | serum Ca | phosphate | PTH pg/mL | calcitriol | FGF23 | urine P mmol/d |");
        for (double mgPerMeal : new double[] {81.25, 250, 350}) {
            Scenario s = new Scenario("diet", "", atEgfr(95), List.of(), List.of(new Intervention.DietaryPhosphate(mgPerMeal,
                    Schedule.daily(7, 12, 16, 19))), 365.25, new Recording(IDS, Time.years(1), Time.years(1), 0, 0));
            Trajectory t = sim.run(s, Mode.FAST, ProgressListener.NONE).trajectory();
            double[] u = t.series("mineral.po4UrineCum");
            System.out.printf(Locale.ROOT, "| %.0f | %.3f | %.3f | %.0f | %.0f | %.0f | %.1f |%n", 4 * mgPerMeal,
                    t.last("serumCalciumTotal"), t.last("serumPhosphate"), t.last("pthPgMl"), t.last("calcitriol"),
                    t.last("fgf23"), (u[u.length - 1] - u[u.length - 2]) / 365.25);
        }
    }
}
