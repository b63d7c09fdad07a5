package org.vascalc.simulation.calibration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Intervention.CalciumSalt;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.engine.EngineSimulator;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * Issue 2's first gap: gut calcium absorption saturates with load. A larger single dose is
 * absorbed at a smaller fraction (Heaney 1990: about 29 % of 500 mg, less of 1000 mg), and on a
 * daily +1000 mg supplement the bone calcium gained per year falls as the body adapts (calcitriol,
 * hence the transcellular route, falls, and the exchangeable and deep bone pools fill) instead of
 * growing at the first year's rate for ever (P&amp;R's constant fraction, model-anchors 1.7). These
 * are the directions; the sizes are rows E12 and E14 (known misses, docs/model/mineral.md).
 */
class AbsorptionSaturationTest {

    private static final EngineSimulator SIM = new EngineSimulator(ModelAssembly.defaultParameters());

    private static double fraction(double mg) {
        return Runs.excessAbsorbedMg(SIM, Runs.woman(50),
                new Intervention.CalciumSupplement(mg, CalciumSalt.CITRATE, false, Runs.once()), 24) / mg;
    }

    @Test
    void theAbsorbedFractionFallsWithTheSizeOfASingleDose() {
        double f250 = fraction(250);
        double f500 = fraction(500);
        double f1000 = fraction(1000);
        System.out.printf(java.util.Locale.ROOT, "absorbed fraction of a fasting citrate dose: 250 mg %.3f, 500 mg %.3f, 1000 mg %.3f%n",
                f250, f500, f1000);
        // Strictly falling (a linear gut gives equal fractions). How much it falls is row E12's
        // business (a known miss: the fit rows leave absorption nearly linear, docs/model/mineral.md).
        assertThat(f500).isLessThan(f250);
        assertThat(f1000).isLessThan(f500);
    }

    @Test
    void theBoneGainOfADailySupplementLevelsOff() {
        Patient p = Runs.woman(60);
        double[] with = bmd(p, List.of(new Intervention.CalciumSupplement(500, CalciumSalt.CARBONATE, true,
                Schedule.daily(8, 19))));
        double[] without = bmd(p, List.of());
        double[] gain = new double[5];
        for (int y = 0; y < 5; y++) {
            gain[y] = (with[y + 1] - with[y]) - (without[y + 1] - without[y]);
        }
        System.out.printf(java.util.Locale.ROOT, "bone gain on +1000 mg/d by year: %s /y%n", java.util.Arrays.toString(gain));
        assertThat(gain[0]).isPositive();
        // Levels off: every year gains less than the year before. Whether it plateaus near zero after
        // year 2 is row E14's business (0.005 /y band).
        for (int y = 1; y < 5; y++) {
            assertThat(gain[y]).as("year %d", y + 1).isLessThan(gain[y - 1]);
        }
    }

    private static double[] bmd(Patient p, List<Intervention> ivs) {
        Scenario s = new Scenario("saturation", "", p, List.of(), ivs, 5 * Time.DAYS_PER_YEAR,
                new Recording(List.of("bmd"), Time.years(1), Time.years(1), 0, 0));
        Trajectory tr = SIM.run(s, Mode.FAST, ProgressListener.NONE).trajectory();
        return tr.series("bmd");
    }
}
