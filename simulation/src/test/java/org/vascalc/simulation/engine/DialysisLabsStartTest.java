package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.assertj.core.data.Percentage;
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
 * hdlabs: labs measured on haemodialysis are derived with the dialysis, so such a patient's run-in starts
 * at a steady state and ends within weeks (before: a path of 1 472 days to phosphate 1.527 mmol/L); every
 * other patient's run is the run of before, bit for bit.
 */
class DialysisLabsStartTest {

    static final Recording DAILY = new Recording(
            List.of("serumCalciumTotal", "serumPhosphate", "pthPgMl", "bmd", "fgf23", "calcitriol"), 24, 24, 0, 0);

    private static SimulationResult run(Patient p, List<Condition> conditions, double days) {
        Scenario s = new Scenario("hdlabs", "", p, conditions, List.of(), days, DAILY);
        return EngineSimulator.withoutWall(ModelAssembly.defaultParameters()).run(s, Mode.FAST, ProgressListener.NONE);
    }

    private static Patient example() {
        return ScenarioFiles.load(ProjectFiles.require("examples/scenarios/haemodialysis.yaml")).scenario().patient();
    }

    private static Patient labs(Patient p, double egfr, OptionalDouble ca, OptionalDouble po4, OptionalDouble pth) {
        return new Patient(p.id(), p.ageYears(), p.sex(), p.weightKg(), p.heightCm(), egfr, ca, po4, pth, p.risk());
    }

    /**
     * The example's patient on dialysis without an intervention: the run-in ends within 120 days (62
     * on hdlabs without the wall, 32 with it; 1 472 before) and 90 days of the habitual diet keep phosphate within 2 % of the measured
     * 1.9 mmol/L (before: 1.527 from the start) and PTH within its band of the measured 320 pg/mL.
     */
    @Test
    void theExamplePatientOnDialysisStartsAndStaysAtHerLabs() {
        SimulationResult r = run(example(), List.of(new Condition.Haemodialysis()), 90);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.counters().get("stabilisationHours")).isLessThan(120 * 24L);
        for (double po4 : r.trajectory().series("serumPhosphate")) {
            assertThat(po4).isCloseTo(1.9, Percentage.withPercentage(2));
        }
        for (double pth : r.trajectory().series("pthPgMl")) {
            assertThat(Math.abs(pth / 320 - 1)).isLessThan(0.376);
        }
    }

    /**
     * Off dialysis, or on dialysis without labs, the run is the one of before hdlabs: the last daily row's
     * raw bits, recorded on the code before the change (commit 639413d6) and unchanged by it.
     */
    @Test
    void offDialysisOrWithoutLabsTheRunIsTheRunOfBefore() {
        OptionalDouble none = OptionalDouble.empty();
        Patient adult = Patient.referenceAdult();
        assertLastRow(run(labs(adult, 22, OptionalDouble.of(2.30), OptionalDouble.of(1.40), OptionalDouble.of(120)),
                List.of(), 30), G4_LABS);
        assertLastRow(run(labs(adult, 95, OptionalDouble.of(2.35), OptionalDouble.of(1.1), OptionalDouble.of(40)),
                List.of(), 30), HEALTHY_LABS);
        assertLastRow(run(labs(example(), 7, none, none, none), List.of(new Condition.Haemodialysis()), 30),
                DIALYSIS_NO_LABS);
    }

    private static final long[] G4_LABS = {0x400295f096f5f859L, 0x3ff660975c19f282L, 0x405b52a434778f8eL,
            0x3feffffd0f8bb0cfL, 0x406992bfa7016a06L, 0x40567ff70ce31587L};
    private static final long[] HEALTHY_LABS = {0x4002f4ea8d627a8eL, 0x3ff1951498524179L, 0x40428c35d3c6a482L,
            0x3fefffff09d16610L, 0x4047b05b73f7e8a6L, 0x40567fe469340d7aL};
    private static final long[] DIALYSIS_NO_LABS = {0x40017a2dab44856bL, 0x3ff98a3b62e1c9beL, 0x4061bc82c8f57f5eL,
            0x3feecaabe811ade1L, 0x407c0686c48cef36L, 0x403eaad97a842609L};

    /** The last row of {@code r}'s daily outputs, bit for bit (the message prints the bits found, to record them). */
    static void assertLastRow(SimulationResult r, long[] expected) {
        long[] bits = new long[DAILY.outputs().size()];
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < bits.length; k++) {
            double[] s = r.trajectory().series(DAILY.outputs().get(k));
            bits[k] = Double.doubleToRawLongBits(s[s.length - 1]);
            b.append(String.format("0x%016xL, ", bits[k]));
        }
        assertThat(bits).as(b.toString()).containsExactly(expected);
    }
}
