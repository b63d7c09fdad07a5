package org.vascalc.clinical;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.vascalc.clinical.input.Race;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.core.patient.Sex;

/** Reference profiles of the published test vectors (research note /work/shared/clinical/reference.md). */
public final class Profiles {

    private Profiles() {
    }

    public static RiskInput of(double age, Sex sex, Race race, double tc, double hdl, double sbp, boolean bpTreated,
                               boolean statin, boolean diabetes, boolean smoker) {
        return new RiskInput(age, sex, race, tc, hdl, sbp, bpTreated, statin, diabetes, smoker, false,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty());
    }

    /** Goff 2013 supplement example: 55 y, TC 213, HDL 50, SBP 120 untreated, non-smoker, no diabetes. */
    public static RiskInput goffExample(Sex sex, Race race) {
        return of(55, sex, race, 213, 50, 120, false, false, false, false);
    }

    /** preventr default profile: 50 y, SBP 160 treated, TC 200, HDL 45, diabetes, non-smoker, eGFR 90, BMI 35. */
    public static RiskInput preventDefault(Sex sex) {
        return new RiskInput(50, sex, Race.WHITE, 200, 45, 160, true, false, true, false, false,
                OptionalDouble.of(35), OptionalDouble.of(90), OptionalDouble.empty(), OptionalInt.empty());
    }
}
