package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;

/**
 * The direct serum-calcium factor of the MI hazard, exp(β·(Ca − Ca_ref)) (docs/model/wall.md,
 * "Serum calcium and MI"): its direction, its size against the Mendelian-randomisation total it is
 * the remainder of, and that it leaves the hazard untouched at Ca_ref and with β = 0.
 */
class SerumCalciumFactorTest {

    /** 0.5 mg/dL of calcium in mmol/L (the MR estimate's unit). */
    private static final double HALF_MG_PER_DL = 5.0 / 40.078;
    /** Larsson 2017: odds ratio of MI per 0.5 mg/dL genetically higher serum calcium. */
    private static final double MR_TOTAL = 1.24;

    private final ParameterCatalog catalog = WallBlock.defaultCatalog();
    private final WallParameters p = new WallParameters(catalog);

    @Test
    void isOneAtTheReferenceAndRisesWithCalcium() {
        assertThat(EventHazards.serumCalciumFactor(p, p.miCalciumRef)).isEqualTo(1.0);
        double previous = 0;
        for (double ca = 2.0; ca <= 2.8; ca += 0.01) {
            double f = EventHazards.serumCalciumFactor(p, ca);
            assertThat(f).isGreaterThan(previous);
            previous = f;
        }
        assertThat(EventHazards.serumCalciumFactor(p, p.miCalciumRef + 0.1)).isGreaterThan(1);
        assertThat(EventHazards.serumCalciumFactor(p, p.miCalciumRef - 0.1)).isLessThan(1);
    }

    @Test
    void halfAMilligramPerDecilitreGivesTheDirectPartOfTheMrTotal() {
        double perHalf = EventHazards.serumCalciumFactor(p, p.miCalciumRef + HALF_MG_PER_DL);
        assertThat(perHalf).isCloseTo(Math.exp(p.miCalciumLogHr * HALF_MG_PER_DL), within(1e-14));
        // the direct part is below the MR total (the calcification paths carry the rest) but most of it:
        // the model's indirect hazard ratio for a lifelong +0.5 mg/dL is a few per cent (SerumCalciumMi)
        assertThat(perHalf).isLessThan(MR_TOTAL).isGreaterThan(1.10);
        // and per 0.1 mmol/L of a supplement's time-averaged rise, well under 1.24
        assertThat(EventHazards.serumCalciumFactor(p, p.miCalciumRef + 0.1)).isBetween(1.10, 1.20);
    }

    @Test
    void aZeroCoefficientLeavesTheHazardExactlyAsBefore() {
        WallParameters none = new WallParameters(catalog.with(Map.of("miCalciumLogHrPerMmolL", 0.0)));
        for (double ca = 1.5; ca <= 3.5; ca += 0.05) {
            assertThat(EventHazards.serumCalciumFactor(none, ca)).isEqualTo(1.0);
        }
    }

    @Test
    void referenceSitsAtTheMesaLikeCohortsDayMeanCalcium() {
        // Ca_ref is the MESA-like cohort's mean day-averaged serum calcium (measured 2.35 mmol/L in the
        // morning, SerumCalciumMi): inside the normal range, near the cohort's 2.35
        assertThat(p.miCalciumRef).isBetween(2.30, 2.40);
    }
}
