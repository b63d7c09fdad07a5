package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention.PhosphateBinderKind;
import org.vascalc.core.param.ParameterCatalog;

/**
 * One sevelamer dose binds, from one meal, what the single-meal balance study measured
 * (Martin2011LanthanumSevelamerBalance, abstract: three 800-mg sevelamer carbonate tablets with a meal
 * of about 375 mg phosphorus bound 63.2 +/- 12.3 mg in healthy volunteers). The rate of binding in the
 * gut, {@code binderRate}, was fitted to that mean (BinderRateFitRunner); the former 0.05 bound 30 mg,
 * below the mean less two SDs. Sevelamer's capacity is not set from this study (0.75 x carbonate,
 * Daugirdas2011BinderEquivalentDose), so the test checks the rate given the capacity.
 */
class BinderMealBindingTest {

    @Test
    void oneSevelamerDoseBindsWithinOneSdOfTheBalanceStudy() {
        ParameterCatalog c = ModelAssembly.defaultParameters();
        double mg = BinderMealBinding.boundMmol(c, PhosphateBinderKind.SEVELAMER, 2400) * BinderMealBinding.MG_P_PER_MMOL;
        assertThat(mg).as("phosphorus bound by 2.4 g sevelamer from a 375 mg meal, mg").isBetween(63.2 - 12.3, 63.2 + 12.3);
    }
}
