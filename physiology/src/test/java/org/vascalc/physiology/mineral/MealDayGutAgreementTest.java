package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.model.StateLayout;

/**
 * The fast gut-day derivation (Newton on the periodic day, {@link MealDayGut}) gives the Vmax and
 * orbit state of the slow one it replaced ({@link SlowMealDayGut}: Illinois over days iterated to
 * periodicity, Hipparchus' RK4 at the same step), for patients whose targets, secretion, intake and
 * meal pattern differ; and the block starts from what it derived.
 */
class MealDayGutAgreementTest {

    /**
     * The two agree to ~1.4e-13 relative (Vmax, 2026-12-03): the same RK4 step and meals, solved to
     * 1e-15 of the target. 1e-12 also holds the fast derivation's coarse first two days
     * ({@link MealDayGut#COARSE_STEP_HOURS}) to not moving the result (the frozen copy of the all-fine
     * derivation that checked this before is gone: the slow oracle checks it).
     */
    private static final double RELATIVE = 1e-12;

    record Case(String name, Patient patient, Map<String, Double> parameters) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Patient person(String id, Sex sex, double height, double egfr, Double ca, Double po4, Double pth) {
        return new Patient(id, 60, sex, 75, height, egfr, optional(ca), optional(po4), optional(pth), RiskFactors.typical());
    }

    private static OptionalDouble optional(Double v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    static List<Case> cases() {
        return List.of(
                new Case("reference adult", Patient.referenceAdult(), Map.of()),
                new Case("CKD G3b with labs", person("g3b", Sex.MALE, 176, 35, 2.25, 1.40, 120.0), Map.of()),
                new Case("CKD G4 without labs", person("g4", Sex.FEMALE, 160, 22, null, null, null), Map.of()),
                new Case("high-normal calcium and low PTH", person("hi", Sex.MALE, 190, 90, 2.55, 1.0, 20.0), Map.of()),
                new Case("low calcium intake (480 mg/d)", Patient.referenceAdult(), Map.of("caHabitualIntake", 12.0)),
                new Case("high calcium intake (1 400 mg/d)", person("tall", Sex.MALE, 185, 95, null, null, null),
                        Map.of("caHabitualIntake", 35.0)),
                new Case("late heavy dinner", Patient.referenceAdult(),
                        Map.of("habitualDinnerHour", 21.0, "habitualDinnerCalciumShare", 0.45,
                                "habitualBreakfastHour", 6.5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFastDerivationGivesTheSlowOnesVmaxAndOrbit(Case c) {
        ParameterCatalog catalog = MineralBlock.defaultParameters().with(c.parameters());
        MineralBlock block = new MineralBlock(catalog);
        StateLayout layout = new StateLayout(List.of(block));
        block.bind(layout);
        double[] y = new double[layout.size()];
        block.initialise(c.patient(), y);
        double target = block.gutAbsorptionTarget(c.patient());
        MealDayGut.Baseline slow = slow(catalog, c.patient()).derive(target);
        assertThat(slow).as("the slow derivation has a solution").isNotNull();

        assertThat(block.transcellularVmax()).isCloseTo(slow.vmax(), within(RELATIVE * slow.vmax()));
        assertThat(y[layout.index("mineral.caMeal")]).isCloseTo(slow.meal(), within(RELATIVE * slow.meal()));
        assertThat(y[layout.index("mineral.caChyme")]).isCloseTo(slow.chyme(), within(RELATIVE * slow.chyme()));
        for (int s = 0; s < MineralBlock.SEGMENTS.length; s++) {
            assertThat(y[MineralBlock.SEGMENTS[s]]).as("compartment %d", s + 1)
                    .isCloseTo(slow.lumen()[s], within(RELATIVE * slow.lumen()[s]));
        }
        // Newton, not its fallback, gave the result: five days (one onto the first guess's orbit,
        // four Newton steps) where the bracketing search takes ~30.
        MealDayGut day = block.gutDay(c.patient());
        assertThat(day.derive(target).vmax()).isEqualTo(block.transcellularVmax());
        assertThat(day.daysRun()).isLessThanOrEqualTo(6);
        // The fallback (bracketing over periodic days with the fast day) agrees too.
        MealDayGut.Baseline bracketed = block.gutDay(c.patient()).deriveByBracketing(target);
        assertThat(bracketed.vmax()).isCloseTo(slow.vmax(), within(RELATIVE * slow.vmax()));
        assertThat(bracketed.lumen()[6]).isCloseTo(slow.lumen()[6], within(RELATIVE * slow.lumen()[6]));
    }

    private static SlowMealDayGut slow(ParameterCatalog c, Patient patient) {
        double secretion = org.vascalc.core.units.MolarMass.CALCIUM.mgToMmol(c.value("endogenousSecretionPerCm")) / 24
                * patient.heightCm();
        return new SlowMealDayGut(MineralBlock.SEGMENTS.length, c.value("solidMealEmptyingRate"),
                MineralBlock.SEGMENTS.length / c.value("smallBowelTransitHours"), c.value("gutParacellularRate"),
                c.value("gutTranscellularKm"), secretion, HabitualMeals.from(c), c.value("caHabitualIntake"));
    }
}
