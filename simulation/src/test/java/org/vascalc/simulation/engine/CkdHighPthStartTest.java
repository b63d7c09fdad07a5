package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * ckdgland: a CKD patient off dialysis whose measured PTH is above what a normal-sized gland can secrete at rest
 * (587 pg/mL) starts on an enlarged gland and stays at her labs (docs/model/mineral.md, "High PTH off dialysis");
 * before, such a start was refused. A PTH below that limit off dialysis, and a high PTH on dialysis, run as before,
 * bit for bit (last daily rows recorded on the code before, 8b3a528e).
 */
class CkdHighPthStartTest {

    private static final Recording DAILY = DialysisLabsStartTest.DAILY;

    /** A woman in CKD G4 (eGFR 22) with serum calcium 2.30 and phosphate 1.40 mmol/L (AgreementScenarios' G4 labs). */
    static Patient g4(double pthPgMl) {
        return new Patient("ckd-g4", 63, Sex.FEMALE, 70, 162, 22, OptionalDouble.of(2.30), OptionalDouble.of(1.40),
                OptionalDouble.of(pthPgMl), RiskFactors.typical());
    }

    private static SimulationResult run(Patient p, List<Condition> conditions, double days) {
        Scenario s = new Scenario("ckdgland", "", p, conditions, List.of(), days, DAILY);
        return EngineSimulator.withoutWall(ModelAssembly.defaultParameters()).run(s, Mode.FAST, ProgressListener.NONE);
    }

