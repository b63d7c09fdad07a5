package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.ModelDomainException;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;

/**
 * A high PTH measured on haemodialysis is secreted by an enlarged gland (docs/model/mineral.md, "High PTH on
 * dialysis: an enlarged gland", hdhold): above the basal share 0.6 of the maximal secretion T58 (6249.09 pmol/h)
 * that a gland of capacity 1 gives, the gland starts at the capacity that secretes the measured PTH at that
 * share, at rest. Before, any PTH above T58's 587 pg/mL (kout V = 100 L/h) was refused, with a message that
 * blamed the gut.
 */
class DialysisHighPthBaselineTest {

    private static final double T58 = 6249.09, KOUT_V = 7.142857 * 14, PG_PER_PMOL = 9.4;

    private final StateLayout layout;
    private final MineralBlock block = new MineralBlock(MineralBlock.defaultParameters());

    DialysisHighPthBaselineTest() {
        layout = new StateLayout(List.of(block));
        block.bind(layout);
    }

    private int i(String name) {
        return layout.index("mineral." + name);
    }

    private static Patient patient(double egfr, double ca, double pth) {
        return new Patient("hd", 63, Sex.FEMALE, 70, 162, egfr, OptionalDouble.of(ca), OptionalDouble.of(1.68),
                OptionalDouble.of(pth), RiskFactors.typical());
    }

    private static Drivers runIn(double egfr, boolean dialysis, double bath) {
        Drivers d = new Drivers();
        d.setEgfrMlPerMin(egfr);
        d.setDietCalciumMmolPerHour(0);
        d.setDietPhosphateMmolPerHour(32.3 / 24);
        d.setHaemodialysis(dialysis);
        d.setDialysateCalciumMmolL(bath);
        d.setResidualGfrMlPerMin(Double.NaN);
        return d;
    }

    /**
     * PTH 900 pg/mL on a 1.25 bath (care2's): the gland starts at capacity 100 x 900 / 9.4 / (0.6 x 6249.09)
     * = 2.55, and PTH and the gland's pool and capacity are at rest at the labs. Red before hdhold (refused).
     */
    @Test
    void aHighPthMeasuredOnDialysisStartsOnAnEnlargedGlandAtRest() {
        Patient hd = patient(40, 2.22, 900);
        Drivers d = runIn(7, true, 1.25);
        double[] y = new double[layout.size()];
        block.initialise(hd, d, y);
        double capacity = KOUT_V * 900 / PG_PER_PMOL / (0.6 * T58);
        assertThat(capacity).isCloseTo(2.553, within(1e-3));
        assertThat(y[i("glandCapacity")]).isCloseTo(capacity, within(1e-12));
        double[] r = new double[y.length];
        block.addRates(0, y, d, r);
        assertThat(r[i("pth")] / y[i("pth")]).isCloseTo(0, within(1e-12));
        assertThat(r[i("glandCapacity")]).isCloseTo(0, within(1e-15));
        assertThat(r[i("glandPool")]).isCloseTo(0, within(1e-15));
    }

    /** Up to the share (352 pg/mL) the gland keeps capacity 1, as before. */
    @Test
    void aPthBelowTheShareKeepsTheNormalGland() {
        double[] y = new double[layout.size()];
        block.initialise(patient(40, 2.22, 0.6 * T58 / KOUT_V * PG_PER_PMOL * 0.999), runIn(7, true, 1.5), y);
        assertThat(y[i("glandCapacity")]).isEqualTo(1.0);
        block.initialise(patient(40, 2.22, 500), runIn(7, true, 1.5), y);
        assertThat(y[i("glandCapacity")]).isGreaterThan(1.0);
    }

    /**
     * Beyond the basal share of a gland grown to P&amp;R's largest capacity (CtriolMax 4.1029: 0.6 x 4.1029 x
     * 587.4 = 1446 pg/mL) the start is refused naming the gland, not the gut. Red before hdhold (the message
     * named the gut's transcellular capacity). (Off dialysis the limit was the normal gland's 587 pg/mL until
     * ckdgland; since then it is the same 1446: {@link CkdHighPthBaselineTest}.)
     */
    @Test
    void aPthBeyondWhatTheGlandCanSecreteIsRefusedNamingTheGland() {
        double[] y = new double[layout.size()];
        assertThatThrownBy(() -> block.initialise(patient(40, 2.22, 1500), runIn(7, true, 1.25), y))
                .isInstanceOf(ModelDomainException.class)
                .hasMessageContaining("the parathyroid glands cannot secrete a PTH of 1500 pg/mL at rest")
                .hasMessageContaining("at most 1446 pg/mL")
                .hasMessageNotContaining("transcellular");
    }
}
