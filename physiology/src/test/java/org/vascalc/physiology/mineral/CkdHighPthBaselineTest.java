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
 * ckdgland: a patient off dialysis whose measured PTH is above what a gland of capacity 1 can secrete at rest (P&amp;R's
 * T58, 6249.09 pmol/h; 587.4 pg/mL at kout V = 100 L/h) starts on an enlarged gland at the basal share 0.6 of its
 * maximum, as a haemodialysis patient's since hdhold (docs/model/mineral.md, "High PTH off dialysis"). Before, every
 * such start was refused at any CKD stage, calcium and phosphate. Since glandsmooth one rule on and off dialysis: the
 * gland is enlarged above 0.6 x 587.4 = 352.4 pg/mL, capacity 1 below.
 */
class CkdHighPthBaselineTest {

    private static final double T58 = 6249.09, KOUT_V = 7.142857 * 14, PG_PER_PMOL = 9.4;

    private final StateLayout layout;
    private final MineralBlock block = new MineralBlock(MineralBlock.defaultParameters());

    CkdHighPthBaselineTest() {
        layout = new StateLayout(List.of(block));
        block.bind(layout);
    }

    private int i(String name) {
        return layout.index("mineral." + name);
    }

    private static Patient g4(double pth) {
        return new Patient("ckd", 63, Sex.FEMALE, 70, 162, 22, OptionalDouble.of(2.30), OptionalDouble.of(1.40),
                OptionalDouble.of(pth), RiskFactors.typical());
    }

    /**
     * PTH 700 pg/mL in CKD G4: the gland starts at capacity 100 x 700 / 9.4 / (0.6 x 6249.09) = 1.986, and PTH and
     * the gland's pool and capacity are at rest at the labs. Red before ckdgland (refused: "at most 587.4 pg/mL").
     */
    @Test
    void aPthAboveTheNormalGlandsMaximumStartsOnAnEnlargedGlandAtRest() {
        double[] y = new double[layout.size()];
        block.initialise(g4(700), y);
        double capacity = KOUT_V * 700 / PG_PER_PMOL / (0.6 * T58);
        assertThat(capacity).isCloseTo(1.986, within(1e-3));
        assertThat(y[i("glandCapacity")]).isCloseTo(capacity, within(1e-12));
        assertGlandAtRest(y);
    }

    /**
     * glandsmooth: one rule on and off dialysis, so the starting capacity is continuous in PTH. Below the enlarged
     * gland's threshold, 0.6 x 587.4 = 352.4 pg/mL, exactly 1 (the bits as before); above it PTH / 352.4. Red before
     * glandsmooth: off dialysis capacity 1 up to 587.4 pg/mL, then 1.667 (586 against 588: 40 % apart; 500: 1).
     */
    @Test
    void theStartingGlandIsContinuousInPth() {
        double threshold = 0.6 * T58 / KOUT_V * PG_PER_PMOL;
        assertThat(threshold).isCloseTo(352.4, within(0.05));
        assertThat(capacityAt(threshold * 0.999)).isEqualTo(1.0);
        assertThat(capacityAt(threshold * 1.001)).isCloseTo(1.001, within(1e-9));
        assertThat(capacityAt(588) / capacityAt(586)).isCloseTo(1, within(0.005));
        assertThat(capacityAt(500)).isCloseTo(500 / threshold, within(1e-9));
        for (double pth = 300; pth < 700; pth += 0.5) {
            assertThat(capacityAt(pth + 0.5) - capacityAt(pth)).as("PTH %s", pth).isBetween(0.0, 0.002);
        }
    }

    /** PTH 500 in CKD G4 starts on a gland of capacity 1.419 at rest at her labs. Red before glandsmooth (capacity 1). */
    @Test
    void aPth500OffDialysisStartsOnAnEnlargedGlandAtRest() {
        double[] y = new double[layout.size()];
        block.initialise(g4(500), y);
        assertThat(y[i("glandCapacity")]).isCloseTo(KOUT_V * 500 / PG_PER_PMOL / (0.6 * T58), within(1e-12))
                .isCloseTo(1.419, within(1e-3));
        assertGlandAtRest(y);
    }

    /** PTH, the gland's pool and its capacity at rest at the start (eGFR 22, the habitual phosphate, no calcium meal). */
    private void assertGlandAtRest(double[] y) {
        double[] r = new double[y.length];
        Drivers d = new Drivers();
        d.setEgfrMlPerMin(22);
        d.setDietCalciumMmolPerHour(0);
        d.setDietPhosphateMmolPerHour(32.3 / 24);
        block.addRates(0, y, d, r);
        assertThat(r[i("pth")] / y[i("pth")]).isCloseTo(0, within(1e-12));
        assertThat(r[i("glandCapacity")]).isCloseTo(0, within(1e-15));
        assertThat(r[i("glandPool")]).isCloseTo(0, within(1e-15));
    }

    private double capacityAt(double pth) {
        double[] y = new double[layout.size()];
        block.initialise(g4(pth), y);
        return y[i("glandCapacity")];
    }

    /**
     * Off dialysis the start is refused only where a dialysis patient's is: above 0.6 x 4.1029 x 587.4 = 1446 pg/mL,
     * the limit {@link MineralBlock#highestStartingPthPgMl} computes. Red before ckdgland (refused at 587.4).
     */
    @Test
    void onlyAPthBeyondTheLargestGlandIsRefused() {
        double high = MineralBlock.highestStartingPthPgMl(MineralBlock.defaultParameters());
        assertThat(high).isCloseTo(0.6 * 4.1029 * T58 / KOUT_V * PG_PER_PMOL, within(0.01));
        double[] y = new double[layout.size()];
        block.initialise(g4(high - 0.5), y);
        assertThat(y[i("glandCapacity")]).isLessThan(4.1029);
        assertThatThrownBy(() -> block.initialise(g4(1500), y))
                .isInstanceOf(ModelDomainException.class)
                .hasMessageContaining("the parathyroid glands cannot secrete a PTH of 1500 pg/mL at rest (at most 1446 pg/mL")
                .hasMessageContaining("a gland grown to its largest capacity");
    }

    /**
     * Below the least a gland secretes at rest (T61 96.25 pmol/h: 9.05 pg/mL) the start is refused with a message that
     * says so. Red before ckdgland: the message said "at most 587.4 pg/mL" for a PTH of 7.
     */
    @Test
    void aPthBelowTheMinimalSecretionIsRefusedNamingTheFloor() {
        assertThat(MineralBlock.lowestStartingPthPgMl(MineralBlock.defaultParameters()))
                .isCloseTo(96.25 / KOUT_V * PG_PER_PMOL, within(1e-3));
        double[] y = new double[layout.size()];
        assertThatThrownBy(() -> block.initialise(g4(7), y))
                .isInstanceOf(ModelDomainException.class)
                .hasMessageContaining("cannot secrete as little as a PTH of 7 pg/mL at rest (at least 9.048 pg/mL")
                .hasMessageNotContaining("at most");
        block.initialise(g4(9.1), y);
        assertThat(y[i("glandCapacity")]).isEqualTo(1.0);
    }
}
