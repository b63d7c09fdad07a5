package org.vascalc.simulation.mineral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;

/**
 * The CKD-MBD pattern of the mineral block (issue 2): a 60-year-old woman without labs, eGFR held at
 * 95 (reference), 60, 45, 30, 18 and 15 mL/min for one year after stabilisation on the habitual diet.
 * Evidence, not fitting: no constant was chosen against these bands (docs/model/mineral.md, FGF23).
 * Sources: Isakova2011 (CRIC, n = 3879: FGF23 rises at higher eGFR than PTH or phosphate; mean
 * phosphate normal in CKD 2-4), Gutierrez2005 (hyperphosphataemia and hypocalcaemia only below eGFR
 * 30; calcitriol falls with eGFR; FePO4 rises), Muntner2009 (NHANES: no association of eGFR 30-59
 * with low serum calcium), ExplorIron2023Baseline (intact FGF23 median 212, IQR 116 pg/mL at median
 * eGFR 18, phosphate normal, PTH above and calcitriol below normal).
 */
class CkdMineralPatternTest {

    private static final double[] EGFR = {95, 60, 45, 30, 18, 15};
    private static final Map<Double, Trajectory> RUNS = new LinkedHashMap<>();

    @BeforeAll
    static void run() {
        Simulator sim = SimulatorFactory.load().create(SimulatorFactory.load().defaultParameters());
        for (double e : EGFR) {
            RUNS.put(e, CkdCourseRunner.held(sim, e, 1));
        }
    }

    private static double at(double egfr, String id) {
        return RUNS.get(egfr).last(id);
    }

    /** Urinary phosphorus over the last year, mmol/d. */
    private static double urinePhosphate(double egfr) {
        double[] u = RUNS.get(egfr).series("mineral.po4UrineCum");
        return (u[u.length - 1] - u[u.length - 2]) / 365.25;
    }

    /** Fractional phosphate excretion: urine over filtered load (GFR x serum phosphate). */
    private static double fractionalExcretion(double egfr) {
        return urinePhosphate(egfr) / (egfr * 0.06 * 24 * at(egfr, "serumPhosphate"));
    }

    @Test
    void fgf23RisesFromEarlyCkdBeforePhosphateAndReachesTheReportedLevelInG4() {
        for (int i = 1; i < EGFR.length; i++) {
            assertThat(at(EGFR[i], "fgf23")).as("FGF23 at eGFR " + EGFR[i]).isGreaterThan(at(EGFR[i - 1], "fgf23"));
        }
        // eGFR 60: FGF23 up by more than a quarter while phosphate has not moved (Isakova 2011).
        assertThat(at(60, "fgf23")).isGreaterThan(1.25 * at(95, "fgf23"));
        assertThat(Math.abs(at(60, "serumPhosphate") - at(95, "serumPhosphate"))).isLessThan(0.05);
        // eGFR 18: within median +/- half the interquartile range, 212 +/- 58 pg/mL (ExplorIron 2023).
        assertThat(at(18, "fgf23")).isBetween(212 - 116.4 / 2, 212 + 116.4 / 2);
    }

    @Test
    void phosphateStaysNormalUntilLateCkdThenRises() {
        for (double e : new double[] {95, 60, 45, 30, 18}) {
            // adult reference interval 0.8-1.45 mmol/L (2.5-4.5 mg/dL), as row E03
            assertThat(at(e, "serumPhosphate")).as("phosphate at eGFR " + e).isBetween(0.8, 1.45);
        }
        assertThat(at(15, "serumPhosphate")).isGreaterThan(at(30, "serumPhosphate") + 0.15);
        assertThat(at(15, "serumPhosphate")).isGreaterThan(at(18, "serumPhosphate"));
    }

    @Test
    void theKidneyExcretesTheSameLoadWithARisingFractionalExcretion() {
        for (double e : EGFR) {
            // steady state: urine = absorbed load (22.6 mmol/d at 1000 mg P/d, 70 % absorbed)
            assertThat(urinePhosphate(e)).as("urinary phosphorus at eGFR " + e).isBetween(20.0, 30.0);
        }
        assertThat(fractionalExcretion(95)).as("normal FePi").isBetween(0.05, 0.20);
        for (int i = 1; i < EGFR.length; i++) {
            assertThat(fractionalExcretion(EGFR[i])).isGreaterThan(fractionalExcretion(EGFR[i - 1]));
        }
    }

    @Test
    void calcitriolFallsAndPthRisesAsKidneyFunctionFalls() {
        for (int i = 1; i < EGFR.length; i++) {
            assertThat(at(EGFR[i], "calcitriol")).as("calcitriol at eGFR " + EGFR[i])
                    .isLessThanOrEqualTo(at(EGFR[i - 1], "calcitriol") + 1e-3);
            assertThat(at(EGFR[i], "pthPgMl")).as("PTH at eGFR " + EGFR[i])
                    .isGreaterThanOrEqualTo(at(EGFR[i - 1], "pthPgMl") - 1e-3);
        }
        // G4: calcitriol below and PTH above the normal range (ExplorIron 2023 baseline; reference
        // 1,25(OH)2D about 48-190 pmol/L and PTH 15-65 pg/mL, rows E02/E04).
        assertThat(at(18, "calcitriol")).isLessThan(0.6 * at(95, "calcitriol"));
        assertThat(at(18, "pthPgMl")).isGreaterThan(65);
    }

    @Test
    void totalCalciumStaysNormalNotHigh() {
        for (double e : EGFR) {
            // adult reference interval 2.15-2.55 mmol/L; in CKD normal to slightly low, never high
            assertThat(at(e, "serumCalciumTotal")).as("serum calcium at eGFR " + e).isBetween(2.15, 2.50);
        }
    }

    @Test
    void totalCalciumInCkdG5IsNotAboveTheReference() {
        assertThat(at(15, "serumCalciumTotal")).isLessThanOrEqualTo(at(95, "serumCalciumTotal") + 0.02);
    }

    @Test
    void moreDietaryPhosphorusRaisesFgf23AndPhosphaturiaButPthStaysNormal() {
        // Issue 2: with P&R's 10.5 mmol/d as the baseline, a usual 1000-1400 mg P/d drove PTH to about
        // 170 pg/mL. Now 1400 mg/d (four 350 mg meals) on a 1000 mg/d baseline, one year.
        Simulator sim = SimulatorFactory.load().create(SimulatorFactory.load().defaultParameters());
        Recording rec = new Recording(CkdCourseRunner.IDS, Time.years(1), Time.years(1), 0, 0);
        Scenario s = new Scenario("p1400", "", CkdCourseRunner.atEgfr(95), List.of(), List.of(
                new Intervention.DietaryPhosphate(350, Schedule.daily(7, 12, 16, 19))),
                365.25, rec);
        Trajectory t = sim.run(s, Mode.FAST, ProgressListener.NONE).trajectory();
        assertThat(t.last("pthPgMl")).isBetween(15.0, 65.0);
        assertThat(t.last("serumPhosphate")).isBetween(0.8, 1.45);
        assertThat(t.last("fgf23")).isGreaterThan(at(95, "fgf23"));
        double[] u = t.series("mineral.po4UrineCum");
        assertThat((u[u.length - 1] - u[u.length - 2]) / 365.25).as("urinary P, mmol/d").isBetween(25.0, 40.0);
    }
}
