package org.vascalc.simulation.engine;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.simulation.Scenario;

/**
 * Fast against reference mode (as {@link FastVersusReferenceIT}) for CKD patients with labs, the
 * measurement switch {@code vascalc.ckdLabsCalcitriol} off and on: a year of calcium acetate and of
 * calcium carbonate as binder at CKD G4 (eGFR 22, labs 2.30 / 1.40 / 120) and G5 (eGFR 10, 2.25 / 1.70 /
 * 250). Developer aid, on request only ({@code -Dvascalc.scratch=true}).
 */
class CkdLabsAgreementRunner {

    private static Scenario withLabs(Scenario s, double egfr, double ca, double po4, double pth) {
        Patient a = s.patient();
        Patient p = new Patient(a.id() + "-labs", a.ageYears(), a.sex(), a.weightKg(), a.heightCm(), egfr,
                OptionalDouble.of(ca), OptionalDouble.of(po4), OptionalDouble.of(pth), a.risk());
        return new Scenario(s.name() + "-labs", "", p, List.of(), s.interventions(), s.durationDays(), s.recording());
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        for (String sw : List.of("false", "true")) {
            System.setProperty(MineralBlock.CKD_LABS_CALCITRIOL_PROPERTY, sw);
            for (Condition.CkdStage stage : new Condition.CkdStage[] {Condition.CkdStage.G4, Condition.CkdStage.G5}) {
                boolean g4 = stage == Condition.CkdStage.G4;
                for (Scenario base : List.of(AgreementScenarios.oneYearCkdWithBinder(stage),
                        AgreementScenarios.oneYearCkdWithCarbonateBinder(stage))) {
                    Scenario s = g4 ? withLabs(base, 22, 2.30, 1.40, 120) : withLabs(base, 10, 2.25, 1.70, 250);
                    double worst = FastVersusReferenceTest.worstRelativeDifference(s);
                    System.out.println(String.format(Locale.ROOT, "CKDLABSAGREE switch %-5s %-34s worst %.2e", sw,
                            s.name(), worst));
                }
            }
        }
        System.clearProperty(MineralBlock.CKD_LABS_CALCITRIOL_PROPERTY);
    }
}
