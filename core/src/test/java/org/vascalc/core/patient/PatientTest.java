package org.vascalc.core.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PatientTest {

    @Test
    void theReferenceAdultAndEachWitherChangeOnlyTheirOwnFields() {
        Patient r = Patient.referenceAdult();
        OptionalDouble none = OptionalDouble.empty();
        RiskFactors typical = RiskFactors.typical();
        assertThat(r).isEqualTo(new Patient("reference-adult", 60, Sex.FEMALE, 70, 165, 95, none, none, none, typical));
        assertThat(r.withId("p1")).isEqualTo(new Patient("p1", 60, Sex.FEMALE, 70, 165, 95, none, none, none, typical));
        assertThat(r.withAgeYears(72)).isEqualTo(new Patient("reference-adult", 72, Sex.FEMALE, 70, 165, 95, none, none,
                none, typical));
        assertThat(r.withSex(Sex.MALE).sex()).isEqualTo(Sex.MALE);
        assertThat(r.withBody(80, 180)).isEqualTo(new Patient("reference-adult", 60, Sex.FEMALE, 80, 180, 95, none, none,
                none, typical));
        assertThat(r.withEgfrMlPerMin(30).egfrMlPerMin()).isEqualTo(30);
        Patient labs = r.withLabs(OptionalDouble.of(2.4), OptionalDouble.of(1.6), OptionalDouble.of(300));
        assertThat(labs).isEqualTo(new Patient("reference-adult", 60, Sex.FEMALE, 70, 165, 95, OptionalDouble.of(2.4),
                OptionalDouble.of(1.6), OptionalDouble.of(300), typical));
        assertThat(r.withRisk(typical.withHabits(true, false)).risk().smoker()).isTrue();
    }
}
