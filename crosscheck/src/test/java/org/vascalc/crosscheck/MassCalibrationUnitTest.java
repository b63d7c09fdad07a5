package org.vascalc.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vascalc.core.param.Parameter;
import org.vascalc.imaging.score.ScoringOptions;
import org.vascalc.physiology.wall.WallBlock;

/**
 * c_HA, the hydroxyapatite calibration factor of the mass score, is one quantity in two modules: the scorer's
 * option ({@link ScoringOptions}) and the wall's CT surrogate's catalog row {@code ctHaCalibrationMgPerCm3PerHu}
 * (docs/model/parameters.md). The catalog wrote its unit "mg/(cm3 HU)", a third spelling beside the library's
 * ASCII "mg/(cm3*HU)" and the web page's "mg/(cm³·HU)" (review, forty-second session). The catalog now writes the
 * library's ASCII form; the surrogate reproduces the scorer's clinical mass score, so it holds the scorer's
 * default value as well.
 */
class MassCalibrationUnitTest {

    private final Parameter cHa = WallBlock.defaultCatalog().get("ctHaCalibrationMgPerCm3PerHu");

    @Test
    void theSurrogatesCalibrationFactorIsWrittenInTheScorersUnit() {
        assertThat(cHa.unit()).isEqualTo(ScoringOptions.MASS_CALIBRATION_UNIT).isEqualTo("mg/(cm3*HU)");
    }

    @Test
    void theSurrogatesCalibrationFactorIsTheScorersClinicalDefault() {
        assertThat(cHa.value()).isEqualTo(ScoringOptions.clinical().massCalibrationMgPerCm3PerHu());
    }
}
