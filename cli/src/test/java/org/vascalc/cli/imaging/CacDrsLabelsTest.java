package org.vascalc.cli.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.Territory;
import org.vascalc.imaging.score.VesselScore;

/**
 * CAC-DRS of a scored scan (Hecht 2018, Table 1): A0 for 0, A1 for 1–99, A2 for 100–299, A3 for
 * 300 and more; N = the number of the four coronary arteries with calcium; "A0" alone. The scores
 * are built by hand: the label is a function of the per-artery Agatston scores only.
 */
class CacDrsLabelsTest {

    /** A labelled score whose arteries have these Agatston scores (LM, LAD, LCX, RCA), total their sum. */
    private static CalciumScore score(boolean labelled, double unlabelled, double... arteries) {
        Map<Territory, VesselScore> per = new EnumMap<>(Territory.class);
        double total = unlabelled;
        for (Territory t : Territory.values()) {
            double a = t == Territory.UNLABELLED ? unlabelled : arteries[t.ordinal()];
            if (t != Territory.UNLABELLED) {
                total += a;
            }
            per.put(t, new VesselScore(t, a, 0, 0, a > 0 ? 1 : 0));
        }
        return new CalciumScore(total, 0, 0, per, List.of(), null, 130, null, null, labelled);
    }

    @Test
    void theAgatstonBandsAtTheirEdges() {
        assertThat(CacDrsLabels.of(score(true, 0, 0, 0, 0, 0))).isEqualTo("A0");
        assertThat(CacDrsLabels.of(score(true, 0, 0, 1, 0, 0))).isEqualTo("A1/N1");
        assertThat(CacDrsLabels.of(score(true, 0, 0, 99, 0, 0))).isEqualTo("A1/N1");
        assertThat(CacDrsLabels.of(score(true, 0, 0, 100, 0, 0))).isEqualTo("A2/N1");
        assertThat(CacDrsLabels.of(score(true, 0, 0, 299, 0, 0))).isEqualTo("A2/N1");
        assertThat(CacDrsLabels.of(score(true, 0, 0, 300, 0, 0))).isEqualTo("A3/N1");
        // slice-normalised scores are fractional: 0.5 AU is calcium, A1
        assertThat(CacDrsLabels.of(score(true, 0, 0, 0.5, 0, 0))).isEqualTo("A1/N1");
    }

    @Test
    void nCountsTheArteriesWithCalcium() {
        assertThat(CacDrsLabels.of(score(true, 0, 10, 20, 0, 0))).isEqualTo("A1/N2");
        assertThat(CacDrsLabels.of(score(true, 0, 10, 20, 30, 0))).isEqualTo("A1/N3");
        // 50 + 100 + 75 + 125 = 350
        assertThat(CacDrsLabels.of(score(true, 0, 50, 100, 75, 125))).isEqualTo("A3/N4");
        // a calcified RCA alone is N1, whichever artery it is
        assertThat(CacDrsLabels.of(score(true, 0, 0, 0, 0, 150))).isEqualTo("A2/N1");
    }

    @Test
    void aScoreAboveTheClinicalRangeIsStillA3() {
        // A3 is open-ended (>= 300); 60 000 AU is beyond the clinical input's 50 000 but no error
        assertThat(CacDrsLabels.of(score(true, 0, 0, 60_000, 0, 0))).isEqualTo("A3/N1");
    }

    @Test
    void withoutALabelMapThereIsNoCategory() {
        assertThat(CacDrsLabels.of(score(false, 150, 0, 0, 0, 0))).isNull();
        assertThat(CacDrsLabels.of(score(false, 0, 0, 0, 0, 0))).isNull();
    }
}
