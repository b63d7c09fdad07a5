package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;

/**
 * The wall's {@link org.vascalc.physiology.model.MilieuAffine} contract, on which fast mode's orbit
 * relies to evaluate the wall a few times per orbit instead of at every stage: its rates given the
 * milieu of a state are its rates, to the bit; and at fixed SLOW states and drivers they are affine in
 * the milieu, so the mean of the rates over a day of serum calcium and phosphate with supplement
 * peaks (where the convex supersaturation drive makes the mean drive differ from the drive at the
 * mean serum values) equals the rates at the day's mean milieu.
 */
class WallMilieuAffineTest {

    @Test
    void ratesAreThoseOfTheMilieuAndAffineInIt() {
        SplittableRandom random = new SplittableRandom(20261201);
        for (Patient patient : List.of(Patient.referenceAdult(), TestPatients.ckd3(66), TestPatients.diabeticSmoker(58),
                TestPatients.haemodialysis(71))) {
            WallBlock wall = new WallBlock();
            WithRealMilieu set = WithRealMilieu.of(wall, patient);
            StateLayout layout = set.layout();
            double[] y0 = set.y0();
            int iCa = layout.index(WallBlock.CALCIUM_STATE);
            int iP = layout.index(WallBlock.PHOSPHATE_STATE);
            int n = y0.length;
            Drivers drivers = new Drivers();
            double[] m = new double[wall.milieuSize()];
            double[] meanMilieu = new double[wall.milieuSize()];
            double[] direct = new double[n];
            double[] given = new double[n];
            double[] meanRates = new double[n];
            double[] atMean = new double[n];
            for (int state = 0; state < 20; state++) {
                double[] y = set.grownWall(random);
                WithRealMilieu.drawDrivers(drivers, random);
                drivers.setAgeYears(patient.ageYears() + random.nextDouble(0, 25));
                java.util.Arrays.fill(meanRates, 0);
                java.util.Arrays.fill(meanMilieu, 0);
                int samples = 48;
                for (int s = 0; s < samples; s++) {
                    // a day of serum calcium and phosphate: two supplement peaks of up to +30 % calcium
                    double hour = s * 0.5;
                    double peak = Math.exp(-Math.pow(hour - 10, 2) / 4) + 0.7 * Math.exp(-Math.pow(hour - 21, 2) / 3);
                    y[iCa] = y0[iCa] * (0.95 + random.nextDouble(0, 0.02) + 0.3 * peak);
                    y[iP] = y0[iP] * (0.8 + random.nextDouble(0, 0.6)) * (state % 3 == 0 ? 1.8 : 1);
                    java.util.Arrays.fill(direct, 0);
                    java.util.Arrays.fill(given, 0);
                    wall.addRates(0, y, drivers, direct);
                    wall.milieu(y, drivers, m, 0);
                    wall.addRatesGivenMilieu(0, y, drivers, m, 0, given);
                    assertThat(given).as("rates given the state's own milieu").containsExactly(direct);
                    // the other rows alone (fast mode's freezeMilieu): the same bits outside the wall's own rows
                    double[] other = new double[n];
                    double[] m2 = m.clone();
                    for (int c = 0; c < m2.length; c++) {
                        // at the call's milieu and at freezeMilieu's unit and zero milieus
                        m2[c] = s % 3 == 0 ? m[c] : s % 3 == 1 ? (c == s % m2.length ? 1 : 0) : 0;
                    }
                    double[] full = new double[n];
                    wall.addRatesGivenMilieu(0, y, drivers, m2, 0, full);
                    wall.addOtherRowsGivenMilieu(0, y, drivers, m2, 0, other);
                    for (int i = 0; i < layout.offset(WallBlock.ID); i++) {
                        assertThat(other[i]).as("other row %d", i).isEqualTo(full[i]);
                    }
                    for (int i = layout.offset(WallBlock.ID); i < n; i++) {
                        assertThat(other[i]).as("own row %d untouched", i).isEqualTo(0.0);
                    }
                    // a milieu scalar the other rows do not read leaves them unmoved
                    for (int c = 0; c < m2.length; c++) {
                        if (!wall.otherRowsRead(c)) {
                            double[] moved = m2.clone();
                            moved[c] += 1 + random.nextDouble();
                            double[] again = new double[n];
                            wall.addOtherRowsGivenMilieu(0, y, drivers, moved, 0, again);
                            assertThat(again).as("other rows do not read milieu %d", c).containsExactly(other);
                        }
                    }
                    // the milieu's own expressions (WallBlock.milieu writes them out with its constants once)
                    WallParameters p = new WallParameters(wall.catalog());
                    double ca = y[iCa] / p.ecfVolumeL;
                    double product = MineralMilieu.relativeProduct(p, ca, y[iP] / p.ecfVolumeL);
                    assertThat(m[WallBlock.NUCLEATION_DRIVE]).isEqualTo(MineralMilieu.drive(p, product));
                    assertThat(m[WallBlock.GROWTH_DRIVE]).isEqualTo(p.propensityProductFactor == 1
                            ? MineralMilieu.drive(p, product) : MineralMilieu.drive(p, product * p.propensityProductFactor));
                    assertThat(m[WallBlock.MI_CALCIUM_FACTOR]).isEqualTo(EventHazards.serumCalciumFactor(p, ca));
                    for (int i = 0; i < n; i++) {
                        meanRates[i] += direct[i] / samples;
                    }
                    for (int k = 0; k < m.length; k++) {
                        meanMilieu[k] += m[k] / samples;
                    }
                }
                assertThat(meanMilieu[WallBlock.GROWTH_DRIVE]).as("some supersaturation").isGreaterThan(0);
                java.util.Arrays.fill(atMean, 0);
                wall.addRatesGivenMilieu(0, y, drivers, meanMilieu, 0, atMean);
                for (int i = 0; i < n; i++) {
                    // Rounding only: the rows are sums of a few products.
                    assertThat(Math.abs(atMean[i] - meanRates[i])).as("%s state %d row %d", patient.id(), state, i)
                            .isLessThanOrEqualTo(1e-12 * Math.abs(meanRates[i]) + 1e-18);
                }
            }
        }
    }
}
