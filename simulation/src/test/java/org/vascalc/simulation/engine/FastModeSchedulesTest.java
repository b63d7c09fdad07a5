package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/** Fast mode on the less common paths: weekly periods, regimens that start mid-day, a CKD course. */
class FastModeSchedulesTest {

    @Test
    void weeklyDosingAndAMidDayStartAgreeWithReference() {
        Scenario s = Scenarios.of("weekly", 120,
                new Recording(FastVersusReferenceTest.slowChannels(), 30 * 24, 30 * 24, 0, 0),
                List.of(new Condition.KidneyFunctionCourse(List.of(new Condition.GfrPoint(0, 70),
                        new Condition.GfrPoint(1, 50)))),
                new Intervention.CalciumSupplement(600, Intervention.CalciumSalt.CITRATE, true,
                        new Schedule(10.5, Double.POSITIVE_INFINITY, List.of(9.0), List.of(0, 2, 4))),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 360,
                        new Schedule(0, 60, List.of(8.0), List.of(1, 3, 5))));
        // Weekly orbits, a reference piece up to the first aligned week after day 10.5, a regimen
        // change at day 60 and a falling eGFR. Issue 2's 1 % is for daily dosing; with a weekly
        // period the gland pool (SLOW, t1/2 ~70 h) swings within the week, so a row sampled at one
        // phase differs from the fast mode's interpolated value by ~1.4 %: tolerance 2 %.
        assertThat(FastVersusReferenceTest.worstRelativeDifference(s)).isLessThan(0.02);
    }
}
