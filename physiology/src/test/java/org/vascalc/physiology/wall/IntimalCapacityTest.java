package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;

/**
 * The surface growth of intimal macrocalcium is bounded by the plaque's mineral capacity κ·V
 * ({@code plaqueMineralCapacityMgPerMm3}; docs/model/sensitivity-audit.md item 1): without the bound a
 * dialysis patient at the end of the plausible range of {@code macroSurfaceGrowthPerYear} reached 2e13 mg of
 * coronary macrocalcium before baseline.
 */
class IntimalCapacityTest {

    @Test
    void relativeSurfaceGrowthFallsLinearlyWithTheCalcifiedFractionAndStopsWhenThePlaqueIsFull() {
        WallParameters p = new WallParameters(WallBlock.defaultCatalog());
        double volume = 100;
        double capacity = p.plaqueMineralCapacity * volume;
        double micro = 0.1 * capacity;
        double drive = 2;
        double free = p.macroSurfaceGrowth * drive * (1 - p.microMgpWeight * 0.3); // relative rate of an empty plaque
        double previousAbsolute = 0;
        for (double f : new double[] {0.15, 0.3, 0.45, 0.6}) {
            double macro = f * capacity - micro;
            double growth = IntimalCalcification.surfaceGrowth(p, macro, micro, volume, drive, 0.3);
            assertThat(growth / macro).isCloseTo(free * (1 - f), within(1e-12 * free));
            if (f <= 0.5) { // the absolute gain rises with the calcium present while the plaque is less than half full
                assertThat(growth).isGreaterThan(previousAbsolute);
            }
            previousAbsolute = growth;
        }
        assertThat(IntimalCalcification.surfaceGrowth(p, capacity - micro, micro, volume, drive, 0.3)).isZero();
        assertThat(IntimalCalcification.surfaceGrowth(p, 2 * capacity, micro, volume, drive, 0.3)).isZero();
        assertThat(IntimalCalcification.surfaceGrowth(p, 1, 0, 0, drive, 0.3)).isZero(); // no plaque, no room
    }

    /**
     * The ceiling, from the plaque's capacity: micro formation and conversion do not read the macrocalcium, so
     * surface growth adds to what the same wall holds without it (k_s = 0), and it adds only while micro plus
     * macro stay below κ·V; with the history's explicit Euler step h and h·k_s·D ≤ 1 no step overshoots κ·V.
     * So in every coronary bed Mac(k_s) ≤ Mac(0) + κ·V. The patient is the haemodialysis example's (phosphate
     * 1.8 mmol/L, eGFR 8), seen at 70 at the top of the plausible range of k_s.
     */
    @Test
    void aDialysisPatientAtTheTopOfTheSurfaceGrowthRangeStaysBelowThePlaqueCapacity() {
        ParameterCatalog base = WallBlock.defaultCatalog();
        double top = base.get("macroSurfaceGrowthPerYear").high();
        double kappa = base.value("plaqueMineralCapacityMgPerMm3");
        Patient hd = TestPatients.haemodialysis(70);
        double[] fast = new WallBlock(base.with(Map.of("macroSurfaceGrowthPerYear", top)), Susceptibility.TYPICAL)
                .integrateHistory(hd, Susceptibility.TYPICAL);
        double[] none = new WallBlock(base.with(Map.of("macroSurfaceGrowthPerYear", 0.0)), Susceptibility.TYPICAL)
                .integrateHistory(hd, Susceptibility.TYPICAL);
        double coronary = 0;
        double ceiling = 0;
        for (Bed b : Bed.values()) {
            int i = b.ordinal() * WallBlock.PER_BED;
            double bedCeiling = none[i + WallBlock.MACRO] + kappa * fast[i + WallBlock.PLAQUE];
            assertThat(fast[i + WallBlock.MACRO]).as("%s macrocalcium at 70", b).isLessThanOrEqualTo(bedCeiling);
            if (b.coronary()) {
                coronary += fast[i + WallBlock.MACRO];
                ceiling += bedCeiling;
            }
        }
        // a few hundred mg of coronary calcium (Agatston in the hundreds to low thousands), not 1e13 mg
        assertThat(coronary).isBetween(1.0, ceiling).isLessThan(1000);

        // and a year on dialysis at the top of the range (serum held near its course by the stand-in homeostasis)
        WallHarness run = WallHarness.of(hd).catalog(base.with(Map.of("macroSurfaceGrowthPerYear", top))).build();
        WallHarness off = WallHarness.of(hd).catalog(base.with(Map.of("macroSurfaceGrowthPerYear", 0.0))).build();
        run.runYears(1);
        off.runYears(1);
        double runMacro = run.sum("macroCalcium", true);
        double offMacro = off.sum("macroCalcium", true);
        assertThat(runMacro).isFinite().isLessThanOrEqualTo(offMacro + kappa * run.sum("plaqueVolume", true));
        assertThat(runMacro).isLessThan(1.25 * coronary); // gains under 25 %/y at the top of the range
    }

    /**
     * Outside dialysis the plaque stays well below its capacity (calcified fraction under 0.5 to 75 years), so
     * the bound changes the calibrated wall little: coronary macrocalcium at baseline within 5 % of the unbounded
     * form's (values of main cd85e50 before the bound, IntimalHistoryRunner), and never above it.
     */
    @Test
    void outsideDialysisTheBoundTakesLessThanFivePercentOfTheCoronaryMacrocalcium() {
        WallBlock wall = new WallBlock();
        Map<Patient, Double> unbounded = Map.of(TestPatients.woman(55), 5.536, TestPatients.man(65), 30.59,
                TestPatients.diabeticSmoker(75), 379.5, TestPatients.ckd3(65), 40.83);
        unbounded.forEach((patient, before) -> {
            double[] s = wall.integrateHistory(patient, Susceptibility.TYPICAL);
            double macro = 0;
            for (Bed b : Bed.values()) {
                if (b.coronary()) {
                    macro += s[b.ordinal() * WallBlock.PER_BED + WallBlock.MACRO];
                }
            }
            assertThat(macro).as(patient.id()).isLessThanOrEqualTo(before * 1.0005).isGreaterThan(0.95 * before);
        });
    }
}
