package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;

/**
 * The gut-day derivation with its first two days at a coarser step ({@link MealDayGut#COARSE_STEP_HOURS})
 * gives the Vmax and orbit state of the derivation before ({@link MealDayGutBeforePercall}, every day
 * at {@link MealDayGut#STEP_HOURS}) within 1e-12 relative: the later days at the calibrated step decide
 * the result, the first two only bring Newton near it. Same patients and catalogs as
 * {@link MealDayGutAgreementTest}; and it costs at most as many days.
 */
class MealDayGutUnchangedTest {

    private static final double RELATIVE = 1e-12;

    static List<MealDayGutAgreementTest.Case> cases() {
        return MealDayGutAgreementTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDerivationGivesTheVmaxAndOrbitOfTheOneBefore(MealDayGutAgreementTest.Case c) {
        ParameterCatalog catalog = MineralBlock.defaultParameters().with(c.parameters());
        MineralBlock block = new MineralBlock(catalog);
        block.bind(new org.vascalc.physiology.model.StateLayout(List.of(block)));
        block.initialise(c.patient(), new double[block.variables().size()]);
        double target = block.gutAbsorptionTarget(c.patient());
        MealDayGut now = block.gutDay(c.patient());
        MealDayGut.Baseline a = now.derive(target);
        MealDayGutBeforePercall old = before(catalog, c.patient());
        MealDayGutBeforePercall.Baseline b = old.derive(target);

        assertThat(a.vmax()).isCloseTo(b.vmax(), within(RELATIVE * b.vmax()));
        assertThat(a.meal()).isCloseTo(b.meal(), within(RELATIVE * b.meal()));
        assertThat(a.chyme()).isCloseTo(b.chyme(), within(RELATIVE * b.chyme()));
        for (int s = 0; s < a.lumen().length; s++) {
            assertThat(a.lumen()[s]).as("compartment %d", s + 1).isCloseTo(b.lumen()[s], within(RELATIVE * b.lumen()[s]));
        }
        assertThat(now.daysRun()).isLessThanOrEqualTo(old.daysRun());
    }

    private static MealDayGutBeforePercall before(ParameterCatalog c, Patient patient) {
        double secretion = org.vascalc.core.units.MolarMass.CALCIUM.mgToMmol(c.value("endogenousSecretionPerCm")) / 24
                * patient.heightCm();
        return new MealDayGutBeforePercall(MineralBlock.SEGMENTS.length, c.value("solidMealEmptyingRate"),
                MineralBlock.SEGMENTS.length / c.value("smallBowelTransitHours"), c.value("gutParacellularRate"),
                c.value("gutTranscellularKm"), secretion, HabitualMeals.from(c), c.value("caHabitualIntake"));
    }
}
