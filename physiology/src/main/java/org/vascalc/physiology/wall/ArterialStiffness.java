package org.vascalc.physiology.wall;

/**
 * Aortic pulse-wave velocity. Moens–Korteweg gives c ∝ √E; medial mineral raises the effective
 * modulus through a calibrated, saturating map E_eff = E·(1 + κ·M/(M + M½)) (model-anchors 3.2: a
 * naive Voigt average of hydroxyapatite would hugely over-predict), so
 * PWV = PWV_intrinsic·√(1 + κ·M/(M + M½)). The intrinsic part stiffens with age through elastin
 * fatigue, faster at higher pulse pressure, and through pressure-driven matrix remodelling when the
 * mean pressure exceeds its homeostatic reference (collagen deposition restores wall stress at the
 * cost of compliance; Humphrey 2008):
 * <pre>
 * dPWV_i/dt = PWV_i·( r·(PP/PP_ref)^m + r_P·max(0, MAP/MAP_ref − 1) ),   MAP = DBP + PP/3
 * </pre>
 */
final class ArterialStiffness {

    private ArterialStiffness() {
    }

    static double mineralFactor(WallParameters p, double aorticMedialMg) {
        double m = Math.max(aorticMedialMg, 0);
        return Math.sqrt(1 + p.stiffnessGainMax * m / (m + p.stiffnessHalfMass));
    }

    static double pwv(WallParameters p, double intrinsic, double aorticMedialMg) {
        return intrinsic * mineralFactor(p, aorticMedialMg);
    }

    /** Cross-sectional expected PWV for age and SBP, m/s: places a patient's baseline. */
    static double expected(WallParameters p, double ageYears, double sbpMmHg) {
        return p.pwvRefAt60 * Math.pow(1 + p.pwvAgeRelPerDecade, (ageYears - 60) / 10)
                + p.pwvSbpSlope * (sbpMmHg - p.sbpRef);
    }

    static double intrinsicRate(WallParameters p, double intrinsic, double dbpMmHg, double ppMmHg) {
        double load = Math.max(ppMmHg, 1) / p.ppRef;
        double fatigue = p.pwvFatigueExponent == 1 ? load : Math.pow(load, p.pwvFatigueExponent);
        double excess = Math.max(0, (dbpMmHg + ppMmHg / 3) / p.mapRef - 1);
        return intrinsic * (p.pwvIntrinsicRate * fatigue + p.pwvPressureRemodelling * excess);
    }
}
