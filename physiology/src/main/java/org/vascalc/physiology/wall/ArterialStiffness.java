package org.vascalc.physiology.wall;

import org.vascalc.physiology.numeric.DoubleOrder;

import static org.vascalc.physiology.numeric.DoubleOrder.atLeast;

/**
 * Aortic pulse-wave velocity. Moens–Korteweg gives c ∝ √E; medial mineral raises the effective
 * modulus through a calibrated, saturating map E_eff = E·(1 + κ·M/(M + M½)) (model-anchors 3.2: a
 * naive Voigt average of hydroxyapatite would hugely over-predict), so
 * PWV = PWV_intrinsic·√(1 + S)·√(1 + κ·M/(M + M½)). The intrinsic part stiffens with age through
 * elastin fatigue, faster at higher pulse pressure; S, the aortic remodelling state, is the relative
 * rise of the wall modulus from pressure-driven structural remodelling when the mean pressure exceeds
 * its homeostatic reference (collagen deposition and cross-linking restore wall stress at the cost of
 * compliance, Humphrey 2008; fragmented elastin is not repaired in adults, Wagenseil &amp; Mecham 2012):
 * <pre>
 * dPWV_i/dt = PWV_i·r·(PP/PP_ref)^m
 * dS/dt     = k_S·(1 + S)·max(0, MAP/MAP_ref − 1),   MAP = DBP + PP/3,   S(0) = 0
 * </pre>
 * S starts at 0 because a person's baseline PWV is placed cross-sectionally (their past remodelling is
 * in it); it measures the remodelling since then and never regresses.
 * Measured PWV also depends acutely on the distending pressure (β-stiffness model, PWV² ∝ β·P;
 * Spronck 2015): PWV = PWV_i·√(mineral term)·q^e with q the person's peripheral resistance, hence
 * mean pressure, relative to baseline (their baseline PWV is placed at their own pressure, so q = 1
 * there). q follows the blood-pressure trajectory: dq/dt = k_R·taper(age)·q, the age-related rise
 * of resistance that levels off at 50–60 y (Franklin 1997).
 */
final class ArterialStiffness {

    private ArterialStiffness() {
    }

    static double mineralFactor(WallParameters p, double aorticMedialMg) {
        double m = atLeast(aorticMedialMg, 0);
        return Math.sqrt(1 + p.stiffnessGainMax * m / (m + p.stiffnessHalfMass));
    }

    static double pwv(WallParameters p, double intrinsic, double aorticMedialMg) {
        return intrinsic * mineralFactor(p, aorticMedialMg);
    }

    /** Measured PWV at a resistance (mean pressure) {@code resistanceRatio} times the person's baseline. */
    static double pwv(WallParameters p, double intrinsic, double aorticMedialMg, double resistanceRatio) {
        double structural = pwv(p, intrinsic, aorticMedialMg);
        return resistanceRatio == 1 ? structural : structural * pressureFactor(p, resistanceRatio);
    }

    static double pressureFactor(WallParameters p, double resistanceRatio) {
        double q = atLeast(resistanceRatio, 0.1);
        return p.pwvPressureExponent == 0.5 ? Math.sqrt(q) : Math.pow(q, p.pwvPressureExponent);
    }

    /**
     * Rate of the resistance ratio, per hour: a relative rise k_R until {@code mapPlateauAge −
     * mapPlateauTaper}, tapering linearly to zero at {@code mapPlateauAge} (Framingham: MAP rises
     * with age and levels off after 50–60 y, Franklin 1997).
     */
    static double resistanceRate(WallParameters p, double resistanceRatio, double ageYears) {
        double taper = DoubleOrder.min(1, atLeast((p.mapPlateauAge - ageYears) / p.mapPlateauTaper, 0));
        return p.resistanceRise * taper * resistanceRatio;
    }

    /** Cross-sectional expected PWV for age and SBP, m/s: places a patient's baseline. */
    static double expected(WallParameters p, double ageYears, double sbpMmHg) {
        return expectedGivenAge(p, Math.pow(1 + p.pwvAgeRelPerDecade, (ageYears - 60) / 10), sbpMmHg);
    }

    /** {@link #expected} with its age factor (1 + r)^{(age − 60)/10} already computed. */
    static double expectedGivenAge(WallParameters p, double ageFactor, double sbpMmHg) {
        return p.pwvRefAt60 * ageFactor + p.pwvSbpSlope * (sbpMmHg - p.sbpRef);
    }

    /** The logarithmic rate of the age factor of {@link #expected}, per year: ln(1 + r)/10. */
    static double expectedAgeRate(WallParameters p) {
        return Math.log(1 + p.pwvAgeRelPerDecade) / 10;
    }

    /** Elastin fatigue: rate of the intrinsic PWV, m/s per hour. */
    static double intrinsicRate(WallParameters p, double intrinsic, double ppMmHg) {
        double load = atLeast(ppMmHg, 1) / p.ppRef;
        double fatigue = p.pwvFatigueExponent == 1 ? load : Math.pow(load, p.pwvFatigueExponent);
        return intrinsic * p.pwvIntrinsicRate * fatigue;
    }

    /** Pressure-driven remodelling: rate of the aortic remodelling state S, per hour (0 at or below MAP_ref). */
    static double remodellingRate(WallParameters p, double remodelling, double dbpMmHg, double ppMmHg) {
        double excess = (dbpMmHg + ppMmHg / 3) / p.mapRef - 1;
        return excess <= 0 ? 0 : p.aorticRemodelling * (1 + atLeast(remodelling, 0)) * excess;
    }

    /** The PWV factor of the remodelling state, √(1 + S) (Moens–Korteweg: c ∝ √E). */
    static double remodellingFactor(double remodelling) {
        return remodelling <= 0 ? 1 : Math.sqrt(1 + remodelling);
    }
}