    /**
     * PTH 700 pg/mL in CKD G4: no warning, the run-in ends within 120 days, and 90 days of the habitual diet keep
     * PTH within its band (±37.6 %) of 700 and calcium and phosphate within 2 % of the labs. Red before ckdgland:
     * "the parathyroid glands cannot secrete a PTH of 700 pg/mL at rest (at most 587.4 pg/mL ...)".
     */
    @Test
    void aCkdG4PatientWithPth700StartsAndStaysAtHerLabs() {
        SimulationResult r = run(g4(700), List.of(), 90);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.counters().get("stabilisationHours")).isLessThan(120 * 24L);
        assertAtHerLabs(r, 700);
    }

    /**
     * glandsmooth: PTH 500 in CKD G4 starts on an enlarged gland (capacity 1.419), as on dialysis, without a warning;
     * the first daily PTH is 463.67 pg/mL (the meal day's orbit of an enlarged gland, as at 588–1400) and a year of the
     * habitual diet moves it by less than 0.1 %, within PTH's band (±37.6 %) of 500; calcium and phosphate within 2 %
     * of the labs. Red before glandsmooth: the normal gland at 85 % of its maximum started at 479.38 pg/mL.
     */
    @Test
    void aCkdG4PatientWithPth500StartsAtHerLabs() {
        SimulationResult r = run(g4(500), List.of(), 365);
        assertThat(r.warnings()).isEmpty();
        double[] pth = r.trajectory().series("pthPgMl");
        assertThat(pth[0]).isCloseTo(PTH500_START, within(0.05));
        assertThat(Math.abs(pth[pth.length - 1] / pth[0] - 1)).isLessThan(1e-3);
        assertAtHerLabs(r, 500);
    }

    /**
     * Every row of {@code r} keeps PTH within its band (±37.6 %) of {@code pthLab} and calcium and phosphate within
     * 2 % of the G4 patient's labs (2.30 and 1.40 mmol/L).
     */
    private static void assertAtHerLabs(SimulationResult r, double pthLab) {
        for (double pth : r.trajectory().series("pthPgMl")) {
            assertThat(Math.abs(pth / pthLab - 1)).isLessThan(0.376);
        }
        for (double ca : r.trajectory().series("serumCalciumTotal")) {
            assertThat(Math.abs(ca / 2.30 - 1)).isLessThan(0.02);
        }
        for (double po4 : r.trajectory().series("serumPhosphate")) {
            assertThat(Math.abs(po4 / 1.40 - 1)).isLessThan(0.02);
        }
    }

    /** PTH 350 in CKD G4, just below the enlarged gland's 352.4 pg/mL: 30 days, the last row as before glandsmooth. */
    @Test
    void aPthBelowTheEnlargedGlandsThresholdRunsAsBefore() {
        DialysisLabsStartTest.assertLastRow(run(g4(350), List.of(), 30), G4_PTH350);
    }

    /** The haemodialysis example with PTH 900 (an enlarged gland since hdhold): the last row as before. */
    @Test
    void aHighPthOnDialysisRunsAsBefore() {
        Patient e = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/haemodialysis.yaml")).scenario().patient();
        Patient p = new Patient(e.id(), e.ageYears(), e.sex(), e.weightKg(), e.heightCm(), e.egfrMlPerMin(),
                e.serumCalciumMmolL(), e.serumPhosphateMmolL(), OptionalDouble.of(900), e.risk());
        DialysisLabsStartTest.assertLastRow(run(p, List.of(new Condition.Haemodialysis()), 30), HD_PTH900);
    }

    /**
     * Developer aid, on request only ({@code -Dvascalc.scratch=true}): fast against reference mode for a year of
     * the G4 patient with PTH 700 on calcium carbonate (AgreementScenarios' carbonate with MK-7, and carbonate as
     * the binder), SLOW states every 73 days as {@code FastVersusReferenceIT}; another PTH with
     * {@code -Dvascalc.scratch.pth=}.
     */
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void fastAgainstReference() {
        for (Scenario base : List.of(AgreementScenarios.oneYearCkdWithCarbonate(Condition.CkdStage.G4),
                AgreementScenarios.oneYearCkdWithCarbonateBinder(Condition.CkdStage.G4))) {
            double pth = Double.parseDouble(System.getProperty("vascalc.scratch.pth", "700"));
            Scenario s = new Scenario(base.name() + "-pth" + (int) pth, "", g4(pth), List.of(), base.interventions(),
                    base.durationDays(), base.recording());
            System.out.printf(Locale.ROOT, "WORST %s %.3e%n", s.name(), FastVersusReferenceTest.worstRelativeDifference(s));
        }
    }

    /**
     * Developer aid, on request only ({@code -Dvascalc.scratch=true}): a year of the habitual diet, fast mode, for
     * the G4 patient at PTH 350 / 400 / 500 / 586 / 588 / 600 / 700 / 1000 / 1400: PTH, calcium and phosphate on day 1 and day 365.
     */
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void aYearAtTheLabs() {
        for (double pth : new double[] {350, 400, 500, 586, 588, 600, 700, 1000, 1400}) {
            SimulationResult r = run(g4(pth), List.of(), 365);
            double[] p = r.trajectory().series("pthPgMl");
            double[] ca = r.trajectory().series("serumCalciumTotal");
            double[] po4 = r.trajectory().series("serumPhosphate");
            double[] bmd = r.trajectory().series("bmd");
            System.out.printf(Locale.ROOT, "YEAR pth %.0f: PTH %.1f -> %.1f, Ca %.4f -> %.4f, P %.4f -> %.4f, BMD %.4f -> %.4f,"
                    + " run-in %d h, warnings %s%n", pth, p[0], p[p.length - 1], ca[0], ca[ca.length - 1], po4[0],
                    po4[po4.length - 1], bmd[0], bmd[bmd.length - 1], r.counters().get("stabilisationHours"), r.warnings());
        }
    }

    /** The first daily PTH, pg/mL, of the G4 woman at PTH 500 (the meal day's orbit, 7.3 % under; before: 479.38). */
    private static final double PTH500_START = 463.67;
    private static final long[] G4_PTH350 = {0x4002ae2c81323cceL, 0x3ff660b8470c250aL, 0x40744311b53970e1L,
            0x3feffffaabb1693eL, 0x40699267a8753b41L, 0x40567fdc4668eae1L};
    private static final long[] HD_PTH900 = {0x400315e5c3f3519dL, 0x3ffe60f77931ae37L, 0x408a0dfeb532c827L,
            0x3feffff83b9f4880L, 0x4084175edf40975aL, 0x40567fbc6199e3bfL};
}
