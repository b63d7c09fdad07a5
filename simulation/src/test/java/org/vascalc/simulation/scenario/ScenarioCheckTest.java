package org.vascalc.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

class ScenarioCheckTest {

    private static Scenario of(Patient p, List<Condition> conditions, List<Intervention> interventions) {
        return new Scenario("code", "", p, conditions, interventions, 365, Recording.every(24));
    }

    @Test
    void theReferenceAdultOnAPlainRegimenHasNoProblem() {
        Scenario s = of(Patient.referenceAdult(), List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G3A)),
                List.of(new Intervention.DietaryCalcium(300, Schedule.daily(8, 13, 19)),
                        new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))));
        assertThat(ScenarioCheck.problems(s)).isEmpty();
        assertThat(ScenarioCheck.require(s)).isEmpty();
    }

    @Test
    void unitSlipsInCodeAreAllReportedWithFieldPathValueUnitAndRange() {
        Patient p = Patient.referenceAdult().withBody(70_000, 1.65)
                .withRisk(RiskFactors.typical().withBloodPressureMmHg(80, 95));
        Scenario s = of(p, List.of(), List.of(new Intervention.DietaryCalcium(300, Schedule.daily(8)),
                new Intervention.CalciumSupplement(5000, Intervention.CalciumSalt.CARBONATE, true, Schedule.daily(8))));
        assertThatThrownBy(() -> ScenarioCheck.require(s)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("scenario code has 4 problems")
                .hasMessageContaining("patient.weightKg: body weight = 70000 kg is outside the allowed range 30 to 300 kg")
                .hasMessageContaining("patient.heightCm: height = 1.65 cm is outside the allowed range 120 to 230 cm; "
                        + "height is in cm; 1.65 m is 165 cm")
                .hasMessageContaining("patient.risk.diastolicBpMmHg: diastolic blood pressure = 95.0 mmHg must be below "
                        + "systolic (80.0 mmHg)")
                .hasMessageContaining("interventions[1].elementalMgPerDose: elemental calcium per dose = 5000 mg is "
                        + "outside the allowed range 0 to 2500 mg");
    }

    /** review11: as vascalc risk and /risk refuse it (RiskFactors.hdlNotBelowTotal); the plaque model reads TC - HDL. */
    @Test
    void anHdlNotBelowTheTotalCholesterolIsRefusedAsTheRiskToolsRefuseIt() {
        Scenario s = of(Patient.referenceAdult().withRisk(RiskFactors.typical().withCholesterolMgDl(120, 130)),
                List.of(), List.of());
        assertThatThrownBy(() -> ScenarioCheck.require(s)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("patient.risk.hdlCholesterolMgDl: HDL cholesterol (130 mg/dL) must be below total "
                        + "cholesterol (120 mg/dL)");
        Scenario wide = of(Patient.referenceAdult().withRisk(RiskFactors.typical().withCholesterolMgDl(650, 180)),
                List.of(), List.of());
        assertThat(ScenarioCheck.problems(wide)).as("inside the risk tools' limits: warned (outside 130-320), not refused")
                .allSatisfy(pr -> assertThat(pr.severity()).isEqualTo(org.vascalc.core.input.InputProblem.Severity.WARNING))
                .isNotEmpty();
    }

    @Test
    void labsConditionsAndSchedulesAreCheckedToo() {
        Patient p = Patient.referenceAdult().withLabs(OptionalDouble.of(9.4), OptionalDouble.empty(), OptionalDouble.empty());
        Scenario s = of(p, List.of(new Condition.KidneyFunctionCourse(List.of(new Condition.GfrPoint(0, 60),
                        new Condition.GfrPoint(200, 30)))),
                List.of(new Intervention.Warfarin(5, Schedule.daily(18).between(40_000, 40_001))));
        assertThat(ScenarioCheck.problems(s)).extracting(InputProblem::path).containsExactly(
                "patient.serumCalciumMmolL", "conditions[0].points[1].years", "interventions[0].schedule.startDay",
                "interventions[0].schedule.stopDay");
        assertThat(ScenarioCheck.problems(s).get(0).message()).contains("serum total calcium = 9.4 mmol/L",
                "1.5 to 4 mmol/L");
    }

    @Test
    void theRecordsThemselvesNameTheValuesTheyRefuse() {
        assertThatThrownBy(() -> Schedule.daily(8, 25)).hasMessageContaining("got clockHours = [8.0, 25.0]");
        assertThatThrownBy(() -> Schedule.daily(8).between(10, 5)).hasMessageContaining("got startDay = 10.0, stopDay = 5.0");
        assertThatThrownBy(() -> new Condition.GfrPoint(1, 250)).hasMessageContaining("got 250.0");
        assertThatThrownBy(() -> new Scenario("s", "", Patient.referenceAdult(), List.of(), List.of(), -3,
                Recording.every(24))).hasMessageContaining("durationDays must be > 0 days, got -3.0");
    }

    @Test
    void aValueOutsideTheTypicalRangeIsAWarningAndTheScenarioPasses() {
        Scenario s = of(Patient.referenceAdult().withAgeYears(95), List.of(), List.of());
        List<InputProblem> warnings = ScenarioCheck.require(s);
        assertThat(warnings).extracting(InputProblem::path).containsExactly("patient.ageYears");
        assertThat(warnings.get(0).severity()).isEqualTo(InputProblem.Severity.WARNING);
    }

    /** The check of a record and the file loader agree: every example file's scenario passes with the loader's warnings. */
    @Test
    void everyExampleScenarioFilePassesWithTheWarningsItsLoaderGave() throws IOException {
        Path dir = ProjectFiles.require("examples/scenarios");
        List<Path> files;
        try (Stream<Path> all = Files.walk(dir)) {
            files = all.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            ScenarioFiles.Loaded l = ScenarioFiles.load(f);
            assertThat(ScenarioCheck.require(l.scenario())).as(f.toString())
                    .map(InputProblem::toString).containsExactlyElementsOf(l.warnings().stream().map(InputProblem::toString).toList());
        }
    }
}
