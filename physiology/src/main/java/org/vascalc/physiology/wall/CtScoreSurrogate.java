package org.vascalc.physiology.wall;

import org.vascalc.core.param.ParameterCatalog;

/**
 * What a calcium-scoring CT reports for a calcified deposit of known hydroxyapatite mass and
 * CT-apparent density, derived from the score definitions rather than fitted:
 * <ul>
 *   <li>mean CT number = density / c_HA (McCollough 2007: mass = c_HA·V·mean CT number);</li>
 *   <li>volume score = mass / density (mm³);</li>
 *   <li>mass score = c_HA·volume·mean CT number = the hydroxyapatite mass (mg);</li>
 *   <li>Agatston = (volume / slice thickness)·w, with w = 1, 2, 3, 4 for a peak CT number in
 *       130–199, 200–299, 300–399, ≥ 400 HU (Agatston 1990), peak = mean·(peak/mean ratio).</li>
 * </ul>
 * A deposit below the detection limit (volume) or whose mean CT number is under 130 HU scores 0.
 * Intimal macrocalcium and medial mineral pass through the same map: CT cannot tell them apart.
 * Microcalcification is never passed in (invisible on CT).
 */
public final class CtScoreSurrogate {

    private final double haCalibration;
    private final double peakToMean;
    private final double sliceThickness;
    private final double minVolume;
    private final double thresholdHu;

    CtScoreSurrogate(WallParameters p) {
        this.haCalibration = p.ctHaCalibration;
        this.peakToMean = p.ctPeakToMean;
        this.sliceThickness = p.ctSliceThickness;
        this.minVolume = p.ctMinLesionVolume;
        this.thresholdHu = p.ctThresholdHu;
    }

    /** The surrogate with the wall catalog's CT parameters. */
    public static CtScoreSurrogate standard() {
        return new CtScoreSurrogate(new WallParameters(WallBlock.defaultCatalog()));
    }

    /** The surrogate with the CT parameters of {@code catalog} (a wall catalog). */
    public static CtScoreSurrogate of(ParameterCatalog catalog) {
        return new CtScoreSurrogate(new WallParameters(catalog));
    }

    private boolean visible(double massMg, double densityMgPerCm3) {
        return massMg > 0 && densityMgPerCm3 > 0 && volumeMm3(massMg, densityMgPerCm3) >= minVolume
                && densityMgPerCm3 / haCalibration >= thresholdHu;
    }

    private static double volumeMm3(double massMg, double densityMgPerCm3) {
        return massMg / densityMgPerCm3 * 1000.0;
    }

    /** Volume score of one deposit, mm³. */
    public double volume(double massMg, double densityMgPerCm3) {
        return visible(massMg, densityMgPerCm3) ? volumeMm3(massMg, densityMgPerCm3) : 0;
    }

    /** Mass score of one deposit, mg calcium hydroxyapatite. */
    public double mass(double massMg, double densityMgPerCm3) {
        if (!visible(massMg, densityMgPerCm3)) {
            return 0;
        }
        double meanHu = densityMgPerCm3 / haCalibration;
        return haCalibration * volumeMm3(massMg, densityMgPerCm3) / 1000.0 * meanHu;
    }

    /** Agatston score of one deposit, AU. */
    public double agatston(double massMg, double densityMgPerCm3) {
        if (!visible(massMg, densityMgPerCm3)) {
            return 0;
        }
        return volumeMm3(massMg, densityMgPerCm3) / sliceThickness * densityWeight(densityMgPerCm3);
    }

    /** Agatston density weight 1–4 from the peak CT number. */
    public int densityWeight(double densityMgPerCm3) {
        double peakHu = densityMgPerCm3 / haCalibration * peakToMean;
        if (peakHu >= 400) {
            return 4;
        }
        if (peakHu >= 300) {
            return 3;
        }
        return peakHu >= 200 ? 2 : 1;
    }
}
