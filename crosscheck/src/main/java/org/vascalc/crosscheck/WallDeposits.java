package org.vascalc.crosscheck;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.imaging.phantom.DepositShape;
import org.vascalc.imaging.phantom.Layer;
import org.vascalc.imaging.phantom.LesionSpec;
import org.vascalc.imaging.volume.CoronaryArtery;
import org.vascalc.physiology.wall.CtScoreSurrogate;

/**
 * How the wall model's mineral of one artery and one layer becomes phantom deposits. The wall model
 * knows only a mass and a density per artery and layer; the shapes are the stated assumption of
 * the calibration: intimal macrocalcium is half focal, half spotty plaque calcium; medial mineral
 * half circumferential ring, half linear strip. Each half is cut into equal deposits of at most the
 * surrogate's lesion mass ({@code ctLesionMassMg}: real coronary calcium is many lesions, not one
 * lump) placed one after another along the artery; the scanner scores each deposit on its own (see
 * {@link SyntheticScanner}).
 */
public final class WallDeposits {

    /** Where the deposits sit: the proximal-mid LAD. */
    public static final CoronaryArtery ARTERY = CoronaryArtery.LAD;
    public static final double POSITION_MM = 40.0;

    private WallDeposits() {
    }

    /** The two shapes that stand for one wall layer, each taking half its mass. */
    public static List<DepositShape> shapes(CtScoreSurrogate.Layer layer) {
        return layer == CtScoreSurrogate.Layer.INTIMAL
                ? List.of(DepositShape.FOCAL, DepositShape.SPOTTY)
                : List.of(DepositShape.CIRCUMFERENTIAL, DepositShape.LINEAR);
    }

    /** Number of equal deposits a shape's share is cut into (as {@code CtScoreSurrogate.depositMassMg}). */
    public static int count(double shareMg, double lesionMassMg) {
        return Math.max(1, (int) Math.ceil(shareMg / lesionMassMg - 1e-9));
    }

    /** One deposit of {@code shape} with mass {@code depositMg}. */
    public static LesionSpec deposit(DepositShape shape, double depositMg, double densityMgPerCm3) {
        Layer layer = shape.layer();
        return new LesionSpec(ARTERY, layer, shape, depositMg, densityMgPerCm3, POSITION_MM, 90);
    }

    /** Every deposit of one artery's layer (for reports; the scanner renders one of each size). */
    public static List<LesionSpec> all(CtScoreSurrogate.Layer layer, double massMg, double densityMgPerCm3,
                                       double lesionMassMg) {
        List<LesionSpec> out = new ArrayList<>();
        for (DepositShape s : shapes(layer)) {
            int n = count(massMg / 2, lesionMassMg);
            for (int i = 0; i < n; i++) {
                out.add(deposit(s, massMg / 2 / n, densityMgPerCm3));
            }
        }
        return out;
    }
}
