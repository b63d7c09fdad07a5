package org.vascalc.physiology.wall;

/**
 * Serum calcification propensity as a T50-like index (Pasch 2012 test; determinants from Smith
 * 2014): T50 = T50_ref·exp(−a·(P − P_ref) − b·(Ca − Ca_ref))·(fetuin/fetuin_normal)^c, minutes.
 * Lower T50 means higher propensity. An algebraic output of the instantaneous milieu, times the
 * person's own residual factor (1 typical): what Ca, P and fetuin-A leave unexplained (magnesium,
 * pyrophosphate, albumin, bicarbonate; Smith 2014: the measured determinants explain 49 % of T50's
 * variance), which also acts on mineral growth ({@link WallParameters#propensityProductFactor}).
 */
final class CalcificationPropensity {

    private CalcificationPropensity() {
    }

    static double t50Minutes(WallParameters p, double caMmolL, double pMmolL, double fetuinGPerL) {
        return p.t50Ref * Math.exp(-p.t50Phosphate * (pMmolL - p.pRef) - p.t50Calcium * (caMmolL - p.caRef))
                * Math.pow(fetuinGPerL / p.fetuinNormal, p.t50FetuinExponent) * p.t50Residual;
    }
}
