package org.vascalc.physiology.wall;

/**
 * Calcium-phosphate supersaturation of the serum, the nonlinear drive of mineral growth
 * (model-anchors 2.1: growth ∝ max(0, S − 1)^n with an effective, calibrated threshold on the
 * Ca×P product). Evaluated on the instantaneous serum values, so a supplement peak contributes
 * through the convexity of the drive, not only through the daily mean.
 */
final class MineralMilieu {

    private MineralMilieu() {
    }

    /** Ca×P product relative to the reference milieu (1 at reference). */
    static double relativeProduct(WallParameters p, double caMmolL, double pMmolL) {
        return (caMmolL * pMmolL) / (p.caRef * p.pRef);
    }

    /** Growth drive: 0 below the threshold, 1 at reference, convex above. */
    static double drive(WallParameters p, double relativeProduct) {
        double excess = relativeProduct - p.supersatThreshold;
        if (excess <= 0) {
            return 0;
        }
        double s = excess / (1 - p.supersatThreshold);
        return p.supersatExponent == 2 ? s * s : Math.pow(s, p.supersatExponent);
    }
}
