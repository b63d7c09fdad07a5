package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * hdhold: a haemodialysis patient whose measured PTH is above what a gland of capacity 1 can secrete (587
 * pg/mL) starts on an enlarged gland and stays at the labs (docs/model/mineral.md, "High PTH on dialysis: an
 * enlarged gland"); before, such a start was refused. A dialysis patient with labs whose PTH is below the
 * share (352 pg/mL) runs as before, bit for bit.
 */
class DialysisHighPthStartTest {

    /** The daily outputs whose last row {@link DialysisLabsStartTest#assertLastRow} compares bit for bit. */
    private static final Recording DAILY = DialysisLabsStartTest.DAILY;

    private static SimulationResult run(Patient p, double days) {
        Scenario s = new Scenario("hdhold", "", p, List.of(new Condition.Haemodialysis()), List.of(), days, DAILY);
        return EngineSimulator.withoutWall(ModelAssembly.defaultParameters()).run(s, Mode.FAST, ProgressListener.NONE);
    }

    private static Patient example(double pthPgMl) {
        Patient p = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/haemodialysis.yaml")).scenario().patient();
        return new Patient(p.id(), p.ageYears(), p.sex(), p.weightKg(), p.heightCm(), p.egfrMlPerMin(),
                p.serumCalciumMmolL(), p.serumPhosphateMmolL(), OptionalDouble.of(pthPgMl), p.risk());
    }

    /**
     * The example's patient with PTH 900 pg/mL: no warning, the run-in ends within 120 days, and 90 days of
     * the habitual diet keep PTH within its band (±37.6 %) of 900 and phosphate within 2 % of 1.9 mmol/L.
     * Red before hdhold: "mineral baseline cannot be a steady state".
     */
    @Test
    void aHighPthOnDialysisStartsAndStaysAtTheLabs() {
        SimulationResult r = run(example(900), 90);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.counters().get("stabilisationHours")).isLessThan(120 * 24L);
        for (double pth : r.trajectory().series("pthPgMl")) {
            assertThat(Math.abs(pth / 900 - 1)).isLessThan(0.376);
        }
        for (double po4 : r.trajectory().series("serumPhosphate")) {
            assertThat(Math.abs(po4 / 1.9 - 1)).isLessThan(0.02);
        }
    }

    /** The example itself (PTH 320): the last daily row's raw bits, recorded on the code before hdhold (64590a7c). */
    @Test
    void aPthBelowTheShareRunsAsBefore() {
        DialysisLabsStartTest.assertLastRow(run(example(320), 30), EXAMPLE);
    }

    private static final long[] EXAMPLE = {0x400311395ee7701aL, 0x3ffe60f65efa3fdfL, 0x407272800bb35e7bL,
            0x3feffff178ef506eL, 0x4084176a3882cd75L, 0x40567fbd779322caL};
}
