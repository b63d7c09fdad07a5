package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;

/**
 * Labs measured on haemodialysis are measured on dialysis (docs/model/mineral.md, "Labs measured on
 * dialysis", hdlabs): for a patient on the haemodialysis condition who brings labs, the baseline is derived
 * with the dialysis's time-averaged phosphate clearance (0.27 L/h) and dialysate calcium exchange, at the
 * eGFR the run-in holds ({@code haemodialysisEgfr} 7), so the labs are a steady state of the run-in with
 * dialysis. Every other patient keeps the derivation's bits.
 */
class DialysisLabsBaselineTest {

    private static final double DIET_P = 32.3 / 24, F12 = 0.7;

    private final StateLayout layout;
    private final MineralBlock block = new MineralBlock(MineralBlock.defaultParameters());

    DialysisLabsBaselineTest() {
        layout = new StateLayout(List.of(block));
        block.bind(layout);
    }

    private int i(String name) {
        return layout.index("mineral." + name);
    }

    private static Patient patient(double egfr, OptionalDouble ca, OptionalDouble po4, OptionalDouble pth) {
        return new Patient("hd", 63, Sex.FEMALE, 70, 162, egfr, ca, po4, pth, RiskFactors.typical());
    }

    /** The run-in's drivers: eGFR {@code egfr}, the habitual phosphate, on haemodialysis or not. */
    private static Drivers runIn(double egfr, boolean dialysis, double dialysateCa) {
        Drivers d = new Drivers();
        d.setEgfrMlPerMin(egfr);
        d.setDietCalciumMmolPerHour(0);
        d.setDietPhosphateMmolPerHour(DIET_P);
        d.setHaemodialysis(dialysis);
        d.setDialysateCalciumMmolL(dialysateCa);
        d.setResidualGfrMlPerMin(Double.NaN);
        return d;
    }

    private double[] rates(double[] y, Drivers d) {
        double[] dydt = new double[y.length];
        block.addRates(0, y, d, dydt);
        return dydt;
    }

    /**
     * The example's patient (phosphate 1.9 mmol/L, PTH 320 pg/mL; her file's eGFR 40 is not the run-in's 7):
     * ECF phosphate is at rest at the baseline, the kidneys and the dialysis together excreting the absorbed
     * habitual phosphate F12 x 32.3 / 24 mmol/h, the kidneys' share 0.88 x 0.42 x (1.9 - threshold) with the
     * threshold T46 = 1.9 - (0.942 - 0.27 x 1.9) / 0.37 = 0.74 mmol/L above the floor; FGF23 starts at the
     * run-in eGFR's 45 x 100 / 7 pg/mL. Derived without the dialysis (before hdlabs) the threshold was
     * floored and ECF phosphate fell from the start (to 1.527 mmol/L in the run-in).
     */
    @Test
    void phosphateMeasuredOnDialysisIsAtRestWithTheDialysisClearance() {
        Patient hd = patient(40, OptionalDouble.empty(), OptionalDouble.of(1.9), OptionalDouble.of(320));
        Drivers d = runIn(7, true, Double.NaN);
        double[] y = new double[layout.size()];
        block.initialise(hd, d, y);
        assertThat(block.derivedOnDialysis()).isTrue();
        assertThat(block.phosphateThresholdFloored()).isFalse();
        assertThat(y[i("fgf23")]).isCloseTo(45 * 100 / 7.0, within(1e-9));
        double[] r = rates(y, d);
        double absorbed = F12 * DIET_P;
        assertThat(r[i("po4Ecf")]).isCloseTo(0, within(1e-12));
        // excreted: kidneys plus dialysis, booked together
        assertThat(r[i("po4UrineCum")]).isCloseTo(absorbed, within(1e-12));
        double kidneys = absorbed - 0.27 * 1.9;
        double threshold = 1.9 - kidneys / (0.88 * 7 * 0.06);
        assertThat(threshold).isCloseTo(0.739, within(1e-3));
        assertThat(r[i("po4UrineCum")] - 0.27 * 1.9).isCloseTo(0.88 * 0.42 * (1.9 - threshold), within(1e-12));
    }

    /**
     * The gut's transcellular capacity closes the calcium balance with the dialysate exchange as an exit:
     * its target is the baseline urine plus Jdial = D (u Ca - Cd) + Quf u Ca plus secretion, i.e. the
     * target derived on dialysis exceeds the one derived for the same labs and eGFR off dialysis by Jdial
     * (0.62 x (0.6 x 2.30 - 1.25) + 0.044 x 0.6 x 2.30 mmol/h at a 1.25 bath: a removal).
     */
    @Test
    void theGutsTargetCarriesTheDialysateCalciumExchange() {
        Patient hd = patient(7, OptionalDouble.of(2.30), OptionalDouble.of(1.9), OptionalDouble.of(320));
        double[] y = new double[layout.size()];
        block.initialise(hd, runIn(7, true, 1.25), y);
        double onDialysis = block.gutAbsorptionTarget(hd);
        double vmaxOn = block.transcellularVmax();
        block.initialise(hd, runIn(7, false, Double.NaN), y);
        double off = block.gutAbsorptionTarget(hd);
        double jdial = 0.62 * (0.6 * 2.30 - 1.25) + 0.044 * 0.6 * 2.30;
        assertThat(onDialysis - off).isCloseTo(jdial, within(1e-12));
        assertThat(vmaxOn).isGreaterThan(block.transcellularVmax());
    }

    /**
     * Not on dialysis, or on dialysis without labs: the derivation knowing the run-in's drivers is the one
     * without them, bit for bit (every state of the baseline and the derived transcellular capacity).
     */
    @Test
    void patientsOffDialysisOrWithoutLabsKeepTheirBaselineBits() {
        OptionalDouble none = OptionalDouble.empty();
        Patient g4 = patient(22, OptionalDouble.of(2.30), OptionalDouble.of(1.40), OptionalDouble.of(120));
        Patient hdNoLabs = patient(7, none, none, none);
        Patient healthy = patient(95, OptionalDouble.of(2.35), OptionalDouble.of(1.1), OptionalDouble.of(40));
        assertSameBaseline(g4, runIn(22, false, Double.NaN));
        assertSameBaseline(healthy, runIn(95, false, Double.NaN));
        assertSameBaseline(hdNoLabs, runIn(7, true, 1.5));
        assertSameBaseline(patient(70, none, none, none), runIn(7, true, Double.NaN));
    }

    private void assertSameBaseline(Patient p, Drivers d) {
        double[] withDrivers = new double[layout.size()];
        block.initialise(p, d, withDrivers);
        assertThat(block.derivedOnDialysis()).isFalse();
        double vmax = block.transcellularVmax();
        double[] plain = new double[layout.size()];
        MineralBlock fresh = new MineralBlock(MineralBlock.defaultParameters());
        fresh.bind(layout);
        fresh.initialise(p, plain);
        assertThat(withDrivers).containsExactly(plain);
        assertThat(Double.doubleToRawLongBits(vmax)).isEqualTo(Double.doubleToRawLongBits(fresh.transcellularVmax()));
    }
}
