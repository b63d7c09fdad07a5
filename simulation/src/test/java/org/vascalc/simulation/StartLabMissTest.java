package org.vascalc.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.patient.Patient;

/**
 * A lab the run does not start at, as a value: its warning is the English the forty-ninth session's
 * LabsAtStart wrote (pinned word for word here, from a {@code simulate} run of a CKD G5 patient without
 * dialysis: phosphate 1.9 mmol/L, eGFR 7), the difference in whole percent as that English rounds it, and
 * a run that carries a miss says it among its warnings.
 */
class StartLabMissTest {

    private static final StartLabMiss PHOSPHATE = new StartLabMiss(StartLabMiss.Lab.PHOSPHATE, 1.9, 2.63, 2.63 / 1.9 - 1,
            1.96 * 0.07, List.of(new StartLabMiss.PhosphateFloored(1.9, 7, 32.3)));

    @Test
    void theWarningIsTheEnglishSimulatePrintedBeforeTheMissWasAValue() {
        assertThat(PHOSPHATE.warning()).isEqualTo(InputProblem.warning("patient.serumPhosphateMmolL",
                "the run does not start at the measured phosphate: it starts at 2.630 mmol/L, measured 1.90 mmol/L "
                        + "(+38 %; one person's phosphate varies by ±14 % from day to day, within which a start counts "
                        + "as held). Why: at phosphate 1.9 mmol/L kidneys at eGFR 7 mL/min cannot excrete what the gut "
                        + "absorbs of the habitual 32.3 mmol/d (1000 mg) of phosphorus, so these labs are no steady "
                        + "state of the kidneys alone (without dialysis phosphate would rise in the run-in). The run "
                        + "goes on from the model's start"));
        assertThat(PHOSPHATE.percent()).hasValue(38);
    }

    @Test
    void eachLabNamesItsFieldAsTheFileSpellsItAndItsUnit() {
        assertThat(List.of(StartLabMiss.Lab.values())).extracting(StartLabMiss.Lab::path)
                .containsExactly("patient.serumCalciumMmolL", "patient.serumPhosphateMmolL", "patient.pthPgMl");
        assertThat(List.of(StartLabMiss.Lab.values())).extracting(StartLabMiss.Lab::unit)
                .containsExactly("mmol/L", "mmol/L", "pg/mL");
        StartLabMiss pth = new StartLabMiss(StartLabMiss.Lab.INTACT_PTH, 320, 145.4, 145.4 / 320 - 1, 1.96 * 0.192,
                List.of(new StartLabMiss.Haemodialysis(1.25, 7)));
        assertThat(pth.warning().message()).startsWith("the run does not start at the measured intact PTH: it starts at "
                        + "145 pg/mL, measured 320 pg/mL (-55 %; one person's intact PTH varies by ±38 % from day to day")
                .contains("Why: the labs are taken as a steady state on haemodialysis (its time-averaged phosphate "
                        + "clearance and dialysate calcium 1.25 mmol/L, kidneys at the run-in's eGFR 7 mL/min), from which "
                        + "the run-in's path still moves the patient. The run goes on");
        assertThat(pth.percent()).hasValue(-55);
    }

    @Test
    void aStartTheModelCouldNotGiveHasNoPercent() {
        StartLabMiss none = new StartLabMiss(StartLabMiss.Lab.TOTAL_CALCIUM, 2.3, Double.NaN, Double.NaN, 0.0392,
                List.of(new StartLabMiss.RunIn()));
        assertThat(none.percent()).isEmpty();
        assertThat(none.warning().message()).contains("it starts at NaN mmol/L, measured 2.30 mmol/L (NaN %;");
    }

    @Test
    void aRunCarriesOnlyMissesItsWarningsSay() {
        Scenario s = new Scenario("x", "", Patient.referenceAdult(), List.of(), List.of(), 1,
                new Recording(List.of("a"), 24, 24, 0, 0));
        Trajectory t = new Trajectory(List.of(new OutputChannel("a", "1", "a")), new double[] {0}, new double[][] {{1}});
        InputProblem other = InputProblem.warning("patient.ageYears", "older than the studies");
        SimulationResult r = new SimulationResult(s, Mode.FAST, t, Map.of(), Map.of(), "sha",
                List.of(other, PHOSPHATE.warning()), List.of(PHOSPHATE));
        assertThat(r.otherWarnings()).containsExactly(other);
        assertThat(SimulationResult.withMisses(s, Mode.FAST, t, Map.of(), Map.of(), "sha", List.of(PHOSPHATE)).warnings())
                .containsExactly(PHOSPHATE.warning());
        assertThatThrownBy(() -> new SimulationResult(s, Mode.FAST, t, Map.of(), Map.of(), "sha", List.of(other),
                List.of(PHOSPHATE))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phosphate");
    }
}
