package org.vascalc.imaging.score;

import java.util.Objects;

/**
 * How to score. {@link #clinical()} is the default: Agatston 120-kV rule, 2-D 8-connected lesions,
 * lesion area &ge; 1 mm&sup2;, score multiplied by increment / 3 mm, mass calibration factor
 * 0.75 mg/(cm&sup3;&middot;HU) (the value of the reference note's TV-A1; a real scan needs the factor
 * of its own calibration phantom, McCollough 2007).
 *
 * @param convention           threshold and weight edges
 * @param connectivity         lesion neighbourhood
 * @param minimumLesionAreaMm2 smallest 2-D lesion scored, mm&sup2; (2-D modes)
 * @param minimumLesionVolumeMm3 smallest 3-D lesion scored, mm&sup3; ({@link Connectivity#VOLUMETRIC_26} only)
 * @param normaliseToThreeMm   multiply Agatston by slice increment / 3 mm (off for peers that do not)
 * @param massCalibrationMgPerCm3PerHu c_HA: mg hydroxyapatite per cm&sup3; per HU
 */
public record ScoringOptions(ThresholdConvention convention, Connectivity connectivity,
                             double minimumLesionAreaMm2, double minimumLesionVolumeMm3,
                             boolean normaliseToThreeMm, double massCalibrationMgPerCm3PerHu) {

    public static final double DEFAULT_MIN_AREA_MM2 = 1.0;
    public static final double DEFAULT_MIN_VOLUME_MM3 = 1.5;
    public static final double DEFAULT_MASS_CALIBRATION = 0.75;

    /**
     * The unit of c_HA as the library, the plain-text report and the command line write it: ASCII, as they write
     * mm2, mm3 and ug (kept for consoles, CSV and logs); the web page shows it as mg/(cm³·HU), the docs' spelling
     * ({@code CtPage}). One constant, so that a report, a refusal and the help cannot drift apart.
     */
    public static final String MASS_CALIBRATION_UNIT = "mg/(cm3*HU)";

    public ScoringOptions {
        Objects.requireNonNull(convention, "convention");
        Objects.requireNonNull(connectivity, "connectivity");
        if (!(minimumLesionAreaMm2 >= 0 && Double.isFinite(minimumLesionAreaMm2))) {
            throw new IllegalArgumentException("minimum lesion area must be >= 0 mm2, got " + minimumLesionAreaMm2);
        }
        if (!(minimumLesionVolumeMm3 >= 0 && Double.isFinite(minimumLesionVolumeMm3))) {
            throw new IllegalArgumentException("minimum lesion volume must be >= 0 mm3, got " + minimumLesionVolumeMm3);
        }
        if (!(massCalibrationMgPerCm3PerHu > 0 && Double.isFinite(massCalibrationMgPerCm3PerHu))) {
            throw new IllegalArgumentException("mass calibration factor must be > 0 " + MASS_CALIBRATION_UNIT + ", got "
                    + massCalibrationMgPerCm3PerHu);
        }
    }

    /** The clinical default (see the class comment). */
    public static ScoringOptions clinical() {
        return new ScoringOptions(ThresholdConvention.AGATSTON_120, Connectivity.PLANAR_8, DEFAULT_MIN_AREA_MM2,
                DEFAULT_MIN_VOLUME_MM3, true, DEFAULT_MASS_CALIBRATION);
    }

    public ScoringOptions withConvention(ThresholdConvention c) {
        return new ScoringOptions(c, connectivity, minimumLesionAreaMm2, minimumLesionVolumeMm3, normaliseToThreeMm,
                massCalibrationMgPerCm3PerHu);
    }

    public ScoringOptions withConnectivity(Connectivity c) {
        return new ScoringOptions(convention, c, minimumLesionAreaMm2, minimumLesionVolumeMm3, normaliseToThreeMm,
                massCalibrationMgPerCm3PerHu);
    }

    public ScoringOptions withMinimumLesionAreaMm2(double a) {
        return new ScoringOptions(convention, connectivity, a, minimumLesionVolumeMm3, normaliseToThreeMm,
                massCalibrationMgPerCm3PerHu);
    }

    public ScoringOptions withMinimumLesionVolumeMm3(double v) {
        return new ScoringOptions(convention, connectivity, minimumLesionAreaMm2, v, normaliseToThreeMm,
                massCalibrationMgPerCm3PerHu);
    }

    public ScoringOptions withNormaliseToThreeMm(boolean n) {
        return new ScoringOptions(convention, connectivity, minimumLesionAreaMm2, minimumLesionVolumeMm3, n,
                massCalibrationMgPerCm3PerHu);
    }

    public ScoringOptions withMassCalibration(double c) {
        return new ScoringOptions(convention, connectivity, minimumLesionAreaMm2, minimumLesionVolumeMm3,
                normaliseToThreeMm, c);
    }
}
