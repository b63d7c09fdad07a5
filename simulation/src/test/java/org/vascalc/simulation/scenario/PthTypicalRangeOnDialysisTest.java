package org.vascalc.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.simulation.Scenario;

/**
 * leftovers12 (hdhold's Left): a patient's PTH above the typical 600 pg/mL was "extrapolation" on haemodialysis
 * too, where since hdhold the model starts it on an enlarged gland up to about 1446 pg/mL; the warning now says that
 * (and that the run refuses a start above), in a scenario file and from {@link ScenarioCheck#problems} alike. The
 * hard limits are as before; off dialysis see {@link PthStartLimitCheckTest} (ckdgland).
 */
class PthTypicalRangeOnDialysisTest {

    private static String file(double pth, boolean dialysis) {
        return "name: hd\npatient: {egfrMlPerMin: 7, pthPgMl: " + pth + "}\n"
                + (dialysis ? "conditions:\n  - type: haemodialysis\n    dialysateCalciumMmolL: 1.5\n" : "")
                + "durationDays: 1\nrecording: {intervalHours: 24}\n";
    }

    private static List<String> fileWarnings(double pth, boolean dialysis) {
        return ScenarioFiles.parse(file(pth, dialysis), ScenarioFiles.Format.YAML, "hd.yaml").warnings().stream()
                .map(w -> w.path() + ": " + w.message()).toList();
    }

    private static List<String> checkWarnings(double pth, boolean dialysis) {
        Scenario s = ScenarioFiles.parse(file(pth, dialysis), ScenarioFiles.Format.YAML, "hd.yaml").scenario();
        return ScenarioCheck.problems(s).stream().filter(p -> p.severity() == InputProblem.Severity.WARNING)
                .map(w -> w.path() + ": " + w.message()).toList();
    }

    @Test
    void onDialysisAPthTheModelStartsIsNotCalledExtrapolation() {
        String said = "patient.pthPgMl: intact PTH = 900 pg/mL is above the typical range 10 to 600 pg/mL of the "
                + "general population; on haemodialysis the model starts it on an enlarged parathyroid gland (up to "
                + "about 1446 pg/mL with the catalog's parameters; docs/model/mineral.md, \"High PTH on dialysis\")";
        assertThat(fileWarnings(900, true)).containsExactly(said);
        assertThat(checkWarnings(900, true)).containsExactly(said);
    }

    @Test
    void onDialysisAPthAboveTheEnlargedGlandsSaysTheStartWillBeRefused() {
        assertThat(fileWarnings(2000, true)).singleElement().asString().endsWith("only up to about 1446 pg/mL with "
                + "the catalog's parameters, so the run will refuse this start");
    }

    /**
     * (Off dialysis a PTH above 600, and below 9.05 on and off dialysis, was "extrapolation" here until ckdgland,
     * where the run refused it: {@link PthStartLimitCheckTest}.)
     */
    @Test
    void belowTheTypicalRangeAndBeyondTheHardLimitsTheWordsAreAsBefore() {
        assertThat(fileWarnings(9.5, true)).containsExactly("patient.pthPgMl: intact PTH = 9.5 pg/mL is outside the "
                + "typical range 10 to 600 pg/mL; results there are extrapolation");
        assertThat(fileWarnings(320, true)).isEmpty();
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> ScenarioFiles.parse(file(3500, true), ScenarioFiles.Format.YAML, "hd.yaml"));
        assertThat(e.problems()).singleElement().extracting(InputProblem::message)
                .isEqualTo("intact PTH = 3500 pg/mL is outside the allowed range 1 to 3000 pg/mL");
    }
}
