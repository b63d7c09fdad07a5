package org.vascalc.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.scenario.ScenarioFiles.Format;

/**
 * Every field's range check, one field at a time, and the edges of the order checks (a value equal
 * to the one it must exceed is refused; one it may equal is taken). Mutation testing (docs/testing.md,
 * 2026-12-04) found that removing the check of most single fields of {@link ScenarioCheck}, or moving
 * an order check's boundary by one, went unnoticed: the tests named a few fields each.
 */
class ScenarioFieldChecksTest {

    private static final Schedule DAILY = Schedule.daily(8);

    /**
     * Every patient field, condition and intervention outside its hard limits (ScenarioRanges); not
     * the dialysate calcium, which the Haemodialysis record itself refuses outside 0.5-2.5 mmol/L.
     */
    private static Scenario everythingOutside() {
        Patient p = new Patient("p", 5, Sex.FEMALE, 5, 500, 500, OptionalDouble.of(9), OptionalDouble.of(9),
                OptionalDouble.of(5000), new RiskFactors(5000, 1000, 300, 200, false, false, 500));
        List<Condition> conditions = List.of(
                new Condition.KidneyFunctionCourse(List.of(new Condition.GfrPoint(0, 0.5), new Condition.GfrPoint(200, 60))));
        List<Intervention> interventions = List.of(
                new Intervention.DietaryCalcium(5000, DAILY),
                new Intervention.CalciumDrink(5000, DAILY),
                new Intervention.CalciumSupplement(5000, null, true, DAILY),
                new Intervention.DietaryPhosphate(5000, DAILY),
                new Intervention.VitaminK(null, 60000, DAILY),
                new Intervention.Warfarin(40, DAILY),
                new Intervention.PhosphateBinder(null, 7000, DAILY),
                new Intervention.Statin(null, DAILY));
        return new Scenario("all", "", p, conditions, interventions, 40000, Recording.every(24));
    }

    private static final List<String> PATIENT_PATHS = List.of("patient.ageYears", "patient.weightKg",
            "patient.heightCm", "patient.egfrMlPerMin", "patient.serumCalciumMmolL", "patient.serumPhosphateMmolL",
            "patient.pthPgMl", "patient.risk.totalCholesterolMgDl", "patient.risk.hdlCholesterolMgDl",
            "patient.risk.systolicBpMmHg", "patient.risk.diastolicBpMmHg", "patient.risk.hsCrpMgL",
            "conditions[0].points[0].egfrMlPerMin", "conditions[0].points[1].years",
            "durationDays");
    private static final List<String> INTERVENTION_PATHS = List.of("interventions[0].mgPerMeal",
            "interventions[1].mgPerDrink", "interventions[2].elementalMgPerDose", "interventions[2].salt",
            "interventions[3].mgPhosphorusPerMeal", "interventions[4].microgramsPerDose", "interventions[4].form",
            "interventions[5].mgPerDose", "interventions[6].mgPerDose", "interventions[6].kind",
            "interventions[7].intensity");

