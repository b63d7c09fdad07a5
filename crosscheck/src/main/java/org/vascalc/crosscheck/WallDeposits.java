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
 * half circumferential ring, half linear strip. Each half is a row of deposits of the surrogate's
 * lesion mass ({@code ctLesionMassMg}: real coronary calcium is many lesions, not one lump) plus one
 * with the remainder, placed one after another along the artery; the scanner scores each deposit on
 * its own (see {@link SyntheticScanner}).
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

    /** Masses of the deposits a shape's share is cut into: full lesions, then the remainder. */
    public static double[] masses(double shareMg, double lesionMassMg) {
        int full = (int) Math.floor(shareMg / lesionMassMg + 1e-9);
        double rest = shareMg - full * lesionMassMg;
        boolean hasRest = rest > 1e-9 * lesionMassMg;
        double[] out = new double[full + (hasRest ? 1 : 0)];
        java.util.Arrays.fill(out, 0, full, lesionMassMg);
        if (hasRest) {
            out[full] = rest;
        }
        return out;
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
            for (double m : masses(massMg / 2, lesionMassMg)) {
                out.add(deposit(s, m, densityMgPerCm3));
            }
        }
        return out;
    }
}
