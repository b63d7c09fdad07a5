package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vascalc.simulation.Scenario;

/** Fast mode on the less common paths: weekly periods, regimens that start mid-day, a CKD course. */
class FastModeSchedulesTest {

    @Test
    void weeklyDosingAndAMidDayStartAgreeWithReference() {
        Scenario s = AgreementScenarios.weeklyWithMidDayStartAndCkdCourse();
        // Weekly orbits, a reference piece up to the first aligned week after day 10.5, a regimen
        // change at day 60 and a falling eGFR. Issue 2's 1 % is for daily dosing; with a weekly
        // period the gland pool (SLOW, t1/2 ~70 h) swings within the week, so a row sampled at one
        // phase differs from the fast mode's interpolated value by ~1.4 %: tolerance 2 %.
        assertThat(FastVersusReferenceTest.worstRelativeDifference(s)).isLessThan(0.02);
    }
}
