package org.vascalc.cli.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.imaging.phantom.Deposit;
import org.vascalc.imaging.phantom.DepositShape;
import org.vascalc.imaging.phantom.Layer;
import org.vascalc.imaging.phantom.LesionSpec;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.Territory;
import org.vascalc.imaging.score.VesselScore;
import org.vascalc.imaging.synth.SyntheticScan;
import org.vascalc.imaging.volume.CoronaryArtery;

/** The truth per artery and layer beside the mass score, on hand-made deposits and scores. */
class TruthTableTest {

    private static Deposit deposit(CoronaryArtery artery, Layer layer, double mg) {
        DepositShape shape = layer == Layer.MEDIAL ? DepositShape.LINEAR : DepositShape.FOCAL;
        return new Deposit(new LesionSpec(artery, layer, shape, mg, 600, 10, 0), null, 0, 0, 0, 0, 0, null, 0);
    }

    private static CalciumScore massScores(double lm, double lad, double lcx, double rca) {
        double[] m = {lm, lad, lcx, rca, 0};
        Map<Territory, VesselScore> per = new EnumMap<>(Territory.class);
        for (Territory t : Territory.values()) {
            per.put(t, new VesselScore(t, 0, 0, m[t.ordinal()], 0));
        }
        return new CalciumScore(0, 0, lm + lad + lcx + rca, per, List.of(), null, 130, null, null, true);
    }

    // LAD: 6 mg intimal in two deposits (4 + 2) and 2 mg medial, 4 mg scored: 4 / 8 = 50 %.
    // RCA: 3 mg medial, 3 mg scored: 100 %. LM: nothing. LCX: nothing true, 0.5 mg scored (noise): "-".
    // Total: intimal 6, medial 5, truth 11, scored 7.5: 7.5 / 11 = 68.2 % -> "68 %".
    private static final SyntheticScan SCAN = new SyntheticScan(null, null, null, List.of(
            deposit(CoronaryArtery.LAD, Layer.INTIMAL, 4), deposit(CoronaryArtery.LAD, Layer.MEDIAL, 2),
            deposit(CoronaryArtery.LAD, Layer.INTIMAL, 2), deposit(CoronaryArtery.RCA, Layer.MEDIAL, 3)),
            0, 0, 0, null);
    private static final CalciumScore SCORE = massScores(0, 4, 0.5, 3);

    @Test
    void eachArteryAndTheTotalSplitByLayerWithTheShareFound() {
        List<String[]> rows = TruthTable.rows(SCAN, SCORE);
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).containsExactly("LM", "0.00", "0.00", "0.00", "0.00", "-");
        assertThat(rows.get(1)).containsExactly("LAD", "6.00", "2.00", "8.00", "4.00", "50 %");
        assertThat(rows.get(2)).containsExactly("LCX", "0.00", "0.00", "0.00", "0.50", "-");
        assertThat(rows.get(3)).containsExactly("RCA", "0.00", "3.00", "3.00", "3.00", "100 %");
        assertThat(rows.get(4)).containsExactly("total", "6.00", "5.00", "11.00", "7.50", "68 %");
    }

    @Test
    void theConsoleTableHasAHeadingTheRowsAndWhyTheScoreFallsShort() {
        String text = TruthTable.text(SCAN, SCORE);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Ground truth against the mass score (mg hydroxyapatite):");
        assertThat(lines.get(1).trim().split("\\s{2,}"))
                .containsExactly("artery", "intimal", "medial", "true total", "mass score", "found");
        assertThat(lines.get(3).trim().split("\\s+")).containsExactly("LAD", "6.00", "2.00", "8.00", "4.00", "50", "%");
        assertThat(lines.get(6).trim().split("\\s+")).containsExactly("total", "6.00", "5.00", "11.00", "7.50", "68", "%");
        assertThat(text).endsWith("is missed, the more so the smaller or thinner the deposit.\n");
        assertThat(String.join(" ", lines.subList(7, lines.size())))
                .isEqualTo(TruthTable.WHY.replace("minimum area:", "minimum area (both printed above):"));
    }
}
