package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The osteogenic drive's phosphate factor (P/P_ref)^m, for the catalog's m = 2 a product instead of
 * {@code Math.pow} (fast mode's orbit evaluates it at every stage): the same bits as {@code Math.pow}
 * on this JVM over serum phosphate from 0 to 5 mmol/L, so the drive, and with it every output, is
 * the same as before (docs/performance-log.md, "wallcost2").
 */
class PhosphateFactorTest {

    @Test
    void squareIsPowOfTwoBitForBit() {
        WallParameters p = new WallParameters(WallBlock.defaultCatalog());
        assertThat(p.osteoPhosphateExponent).isEqualTo(2.0);
        SplittableRandom random = new SplittableRandom(20261201);
        int differing = 0;
        for (int k = 0; k < 200_000; k++) {
            double phosphate = k == 0 ? 0 : random.nextDouble(0, 5);
            double r = Math.max(phosphate, 0) / p.pRef;
            if (Double.doubleToRawLongBits(MedialCalcification.phosphateFactor(p, phosphate))
                    != Double.doubleToRawLongBits(Math.pow(r, p.osteoPhosphateExponent))) {
                differing++;
            }
        }
        assertThat(differing).isZero();
    }
}
