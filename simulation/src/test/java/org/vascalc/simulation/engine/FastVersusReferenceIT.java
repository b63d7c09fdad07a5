package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/** The 5-year comparison (slow: the reference run resolves ~3 600 doses). */
class FastVersusReferenceIT {

    @Test
    void fiveYearsOfDailyCalciumMealsAndMk7AgreeWithinOnePercent() {
        Scenario s = Scenarios.of("5y-meals", 5 * 365.25,
                new Recording(FastVersusReferenceTest.slowChannels(), 365.25 * 24, 365.25 * 24, 0, 0),
                new Intervention.DietaryCalcium(300, Schedule.daily(7, 12, 19)),
                Scenarios.supplement(1000, Intervention.CalciumSalt.CITRATE, false, 8),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)));
        assertThat(FastVersusReferenceTest.worstRelativeDifference(s)).isLessThan(0.01);
    }
}
