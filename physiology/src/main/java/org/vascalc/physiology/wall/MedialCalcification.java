package org.vascalc.physiology.wall;

import org.vascalc.physiology.numeric.DoubleOrder;

import static org.vascalc.physiology.numeric.DoubleOrder.atLeast;

/**
 * Medial (Mönckeberg) calcification of one bed (model-anchors 2.3):
 * <pre>
 * dφ/dt = k_on·F·(1 − φ) − k_off·φ,   F = (P/P_ref)^m · (1 + uraemia) · diabetes · e^{a(age − 60)}
 * dM/dt = k_g·s_bed·(φ + α·(M/M_ref)^{2/3})·D(S)·(1 − I_MGP)·(1 − I_fetA) − k_res·R(cMGP)·M
 * </pre>
 * φ is the osteogenic VSMC fraction (slow, with memory), M the medial hydroxyapatite in mg. No
 * plaque is needed. Regression R is zero below a high carboxylation threshold (rat evidence only).
 */
final class MedialCalcification {

    private MedialCalcification() {
    }

    /** Osteogenic drive F (dimensionless, 1 for a 60-year-old at reference phosphate and kidneys). */
    static double osteogenicDrive(WallParameters p, double pMmolL, double egfr, boolean haemodialysis,
                                  boolean diabetes, double ageYears) {
        return osteogenicDriveGivenAge(p, pMmolL, egfr, haemodialysis, diabetes,
                Math.exp(p.osteoAgePerYear * (ageYears - 60)));
    }

    /** {@link #osteogenicDrive} with its age factor e^{a(age − 60)} already computed (the derivative call's {@code GridExp}). */
    static double osteogenicDriveGivenAge(WallParameters p, double pMmolL, double egfr, boolean haemodialysis,
                                          boolean diabetes, double ageFactor) {
        return osteogenicDriveGiven(p, pMmolL, uraemia(p, egfr, haemodialysis), diabetes, ageFactor);
    }

    /**
     * {@link #osteogenicDriveGivenAge} with the uraemic drive already computed (fast mode's orbit
     * evaluates the drive at every stage with the drivers, and so the uraemia, held).
     */
    static double osteogenicDriveGiven(WallParameters p, double pMmolL, double uraemia, boolean diabetes,
                                       double ageFactor) {
        double phos = phosphateFactor(p, pMmolL);
        double diab = diabetes ? p.diabetesMedialFactor : 1;
        return phos * (1 + uraemia) * diab * ageFactor;
    }

    /**
     * (P/P_ref)^m of the osteogenic drive; for the catalog's m = 2 the square itself (what
     * {@code Math.pow} returns for an exponent of 2: the same bits, WallRememberedTermsTest).
     */
    static double phosphateFactor(WallParameters p, double pMmolL) {
        double r = atLeast(pMmolL, 0) / p.pRef;
        return p.osteoPhosphateExponent == 2 ? r * r : Math.pow(r, p.osteoPhosphateExponent);
    }

    /**
     * Uraemic osteogenic drive U (dimensionless, 0 with eGFR &ge; 60): linear in (60 − eGFR)/45 up to
     * {@code uraemicDriveCkd} at eGFR 15, at least {@code uraemicDriveHd} on haemodialysis. It stands for
     * what falling kidney function adds beyond phosphate (uraemic toxins, inflammation); the intima
     * feels it with a weight ({@link IntimalCalcification#microFormation}).
     */
    static double uraemia(WallParameters p, double egfr, boolean haemodialysis) {
        double u = p.uraemicDriveCkd * DoubleOrder.min(1, atLeast((60 - egfr) / 45, 0));
        return haemodialysis ? DoubleOrder.max(u, p.uraemicDriveHd) : u;
    }

    static double osteogenicRate(WallParameters p, double phi, double drive) {
        return p.osteoOn * drive * (1 - phi) - p.osteoOff * phi;
    }

    /** Combined inhibition factor (1 − I_MGP)(1 − I_fetA). */
    static double uninhibited(WallParameters p, double cMgp, double fetuinGPerL) {
        return uninhibitedGiven(p, mgpInhibition(p, cMgp), fetuinGPerL);
    }

    /** The same with I_MGP already computed. */
    static double uninhibitedGiven(WallParameters p, double mgp, double fetuinGPerL) {
        double fet = p.fetuinInhibitionMax * fetuinGPerL / (p.fetuinHalf + fetuinGPerL);
        return (1 - mgp) * (1 - fet);
    }

    /** Inhibition by carboxylated MGP, 0 to I_max (Hill form). */
    static double mgpInhibition(WallParameters p, double cMgp) {
        double c = Math.pow(atLeast(cMgp, 0), p.mgpInhibitionHill);
        return p.mgpInhibitionMax * c / (p.mgpInhibitionHalfPow + c);
    }

    /** Medial growth, mg/h (non-negative). */
    static double growth(WallParameters p, double bedScale, double phi, double massMg, double drive,
                         double uninhibited) {
        return growthGivenSurface(p, bedScale, phi, surfaceTerm(p, massMg), drive, uninhibited);
    }

    /** The mineral's own surface term α·(M/M_ref)^{2/3} of {@link #growth}. */
    static double surfaceTerm(WallParameters p, double massMg) {
        return p.medialSelfGrowth * Math.cbrt(square(atLeast(massMg, 0) / p.medialRefMass));
    }

    /** {@link #growth} with {@link #surfaceTerm} already computed (the derivative call remembers it per bed). */
    static double growthGivenSurface(WallParameters p, double bedScale, double phi, double surface, double drive,
                                     double uninhibited) {
        return p.medialGrowth * bedScale * (atLeast(phi, 0) + surface) * drive * uninhibited;
    }

    /** Medial regression, mg/h (non-negative): only above the high-vitamin-K carboxylation threshold. */
    static double regression(WallParameters p, double massMg, double cMgp) {
        double above = (cMgp - p.medialRegressionThreshold) / (1 - p.medialRegressionThreshold);
        return above <= 0 ? 0 : p.medialRegressionMax * DoubleOrder.min(above, 1) * atLeast(massMg, 0);
    }

    private static double square(double v) {
        return v * v;
    }
}
