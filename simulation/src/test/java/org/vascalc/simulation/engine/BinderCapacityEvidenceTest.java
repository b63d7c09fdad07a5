package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;

/**
 * The calcium-free binders' capacities against what was read (docs/review-log.md, evidence2 session).
 * A capacity is the most a gram can bind, so it cannot lie below what a gram was measured to bind in
 * vivo: in healthy volunteers three 800-mg sevelamer carbonate tablets with a meal of about 375 mg
 * phosphorus bound 63.2 +/- 12.3 mg (Martin2011LanthanumSevelamerBalance, abstract), 0.85 mmol per g,
 * above the catalog's former 0.8 mmol/g. By weight sevelamer binds 0.75 x calcium carbonate
 * (Daugirdas2011BinderEquivalentDose), the catalog's anchor, as lanthanum's 2.0 x and calcium
 * acetate's 1.0 x (1.45 mmol/g, 1.16 x, before the binders2 session); acetate's measured lower bound
 * (Schiller1989CaAcetateTiming: 4.4 g bound 5.36 mmol from one meal, 1.22 mmol/g) still holds.
 */
class BinderCapacityEvidenceTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();
    private static final double MG_P_PER_MMOL = 30.97;

    @Test
    void aGramOfSevelamerCanHoldWhatAGramWasMeasuredToBindFromOneMeal() {
        double measuredMmolPerGram = 63.2 / MG_P_PER_MMOL / 2.4;
        assertThat(CATALOG.value("binderCapacitySevelamer")).as("sevelamer capacity, mmol/g")
                .isGreaterThanOrEqualTo(measuredMmolPerGram);
    }

    @Test
    void sevelamerAndLanthanumFollowTheRelativeCoefficientsOfCalciumCarbonate() {
        double carbonate = CATALOG.value("binderCapacityCalciumCarbonate");
        // exact products in the catalog; the tolerance only absorbs the decimal printing of the CSV
        assertThat(CATALOG.value("binderCapacitySevelamer")).isCloseTo(0.75 * carbonate, within(1e-12));
        assertThat(CATALOG.value("binderCapacityLanthanum")).isCloseTo(2.0 * carbonate, within(1e-12));
    }

    @Test
    void calciumAcetateBindsAsCalciumCarbonateAndHoldsWhatAGramWasMeasuredToBind() {
        double acetate = CATALOG.value("binderCapacityCalciumAcetate");
        assertThat(acetate).isCloseTo(1.0 * CATALOG.value("binderCapacityCalciumCarbonate"), within(1e-12));
        assertThat(acetate).as("calcium acetate capacity, mmol/g").isGreaterThanOrEqualTo(5.36 / 4.4);
    }
}
