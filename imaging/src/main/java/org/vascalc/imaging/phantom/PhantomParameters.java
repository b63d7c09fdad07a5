package org.vascalc.imaging.phantom;

import org.vascalc.core.param.ParameterCatalog;

/**
 * The phantom's numbers, compiled once from {@code coronary-phantom.csv} (units, ranges and evidence
 * are in the catalog). Diameters and thicknesses in mm, angles in degrees, attenuation in HU.
 */
public record PhantomParameters(double lmDiameter, double ladProximal, double ladDistal, double lcxProximal,
                                double lcxDistal, double rcaProximal, double rcaDistal, double intima, double media,
                                double adventitia, double fatSleeve, double labelMargin, double focalArc,
                                double focalThickness, double sheetArc, double sheetThickness, double concentricThickness, double linearArc,
                                double tissueHu, double fatHu, double lungHu, double vertebraHu, double haHuPerMgCm3At120, double[] kvFactorKv,
                                double[] kvFactor) {

    public static final String RESOURCE = "/org/vascalc/imaging/phantom/coronary-phantom.csv";

    private static final PhantomParameters DEFAULT = from(ParameterCatalog.fromResource(PhantomParameters.class,
            RESOURCE));

    public static ParameterCatalog catalog() {
        return ParameterCatalog.fromResource(PhantomParameters.class, RESOURCE);
    }

    public static PhantomParameters defaults() {
        return DEFAULT;
    }

    public static PhantomParameters from(ParameterCatalog c) {
        return new PhantomParameters(c.value("lm_lumen_diameter"), c.value("lad_lumen_diameter_proximal"),
                c.value("lad_lumen_diameter_distal"), c.value("lcx_lumen_diameter_proximal"),
                c.value("lcx_lumen_diameter_distal"), c.value("rca_lumen_diameter_proximal"),
                c.value("rca_lumen_diameter_distal"), c.value("intima_thickness"), c.value("media_thickness"),
                c.value("adventitia_thickness"), c.value("epicardial_fat_sleeve"), c.value("label_margin"),
                c.value("focal_arc"), c.value("focal_thickness"), c.value("sheet_arc"), c.value("sheet_thickness"),
                c.value("concentric_thickness"),
                c.value("medial_linear_arc"), c.value("tissue_hu"), c.value("fat_hu"), c.value("lung_hu"), c.value("vertebra_hu"),
                c.value("ha_hu_per_mg_cm3_120kv"),
                new double[] {70, 80, 100, 120, 135},
                new double[] {c.value("kv_factor_70"), c.value("kv_factor_80"), c.value("kv_factor_100"), 1.0,
                    c.value("kv_factor_135")});
    }

    public PhantomParameters {
        kvFactorKv = kvFactorKv.clone();
        kvFactor = kvFactor.clone();
    }

    /**
     * HU per mg/cm&sup3; HA at {@code kvp}: the 120-kV value times the kV factor, linearly
     * interpolated between the tabulated voltages (70-135 kV).
     */
    public double haHuPerMgCm3(double kvp) {
        if (kvp < kvFactorKv[0] || kvp > kvFactorKv[kvFactorKv.length - 1]) {
            throw new IllegalArgumentException("tube voltage " + kvp + " kV outside 70-135 kV");
        }
        for (int i = 1; i < kvFactorKv.length; i++) {
            if (kvp <= kvFactorKv[i]) {
                double f = (kvp - kvFactorKv[i - 1]) / (kvFactorKv[i] - kvFactorKv[i - 1]);
                return haHuPerMgCm3At120 * (kvFactor[i - 1] + f * (kvFactor[i] - kvFactor[i - 1]));
            }
        }
        return haHuPerMgCm3At120 * kvFactor[kvFactor.length - 1];
    }
}