    @Test
    void everyFieldOutsideItsRangeIsAnErrorAtItsOwnPath() {
        List<InputProblem> problems = ScenarioCheck.problems(everythingOutside());
        assertThat(problems).allSatisfy(q -> assertThat(q.severity()).isEqualTo(InputProblem.Severity.ERROR));
        assertThat(problems).extracting(InputProblem::path).containsAll(PATIENT_PATHS).containsAll(INTERVENTION_PATHS);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ScenarioCheck.requireForRun(everythingOutside()));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(InputProblem::path).containsAll(PATIENT_PATHS).containsAll(INTERVENTION_PATHS);
        assertThat(e.getMessage()).contains("patient.pthPgMl: intact PTH = 5000 pg/mL is outside the allowed range "
                + "1 to 3000 pg/mL");
    }

    @Test
    void beyondTheInterventionLimitsOnlyTheInterventionsAreLeftUnchecked() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () ->
                ScenarioCheck.beyondInterventionLimits(() -> {
                    ScenarioCheck.requireForRun(everythingOutside());
                    return null;
                }));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(InputProblem::path).containsAll(PATIENT_PATHS)
                .doesNotContainAnyElementsOf(INTERVENTION_PATHS);
        // and the limits are back after it
        assertThatThrownBy(() -> ScenarioCheck.requireForRun(everythingOutside()))
                .hasMessageContaining("interventions[0].mgPerMeal");
        Scenario fine = new Scenario("ok", "", Patient.referenceAdult(), List.of(),
                List.of(new Intervention.CalciumSupplement(3000, Intervention.CalciumSalt.CITRATE, false, DAILY)), 1,
                Recording.every(24));
        assertThat(ScenarioCheck.beyondInterventionLimits(() -> {
            ScenarioCheck.requireForRun(fine);
            return "ran";
        })).isEqualTo("ran");
    }

    @Test
    void aDiastolicPressureEqualToTheSystolicIsRefused() {
        Scenario equal = new Scenario("bp", "", Patient.referenceAdult()
                .withRisk(RiskFactors.typical().withBloodPressureMmHg(120, 120)), List.of(), List.of(), 1, Recording.every(24));
        // (120 mmHg diastolic is also above its typical range: a warning besides the error)
        assertThat(ScenarioCheck.problems(equal)).filteredOn(q -> q.severity() == InputProblem.Severity.ERROR)
                .extracting(InputProblem::message)
                .containsExactly("diastolic blood pressure = 120.0 mmHg must be below systolic (120.0 mmHg)");
        assertThatThrownBy(() -> ScenarioFiles.parse("""
                name: t
                patient: {risk: {systolicBpMmHg: 120, diastolicBpMmHg: 120}}
                durationDays: 1
                recording: {intervalHours: 1}
                """, Format.YAML, "t")).hasMessageContaining("patient.risk.diastolicBpMmHg: diastolic blood pressure = "
                + "120.0 mmHg must be below systolic (120.0 mmHg)");
    }

    private static String scenario(String body) {
        return "name: t\n" + body + "durationDays: 1\nrecording: {intervalHours: 1}\n";
    }

    private static List<String> errorPaths(String yaml) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ScenarioFiles.parse(yaml, Format.YAML, "t"));
        return e == null ? List.of() : e.problems().stream().map(InputProblem::path).toList();
    }

    @Test
    void anOrderCheckRefusesEqualValuesWhereTheyMustIncrease() {
        assertThat(errorPaths(scenario("""
                conditions: [{type: kidneyFunctionCourse, points: [{years: 1, egfrMlPerMin: 60}, {years: 1, egfrMlPerMin: 50}]}]
                """))).contains("conditions[0].points[1].years");
        assertThat(errorPaths(scenario("""
                interventions: [{type: warfarin, mgPerDose: 5, schedule: {startDay: 3, stopDay: 3, clockHours: [8]}}]
                """))).containsExactly("interventions[0].schedule.stopDay");
        assertThat(errorPaths(scenario("""
                interventions: [{type: warfarin, mgPerDose: 5, schedule: {clockHours: [8, 8]}}]
                """))).containsExactly("interventions[0].schedule.clockHours[1]");
        assertThat(errorPaths(scenario("""
                interventions: [{type: warfarin, mgPerDose: 5, schedule: {clockHours: [8], daysOfWeek: [2, 2]}}]
                """))).containsExactly("interventions[0].schedule.daysOfWeek[1]");
        // a fine-recording window may be a single day (end equal to start)
        assertThat(ScenarioFiles.parse("""
                name: t
                durationDays: 5
                recording: {intervalHours: 24, fineIntervalHours: 1, fineFromDay: 2, fineToDay: 2}
                """, Format.YAML, "t").scenario().recording()).isNotNull();
        assertThat(errorPaths("""
                name: t
                durationDays: 5
                recording: {intervalHours: 24, fineIntervalHours: 1, fineFromDay: 2, fineToDay: 1.5}
                """)).containsExactly("recording.fineToDay");
    }

    @Test
    void booleansAreReadAsWrittenAndAWrongTypeIsNamedByWhatWasFound() {
        ScenarioFiles.Loaded l = ScenarioFiles.parse(scenario("""
                patient: {risk: {smoker: true, diabetes: true}}
                interventions: [{type: calciumSupplement, elementalMgPerDose: 500, salt: citrate, withFood: true,
                                 schedule: {clockHours: [8]}}]
                """), Format.YAML, "t");
        assertThat(l.scenario().patient().risk().smoker()).isTrue();
        assertThat(l.scenario().patient().risk().diabetes()).isTrue();
        assertThat(((Intervention.CalciumSupplement) l.scenario().interventions().get(0)).withFood()).isTrue();
        ScenarioFiles.Loaded no = ScenarioFiles.parse(scenario("""
                patient: {risk: {smoker: false}}
                interventions: [{type: calciumSupplement, elementalMgPerDose: 500, salt: citrate, withFood: false,
                                 schedule: {clockHours: [8]}}]
                """), Format.YAML, "t");
        assertThat(no.scenario().patient().risk().smoker()).isFalse();
        assertThat(((Intervention.CalciumSupplement) no.scenario().interventions().get(0)).withFood()).isFalse();
        assertThat(no.scenario().patient().id()).isEqualTo(Patient.referenceAdult().id());
        assertThatThrownBy(() -> ScenarioFiles.parse(scenario("""
                description: 7
                patient: {weightKg: [70], heightCm: {cm: 165}, ageYears: true, risk: {smoker: 1}}
                """), Format.YAML, "t"))
                .hasMessageContaining("description: expected text, found the number 7")
                .hasMessageContaining("patient.weightKg: body weight must be a number from 30 to 300 kg, found a list")
                .hasMessageContaining("patient.heightCm: height must be a number from 120 to 230 cm, found an object")
                .hasMessageContaining("patient.ageYears: age must be a number from 18 to 110 years, found true")
                .hasMessageContaining("patient.risk.smoker: expected true or false, found the number 1");
        ScenarioFiles.Loaded described = ScenarioFiles.parse(scenario("description: a plain day\n"), Format.YAML, "t");
        assertThat(described.scenario().description()).isEqualTo("a plain day");
    }

    @Test
    void aUnitHintKeepsTheVerdictAndComesOnlyWhereTheOtherUnitIsAllowed() {
        InputProblems height = new InputProblems();
        assertThat(ScenarioRanges.check(ScenarioRanges.HEIGHT, 1.65, "h", height)).isFalse();
        InputProblems tablet = new InputProblems();
        assertThat(ScenarioRanges.check(ScenarioRanges.SUPPLEMENT_CALCIUM, 0.5, "s", tablet)).isTrue();
        assertThat(tablet.hasErrors()).isFalse();
        // 3 (g) is 3000 mg, above the 2500 mg limit: no "meant in g" guess, only the typical-range warning
        InputProblems three = new InputProblems();
        assertThat(ScenarioRanges.check(ScenarioRanges.SUPPLEMENT_CALCIUM, 3, "s", three)).isTrue();
        assertThat(three.all()).singleElement().satisfies(q -> {
            assertThat(q.severity()).isEqualTo(InputProblem.Severity.WARNING);
            assertThat(q.message()).doesNotContain("meant in g");
        });
    }
}
