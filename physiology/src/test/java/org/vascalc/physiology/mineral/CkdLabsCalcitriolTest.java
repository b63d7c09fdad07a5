package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;

/**
 * The measurement switch {@code vascalc.ckdLabsCalcitriol} (docs/model/mineral.md, "Calcitriol of a CKD
 * patient with labs, built and measured"): a CKD patient with labs is derived at the calcitriol that the
 * reference production constants give at her PTH and eGFR. Expected values are the section's closed form
 * evaluated by hand (Python, from the catalog's P&amp;R constants): x = (h n^-0.5)^(1/1.3), h P&amp;R's Hill
 * law of PTH on 1-alpha-hydroxylase relative to the reference PTH 3.85 pmol/L, n = 100 / eGFR.
 */
class CkdLabsCalcitriolTest {

    @AfterEach
    void switchOff() {
        System.clearProperty(MineralBlock.CKD_LABS_CALCITRIOL_PROPERTY);
    }

    private static MineralBlock block(boolean on) {
        if (on) {
            System.setProperty(MineralBlock.CKD_LABS_CALCITRIOL_PROPERTY, "true");
        } else {
            System.clearProperty(MineralBlock.CKD_LABS_CALCITRIOL_PROPERTY);
        }
        return new MineralBlock(MineralBlock.defaultParameters());
    }

    private static Patient labs(double egfr, double ca, double po4, double pthPgMl) {
        return new Patient("labs", 65, Sex.FEMALE, 70, 165, egfr, OptionalDouble.of(ca), OptionalDouble.of(po4),
                OptionalDouble.of(pthPgMl), RiskFactors.typical());
    }

    private static Drivers habitualDiet(double egfr) {
        Drivers d = new Drivers();
        d.setEgfrMlPerMin(egfr);
        d.setDietCalciumMmolPerHour(0);
        d.setDietPhosphateMmolPerHour(MineralBlock.defaultParameters().value("po4HabitualIntake") / 24);
        return d;
    }

    private record Start(StateLayout layout, double[] y, MineralBlock block) {
        double at(String state) {
            return y[layout.index("mineral." + state)];
        }
    }

    private static Start start(boolean on, Patient p) {
        MineralBlock b = block(on);
        StateLayout layout = new StateLayout(List.of(b));
        b.bind(layout);
        double[] y = new double[layout.size()];
        b.initialise(p, y);
        return new Start(layout, y, b);
    }

    @Test
    void theCalcitriolFractionIsTheSectionsClosedForm() {
        MineralBlock b = block(false);
        double pmol = 9.4;
        // CKD G4, PTH 120 pg/mL: h = 1.06299, x = 0.585455 (52.69 pmol/L)
        assertThat(b.ckdCalcitriolFraction(120 / pmol, 2.30, 100 / 22.0)).isCloseTo(0.585455, within(2e-6));
        // haemodialysis example, eGFR 7, PTH 320 pg/mL: h = 1.11384, x = 0.390682 (35.16 pmol/L)
        assertThat(b.ckdCalcitriolFraction(320 / pmol, 2.40, 100 / 7.0)).isCloseTo(0.390682, within(2e-6));
        // at the reference PTH and GFR the reference calcitriol
        assertThat(b.ckdCalcitriolFraction(3.85, 2.35, 1)).isCloseTo(1, within(1e-12));
    }

    @Test
    void withTheSwitchACkdG4PatientWithLabsStartsAtRestAtHerKidneysCalcitriol() {
        Start s = start(true, labs(22, 2.30, 1.40, 120));
        double v = s.block().ecfVolume();
        assertThat(s.at("calcitriol") / v).isCloseTo(90 * 0.585455, within(2e-4));
        // FGF23 at n x^0.6 times its 45 pg/mL baseline (148.3), R at its steady state for 52.7 pmol/L
        assertThat(s.at("fgf23")).isCloseTo(45 * 3.296655, within(1e-3));
        assertThat(s.at("absorptionCapacity")).isCloseTo(0.388876, within(2e-6));
        assertThat(s.at("po4AbsorptionCapacity")).isEqualTo(1);
        double[] dydt = new double[s.y().length];
        s.block().addRates(0, s.y(), habitualDiet(22), dydt);
        for (int i = 0; i < s.y().length; i++) {
            String id = s.layout().variable(i).id();
            if (!MineralBlockTest.movesWithinTheDay(id)) {
                assertThat(dydt[i]).as(id).isCloseTo(0, within(1e-9 * (1 + Math.abs(s.y()[i]))));
            }
        }
        // the labs themselves
        assertThat(s.at("caEcf") / v).isCloseTo(2.30, within(1e-12));
        assertThat(s.at("po4Ecf") / v).isCloseTo(1.40, within(1e-12));
    }

    @Test
    void withoutTheSwitchTheCkdPatientWithLabsKeepsTheReferenceCalcitriol() {
        Start s = start(false, labs(22, 2.30, 1.40, 120));
        assertThat(s.at("calcitriol") / s.block().ecfVolume()).isCloseTo(90, within(1e-9));
        assertThat(s.at("absorptionCapacity")).isEqualTo(0.5);
    }

    @Test
    void aHealthyPatientWithLabsAndACkdPatientWithoutLabsStartTheSameBitsWithTheSwitch() {
        for (Patient p : List.of(labs(75, 2.35, 1.10, 40),
                new Patient("nolabs", 65, Sex.FEMALE, 70, 165, 22, OptionalDouble.empty(), OptionalDouble.empty(),
                        OptionalDouble.empty(), RiskFactors.typical()))) {
            Start off = start(false, p);
            Start on = start(true, p);
            assertThat(on.y()).as(p.id()).containsExactly(off.y());
            Drivers d = habitualDiet(p.egfrMlPerMin());
            double[] rOff = new double[off.y().length];
            double[] rOn = new double[on.y().length];
            off.block().addRates(0, off.y(), d, rOff);
            on.block().addRates(0, on.y(), d, rOn);
            assertThat(rOn).as(p.id()).containsExactly(rOff);
        }
    }
}
