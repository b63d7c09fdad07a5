package org.vascalc.physiology.wall;

import java.util.OptionalDouble;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;

/** Reference patients for the wall tests. */
final class TestPatients {

    private TestPatients() {
    }

    static Patient woman(double age) {
        return new Patient("woman-" + age, age, Sex.FEMALE, 70, 165, 95, OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), RiskFactors.typical());
    }

    static Patient man(double age) {
        return new Patient("man-" + age, age, Sex.MALE, 82, 178, 95, OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), RiskFactors.typical());
    }

    static Patient withBp(Patient p, double sbp, double dbp) {
        RiskFactors r = p.risk();
        return new Patient(p.id() + "-bp" + sbp, p.ageYears(), p.sex(), p.weightKg(), p.heightCm(), p.egfrMlPerMin(),
                p.serumCalciumMmolL(), p.serumPhosphateMmolL(), p.pthPgMl(),
                new RiskFactors(r.totalCholesterolMgDl(), r.hdlCholesterolMgDl(), sbp, dbp, r.smoker(), r.diabetes(),
                        r.hsCrpMgL()));
    }

    /** CKD stage 3 like the CRIC average: eGFR 45, phosphate 1.2 mmol/L. */
    static Patient ckd3(double age) {
        return new Patient("ckd3-" + age, age, Sex.MALE, 85, 175, 45, OptionalDouble.empty(),
                OptionalDouble.of(1.2), OptionalDouble.empty(), RiskFactors.typical());
    }

    static Patient diabeticSmoker(double age) {
        return new Patient("dm-smoker-" + age, age, Sex.MALE, 95, 175, 80, OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), new RiskFactors(230, 40, 145, 85, true, true, 3));
    }

    static Patient haemodialysis(double age) {
        return new Patient("hd-" + age, age, Sex.MALE, 75, 172, 8, OptionalDouble.empty(),
                OptionalDouble.of(1.8), OptionalDouble.empty(), RiskFactors.typical());
    }
}
