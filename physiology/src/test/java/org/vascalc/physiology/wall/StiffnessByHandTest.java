package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.Time;

/**
 * The stiffness, pressure and heart equations of docs/model/wall.md ("Stiffness, pressure and the
 * heart"), each at one state against the equation written out with the catalog's numbers (κ 1.5,
 * M½ 300 mg, PWV_ref60 8.5 m/s, 1.07 per decade, 0.04 m/s per mmHg, r 0.0037039/y, PP_ref 47, k_S
 * 0.012/y, MAP_ref 93.7, k_R 0.0045/y, A_p 60 y, w 10 y, e 0.5, k_g 0.5/y, k_r 1/y, SBP_set 120). A
 * steady state or a whole-run target cannot tell a dropped or sign-flipped term from its partner;
 * these can.
 */
class StiffnessByHandTest {

    private static final double PER_HOUR = 1 / Time.HOURS_PER_YEAR;

    private final ParameterCatalog catalog = WallBlock.defaultCatalog();
    private final WallParameters p = new WallParameters(catalog);

    @Test
    void mineralFactorIsTheSaturatingMoensKortewegMap() {
        // √(1 + 1.5·M/(M + 300)): at M = M½ the modulus gains κ/2
        assertThat(ArterialStiffness.mineralFactor(p, 300)).isCloseTo(Math.sqrt(1.75), within(1e-15));
        assertThat(ArterialStiffness.mineralFactor(p, 100)).isCloseTo(Math.sqrt(1 + 1.5 * 100 / 400.0), within(1e-15));
        assertThat(ArterialStiffness.mineralFactor(p, 0)).isEqualTo(1.0);
        assertThat(ArterialStiffness.pwv(p, 8, 300)).isCloseTo(8 * Math.sqrt(1.75), within(1e-14));
    }

    @Test
    void measuredPwvCarriesTheSquareRootOfTheResistanceRatio() {
        // PWV ∝ q^e with e = 0.5 (β-stiffness model): q = 1.21 gives 1.1 times the structural PWV
        assertThat(ArterialStiffness.pwv(p, 8, 300, 1.21)).isCloseTo(8 * Math.sqrt(1.75) * 1.1, within(1e-13));
        assertThat(ArterialStiffness.pwv(p, 8, 300, 1)).isEqualTo(ArterialStiffness.pwv(p, 8, 300));
        // another exponent in the catalog takes the general power, not the square root
        WallParameters e03 = new WallParameters(catalog.with(Map.of("pwvPressureExponent", 0.3)));
        assertThat(ArterialStiffness.pressureFactor(e03, 1.21)).isCloseTo(Math.pow(1.21, 0.3), within(1e-15));
    }

    @Test
    void resistanceRisesUntilFiftyAndTapersToAPlateauAtSixty() {
        // dq/dt = k_R·clip((60 − age)/10, 0, 1)·q
        double kR = 0.0045 * PER_HOUR;
        assertThat(ArterialStiffness.resistanceRate(p, 1.2, 40)).isCloseTo(kR * 1.2, within(1e-18));
        assertThat(ArterialStiffness.resistanceRate(p, 1.2, 55)).isCloseTo(kR * 0.5 * 1.2, within(1e-18));
        assertThat(ArterialStiffness.resistanceRate(p, 1.2, 65)).isZero();
    }

    @Test
    void baselinePwvIsPlacedFromAgeAndSystolicPressure() {
        // PWV_0 = 8.5·1.07^{(age − 60)/10} + 0.04·(SBP − 125)
        assertThat(ArterialStiffness.expected(p, 60, 125)).isCloseTo(8.5, within(1e-14));
        assertThat(ArterialStiffness.expected(p, 70, 145)).isCloseTo(8.5 * 1.07 + 0.04 * 20, within(1e-13));
        assertThat(ArterialStiffness.expected(p, 40, 115)).isCloseTo(8.5 / (1.07 * 1.07) - 0.04 * 10, within(1e-13));
        // the event hazards' expected PWV grows at the logarithmic rate ln(1.07)/10 per year
        assertThat(ArterialStiffness.expectedAgeRate(p)).isCloseTo(Math.log(1.07) / 10, within(1e-17));
    }

    @Test
    void elastinFatigueIsProportionalToPulsePressure() {
        // dPWV_i/dt = PWV_i·r·(PP/47)^m, m = 1
        double r = 0.0037039 * PER_HOUR;
        assertThat(ArterialStiffness.intrinsicRate(p, 9, 70.5)).isCloseTo(9 * r * 1.5, within(1e-18));
        // another exponent takes the power of the load
        WallParameters m2 = new WallParameters(catalog.with(Map.of("pwvFatigueExponent", 2.0)));
        assertThat(ArterialStiffness.intrinsicRate(m2, 9, 70.5)).isCloseTo(9 * r * 2.25, within(1e-18));
    }

    @Test
    void remodellingRateFollowsTheExcessMeanPressure() {
        // dS/dt = k_S·(1 + S)·max(0, MAP/93.7 − 1), MAP = DBP + PP/3
        double kS = 0.012 * PER_HOUR;
        assertThat(ArterialStiffness.remodellingRate(p, 0.2, 90, 60)).isCloseTo(kS * 1.2 * (110 / 93.7 - 1), within(1e-18));
        assertThat(ArterialStiffness.remodellingRate(p, 0.2, 75, 43)).isZero();
        // √(1 + S) on PWV
        assertThat(ArterialStiffness.remodellingFactor(0.44)).isCloseTo(1.2, within(1e-15));
    }

    @Test
    void leftVentricularMassGrowsAboveTheSetPointAndRegressesToNormal() {
        // dLVM/dt = k_g·max(0, SBP/120 − 1)·LVM − k_r·(LVM − LVM₀)
        double kg = 0.5 * PER_HOUR;
        double kr = 1 * PER_HOUR;
        assertThat(LeftVentricle.rate(p, 180, 160, 150)).isCloseTo(kg * 0.25 * 180 - kr * 20, within(1e-18));
        assertThat(LeftVentricle.rate(p, 180, 160, 110)).isCloseTo(-kr * 20, within(1e-18));
        // steady state of a constant SBP: LVM₀·k_r/(k_r − k_g·load)
        assertThat(LeftVentricle.steadyState(p, 160, 150)).isCloseTo(160 * kr / (kr - kg * 0.25), within(1e-9));
        assertThat(LeftVentricle.steadyState(p, 160, 110)).isCloseTo(160, within(1e-12));
    }
}
