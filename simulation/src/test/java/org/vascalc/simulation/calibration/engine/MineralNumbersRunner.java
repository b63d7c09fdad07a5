package org.vascalc.simulation.calibration.engine;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;

/** Prints the numbers quoted in docs/model/mineral.md ({@code -Dvascalc.numbers=true}). */
class MineralNumbersRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.numbers", matches = "true")
    void print() {
        Simulator sim = SimulatorFactory.load().create(SimulatorFactory.load().defaultParameters());
        System.out.println("| single citrate dose, fasting | extra Ca absorbed over 24 h | fraction |\n|---|---|---|");
        for (double dose : new double[] {125, 250, 500, 1000, 2000}) {
            double mg = Runs.excessAbsorbedMg(sim, Runs.woman(50),
                    new Intervention.CalciumSupplement(dose, Intervention.CalciumSalt.CITRATE, false, Runs.once()), 24);
            System.out.printf(Locale.ROOT, "| %.0f mg | %.1f mg | %.3f |%n", dose, mg, mg / dose);
        }
        Patient p = Runs.woman(60);
        List<String> ids = List.of("bmd", "serumCalciumTotal", "pthPgMl", "urinaryCalcium", "absorbedCalcium");
        Recording yearly = new Recording(ids, Time.years(1), Time.years(1), 0, 0);
        Trajectory ctrl = sim.run(new Scenario("ctrl", "", p, List.of(), List.of(), 10 * 365.25, yearly), Mode.FAST,
                ProgressListener.NONE).trajectory();
        Trajectory supp = sim.run(new Scenario("supp", "", p, List.of(), List.of(new Intervention.CalciumSupplement(500,
                Intervention.CalciumSalt.CARBONATE, true, Schedule.daily(8, 19))), 10 * 365.25, yearly), Mode.FAST,
                ProgressListener.NONE).trajectory();
        System.out.println("\n| year | bmd control | bmd +1000 mg/d | gain that year | serum Ca | PTH pg/mL | urine Ca mmol/d |\n|---|---|---|---|---|---|---|");
        double[] bc = ctrl.series("bmd");
        double[] bs = supp.series("bmd");
        for (int y = 0; y < bc.length; y++) {
            System.out.printf(Locale.ROOT, "| %d | %.5f | %.5f | %s | %.3f | %.1f | %.2f |%n", y, bc[y], bs[y],
                    y == 0 ? "" : String.format(Locale.ROOT, "%+.4f", (bs[y] - bc[y]) - (bs[y - 1] - bc[y - 1])),
                    supp.series("serumCalciumTotal")[y], supp.series("pthPgMl")[y], supp.series("urinaryCalcium")[y]);
        }
        List<String> ckdIds = List.of("egfr", "serumCalciumTotal", "pthPgMl", "serumPhosphate", "calcitriol", "bmd", "fgf23");
        Scenario ckd = new Scenario("ckd", "", Patient.referenceAdult(), List.of(new Condition.KidneyFunctionCourse(
                List.of(new Condition.GfrPoint(0, 95), new Condition.GfrPoint(10, 16)))), List.of(), 10 * 365.25,
                new Recording(ckdIds, Time.years(1), Time.years(1), 0, 0));
        Trajectory tr = sim.run(ckd, Mode.FAST, ProgressListener.NONE).trajectory();
        System.out.println("\n| year | eGFR | serum Ca | PTH pg/mL | phosphate | calcitriol | bmd | FGF23 pg/mL |\n|---|---|---|---|---|---|---|---|");
        for (int y = 0; y < tr.size(); y += 2) {
            System.out.printf(Locale.ROOT, "| %d | %.0f | %.3f | %.0f | %.2f | %.0f | %.4f | %.0f |%n", y, tr.series("egfr")[y],
                    tr.series("serumCalciumTotal")[y], tr.series("pthPgMl")[y], tr.series("serumPhosphate")[y],
                    tr.series("calcitriol")[y], tr.series("bmd")[y], tr.series("fgf23")[y]);
        }
    }
}
