package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;

/**
 * The lab-agreement check on its own: each lab's band is 1.96 × its within-subject variation (calcium
 * 2 %, phosphate 7 %, PTH 19.2 %: 3.92 %, 13.72 %, 37.63 %), checked just inside and just outside by
 * hand-chosen starts; labs not given are not checked; the reason names what the model knows moved the
 * start. The engine's runs are in {@link LabsAtStartRunTest}.
 */
class LabsAtStartTest {

    private static final LabsAtStart.Causes NONE = new LabsAtStart.Causes(false, Double.NaN, false, 95, 32.3);

    private static Patient withLabs(double egfr, Double ca, Double p, Double pth) {
        return new Patient("p", 60, Sex.FEMALE, 70, 165, egfr, opt(ca), opt(p), opt(pth), RiskFactors.typical());
    }

    private static OptionalDouble opt(Double v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static List<String> paths(List<InputProblem> ws) {
        return ws.stream().map(InputProblem::path).toList();
    }

    @Test
    void eachLabWarnsJustOutsideItsBandAndNotJustInside() {
        Patient p = withLabs(95, 2.50, 1.00, 100.0);
        // -3.6 %, -13 %, +37 %: inside each band
        assertThat(LabsAtStart.warnings(p, new LabsAtStart.Start(2.41, 0.87, 137), NONE)).isEmpty();
        // -4.0 %, -14 %, +38 %: outside each band
        List<InputProblem> ws = LabsAtStart.warnings(p, new LabsAtStart.Start(2.40, 0.86, 138), NONE);
        assertThat(paths(ws)).containsExactly("patient.serumCalciumMmolL", "patient.serumPhosphateMmolL", "patient.pthPgMl");
        assertThat(ws).allMatch(w -> w.severity() == InputProblem.Severity.WARNING);
        assertThat(ws.get(0).message()).contains("measured 2.50 mmol/L", "starts at 2.400 mmol/L", "-4 %", "±4 %");
        assertThat(ws.get(1).message()).contains("measured 1.00 mmol/L", "starts at 0.860 mmol/L", "-14 %", "±14 %");
        assertThat(ws.get(2).message()).contains("measured 100 pg/mL", "starts at 138 pg/mL", "+38 %", "±38 %");
    }

    @Test
    void aLabNotGivenIsNotCheckedAndAStartTheModelCouldNotGiveIsNoAgreement() {
        Patient onlyPth = withLabs(95, null, null, 40.0);
        assertThat(LabsAtStart.warnings(onlyPth, new LabsAtStart.Start(1.0, 9.0, 40), NONE)).isEmpty();
        assertThat(paths(LabsAtStart.warnings(onlyPth, new LabsAtStart.Start(2.35, 1.1, Double.NaN), NONE)))
                .containsExactly("patient.pthPgMl");
    }

    @Test
    void theReasonNamesDialysisTheFlooredPhosphateAndACourseThatMovesTheEgfr() {
        // hdlabs: the derivation includes the dialysis, so on dialysis the floor (phosphate too low for the
        // kidneys at the run-in's eGFR and the dialysis together) is the cause, else the run-in's path
        Patient hd = withLabs(40, null, 1.2, 320.0);
        String both = LabsAtStart.reason(hd, new LabsAtStart.Causes(true, 1.5, true, 7, 32.3));
        assertThat(both).contains("at phosphate 1.2 mmol/L the kidneys at eGFR 7 mL/min and the haemodialysis "
                        + "(dialysate calcium 1.5 mmol/L) together cannot remove")
                .contains("32.3 mmol/d (1000 mg)").doesNotContain("kidneys alone");
        assertThat(LabsAtStart.reason(hd, new LabsAtStart.Causes(true, 1.25, false, 7, 32.3)))
                .contains("steady state on haemodialysis (its time-averaged phosphate clearance and dialysate calcium "
                        + "1.25 mmol/L, kidneys at the run-in's eGFR 7 mL/min)");
        Patient g4 = withLabs(22, 2.3, 1.4, 120.0);
        assertThat(LabsAtStart.reason(g4, new LabsAtStart.Causes(false, Double.NaN, false, 30, 32.3)))
                .contains("eGFR at t = 0, 30 mL/min, not the patient's 22").doesNotContain("haemodialysis");
        assertThat(LabsAtStart.reason(g4, new LabsAtStart.Causes(false, Double.NaN, false, 22, 32.3)))
                .startsWith("the run-in (habitual diet as meals");
    }
}
