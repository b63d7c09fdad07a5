package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EventDrawTest {

    @Test
    void thresholdsAreReproduciblePerPatientAndEvent() {
        double a = EventDraw.threshold(42, 7, WallEvent.STROKE);
        assertThat(EventDraw.threshold(42, 7, WallEvent.STROKE)).isEqualTo(a);
        assertThat(EventDraw.threshold(42, 8, WallEvent.STROKE)).isNotEqualTo(a);
        assertThat(EventDraw.threshold(42, 7, WallEvent.MYOCARDIAL_INFARCTION)).isNotEqualTo(a);
        assertThat(EventDraw.threshold(43, 7, WallEvent.STROKE)).isNotEqualTo(a);
    }

    @Test
    void thresholdsAreUnitExponential() {
        int n = 20000;
        double sum = 0;
        int below = 0;
        for (int i = 0; i < n; i++) {
            double e = EventDraw.threshold(1, i, WallEvent.HEART_FAILURE);
            sum += e;
            if (e < Math.log(2)) {
                below++;
            }
        }
        // mean 1 and median ln 2; standard errors 0.007 and 0.0035 at n = 20000, allow about 4 SE
        assertThat(sum / n).isCloseTo(1.0, within(0.03));
        assertThat(below / (double) n).isCloseTo(0.5, within(0.015));
    }

    @Test
    void firstTimeInterpolatesTheCrossing() {
        double[] t = {0, 10, 20};
        double[] h = {0.1, 0.3, 0.5};
        assertThat(EventDraw.firstTime(t, h, 0.3).getAsDouble()).isCloseTo(15, within(1e-12));
        assertThat(EventDraw.firstTime(t, h, 0.5)).isEmpty();
    }
}
