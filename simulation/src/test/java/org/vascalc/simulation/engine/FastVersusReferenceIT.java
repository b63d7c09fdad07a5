package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vascalc.simulation.Scenario;

/** The 5-year comparison (slow: the reference run resolves ~3 600 doses). */
class FastVersusReferenceIT {

    @Test
    void fiveYearsOfDailyCalciumMealsAndMk7AgreeWithinOnePercent() {
        Scenario s = AgreementScenarios.fiveYearsWithMeals();
        assertThat(FastVersusReferenceTest.worstRelativeDifference(s)).isLessThan(0.01);
    }
}
