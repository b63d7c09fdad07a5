package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;

/**
 * The milieu's algebraic outputs of docs/model/wall.md ("Mineral milieu"), by hand with the catalog's
 * numbers: the growth drive D(x) = (max(0, x − 0.5)/0.5)^n and the T50 index
 * T50 = 324.45·exp(−1.0·(P − 1.1) − 0.5·(Ca − 2.4))·(fetuin/0.72)^0.5 min; and the susceptibility's range.
 */
class MilieuByHandTest {

    private final ParameterCatalog catalog = WallBlock.defaultCatalog();
    private final WallParameters p = new WallParameters(catalog);

    @Test
    void driveTakesTheCatalogExponentAboveTheThreshold() {
        assertThat(MineralMilieu.drive(p, 1.3)).isCloseTo(1.6 * 1.6, within(1e-14));
        WallParameters cubic = new WallParameters(catalog.with(Map.of("supersatExponent", 3.0)));
        assertThat(MineralMilieu.drive(cubic, 1.3)).isCloseTo(1.6 * 1.6 * 1.6, within(1e-14));
        assertThat(MineralMilieu.drive(cubic, 0.4)).isZero();
    }

    @Test
    void t50FallsWithPhosphateAndCalciumAndRisesWithFetuin() {
        // Ca 2.6, P 1.5, fetuin 0.36 g/L: exponent −0.4 − 0.1, fetuin factor √0.5
        assertThat(CalcificationPropensity.t50Minutes(p, 2.6, 1.5, 0.36))
                .isCloseTo(324.45 * Math.exp(-0.5) * Math.sqrt(0.5), within(1e-10));
        // below the references: exponent +0.3 + 0.1
        assertThat(CalcificationPropensity.t50Minutes(p, 2.2, 0.8, 0.72))
                .isCloseTo(324.45 * Math.exp(0.4), within(1e-10));
    }

    @Test
    void susceptibilityMultipliersMustBePositive() {
        assertThatThrownBy(() -> new Susceptibility(0, 1)).hasMessageContaining("plaque 0.0");
        assertThatThrownBy(() -> new Susceptibility(1, 0)).hasMessageContaining("medial 0.0");
        assertThat(new Susceptibility(0.5, 2).medial()).isEqualTo(2);
    }
}
