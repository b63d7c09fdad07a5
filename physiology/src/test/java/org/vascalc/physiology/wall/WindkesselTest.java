package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WindkesselTest {

    @Test
    void fitReproducesPressuresAndGivesAdultMagnitudes() {
        Windkessel wk = Windkessel.fit(125, 78, 8.5, 70, 0.3, 70);
        assertThat(wk.systolic(8.5)).isCloseTo(125, within(1e-9));
        assertThat(wk.diastolic(8.5)).isCloseTo(78, within(1e-9));
        // Westerhof 2009 magnitudes: R about 1 mmHg·s/mL, C about 1-2 mL/mmHg (wide: order-of-magnitude check)
        assertThat(wk.resistance()).isBetween(0.7, 1.6);
        assertThat(wk.compliance0()).isBetween(0.5, 2.5);
    }

    @Test
    void periodicSolutionMatchesBeatByBeatIntegration() {
        Windkessel wk = Windkessel.fit(140, 80, 9, 70, 0.3, 70);
        double c = wk.compliance(10);
        double r = wk.resistance();
        double q0 = 70 / 0.3;
        double p = 80;
        double dt = 1e-5;
        double max = 0;
        double min = 0;
        for (int beat = 0; beat < 40; beat++) {
            max = 0;
            min = Double.MAX_VALUE;
            for (double t = 0; t < wk.periodS(); t += dt) {
                double q = t < 0.3 ? q0 : 0;
                p += dt * (q - p / r) / c;
                max = Math.max(max, p);
                min = Math.min(min, p);
            }
        }
        // explicit Euler with 1e-5 s steps: error well below 0.1 mmHg
        assertThat(max).isCloseTo(wk.systolic(10), within(0.1));
        assertThat(min).isCloseTo(wk.diastolic(10), within(0.1));
    }

    @Test
    void stifferArteriesWidenPulsePressureAtTheSameMean() {
        Windkessel wk = Windkessel.fit(125, 78, 8.5, 70, 0.3, 70);
        double pp0 = wk.systolic(8.5) - wk.diastolic(8.5);
        double pp1 = wk.systolic(11) - wk.diastolic(11);
        assertThat(pp1).isGreaterThan(pp0);
        assertThat(wk.systolic(11)).isGreaterThan(wk.systolic(8.5));
        assertThat(wk.diastolic(11)).isLessThan(wk.diastolic(8.5));
    }

    @Test
    void rejectsImpossiblePressures() {
        assertThatThrownBy(() -> Windkessel.fit(80, 90, 8, 70, 0.3, 70)).hasMessageContaining("SBP 80 DBP 90");
        // no pulse pressure and no diastolic pressure are outside SBP > DBP > 0 too
        assertThatThrownBy(() -> Windkessel.fit(80, 80, 8, 70, 0.3, 70)).hasMessageContaining("SBP 80 DBP 80");
        assertThatThrownBy(() -> Windkessel.fit(80, 0, 8, 70, 0.3, 70)).hasMessageContaining("SBP 80 DBP 0");
    }

    @Test
    void meanPressureIsInflowTimesResistance() {
        // in the periodic state the mean outflow p̄/R equals the mean inflow SV/T, so p̄ = SV·R/T
        Windkessel wk = Windkessel.fit(125, 78, 8.5, 70, 0.3, 70);
        // (70 mL a beat, 60/70 s a beat): the fitted resistance must put it between the fitted DBP and SBP
        double mean = 70 * wk.resistance() / (60.0 / 70);
        assertThat(mean).isBetween(78.0, 125.0);
        assertThat(wk.systolicFromDiastolic(wk.diastolic(9.5), 9.5, 1)).isCloseTo(wk.systolic(9.5), within(1e-12));
    }
}
