package org.vascalc.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.simulation.scenario.ScenarioFiles.Format;

/**
 * The scenario's {@code patient.risk.diabetes}: absent, it is the template's ({@link RiskFactors#typical()},
 * no diabetes), not another field's value nor "yes"; a value that is not true or false is refused
 * naming the field, what was found and what is allowed. Only {@code diabetes: true} was tested.
 */
class ScenarioDiabetesFieldTest {

    private static ScenarioFiles.Loaded parse(String risk) {
        return ScenarioFiles.parse("name: t\npatient: {risk: " + risk + "}\ndurationDays: 1\nrecording: {intervalHours: 1}\n",
                Format.YAML, "t");
    }

    @Test
    void anAbsentDiabetesIsTheTemplatesNotTheSmokersValue() {
        // a smoker, so a fallback read from the wrong field (or a fallback of true) shows
        RiskFactors risk = parse("{smoker: true}").scenario().patient().risk();
        assertThat(RiskFactors.typical().diabetes()).as("the template this test relies on").isFalse();
        assertThat(risk.diabetes()).isEqualTo(RiskFactors.typical().diabetes());
        assertThat(risk.smoker()).isTrue();
    }

    @Test
    void anExplicitFalseIsReadAsWritten() {
        assertThat(parse("{smoker: true, diabetes: false}").scenario().patient().risk().diabetes()).isFalse();
        assertThat(parse("{diabetes: true}").scenario().patient().risk().diabetes()).isTrue();
    }

    @Test
    void maybeIsRefusedNamingTheFieldTheValueAndWhatIsAllowed() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> parse("{diabetes: maybe}"));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).path()).isEqualTo("patient.risk.diabetes");
        assertThat(e.getMessage()).contains("patient.risk.diabetes: expected true or false, found text 'maybe'");
    }

    @Test
    void aNumberIsRefusedToo() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> parse("{diabetes: 1}"));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).contains("patient.risk.diabetes: expected true or false, found the number 1");
    }
}
