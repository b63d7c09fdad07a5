package org.vascalc.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.physiology.wall.CtScoreSurrogate;
import org.vascalc.physiology.wall.CtScoreSurrogate.Layer;

/**
 * Re-runs a small version of the calibration's comparison with fresh noise seeds (not the fit's)
 * and fails if the catalog's surrogate and the imaging scorer diverge: every point of 10 mg or more
 * per artery must agree within a factor 1.6 in Agatston, volume and mass score (the full fit's
 * largest misses there: Agatston 1.23, volume 1.29, mass 1/1.52; docs/model/ct-surrogate-fit.md),
 * and the medial layer must score
 * less per mg than the intimal at equal mass and density, in both.
 */
class CtSurrogateAgreementTest {

    private static final double FACTOR = 1.6;

    @Test
    void surrogateMatchesTheScorerOnFreshScans() {
        CtScoreSurrogate s = CtScoreSurrogate.standard();
        SyntheticScanner scanner = SyntheticScanner.clinical(s.lesionMassMg());
        List<ScorerObservation> obs = List.of(
                scanner.observe(Layer.INTIMAL, 10, 300, 99, 1),
                scanner.observe(Layer.INTIMAL, 40, 700, 99, 1),
                scanner.observe(Layer.MEDIAL, 40, 500, 99, 1),
                scanner.observe(Layer.MEDIAL, 40, 700, 99, 1));
        for (CtSurrogateCalibration.Point p : CtSurrogateCalibration.compare(s, obs)) {
            ScorerObservation o = p.scorer();
            String at = o.layer() + " " + o.massMg() + " mg at " + o.densityMgPerCm3() + " mg/cm3";
            assertThat(o.agatston()).as("scorer sees %s", at).isPositive();
            assertRatio(p.agatston(), o.agatston(), "Agatston, " + at);
            assertRatio(p.volumeMm3(), o.volumeMm3(), "volume, " + at);
            assertRatio(p.massScoreMg(), o.massScoreMg(), "mass, " + at);
        }
        ScorerObservation intimal = scanner.observe(Layer.INTIMAL, 40, 500, 99, 1);
        ScorerObservation medial = obs.get(2);
        assertThat(medial.massScoreMg()).as("scorer: medial < intimal per mg").isLessThan(intimal.massScoreMg());
        assertThat(s.mass(Layer.MEDIAL, 40, 500)).as("surrogate: medial < intimal per mg")
                .isLessThan(s.mass(Layer.INTIMAL, 40, 500));
    }

    private static void assertRatio(double surrogate, double scorer, String what) {
        assertThat(surrogate / scorer).as("%s: surrogate %.2f vs scorer %.2f", what, surrogate, scorer)
                .isBetween(1 / FACTOR, FACTOR);
    }
}
