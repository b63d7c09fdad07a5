package org.vascalc.imaging.synth;

import java.util.List;
import org.vascalc.imaging.phantom.CoronaryTree;
import org.vascalc.imaging.phantom.Deposit;
import org.vascalc.imaging.phantom.PhantomSpec;
import org.vascalc.imaging.volume.CtVolume;
import org.vascalc.imaging.volume.LabelVolume;

/**
 * A synthetic scan with its ground truth: the image, the artery label map on the same grid, and
 * every deposit as placed (layer, shape, mass, volume, extent).
 *
 * @param huPerMgCm3 HA contrast used, HU per mg/cm&sup3;
 * @param originXMm  patient x of column 0's centre, mm
 * @param originYMm  patient y of row 0's centre, mm
 * @param tree       the coronary tree as placed (ground-truth centre lines)
 */
public record SyntheticScan(PhantomSpec spec, CtVolume ct, LabelVolume labels, List<Deposit> deposits,
                            double huPerMgCm3, double originXMm, double originYMm, CoronaryTree tree) {

    public SyntheticScan {
        deposits = List.copyOf(deposits);
    }

    /** Total true hydroxyapatite mass, mg. */
    public double trueMassMg() {
        double m = 0;
        for (Deposit d : deposits) {
            m += d.spec().massMg();
        }
        return m;
    }
}
