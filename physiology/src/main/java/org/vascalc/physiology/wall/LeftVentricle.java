package org.vascalc.physiology.wall;

/**
 * LV mass under systolic load (model-anchors 3.4; Laplace wall stress ∝ SBP at fixed geometry):
 * dLVM/dt = k_g·max(0, SBP/SBP_set − 1)·LVM − k_r·(LVM − LVM₀). Months, not beats.
 */
final class LeftVentricle {

    private LeftVentricle() {
    }

    static double rate(WallParameters p, double mass, double normal, double sbp) {
        return p.lvGrowth * Math.max(0, sbp / p.lvSbpSet - 1) * mass - p.lvRegression * (mass - normal);
    }

    /** The mass at which the rate is zero for a constant SBP. */
    static double steadyState(WallParameters p, double normal, double sbp) {
        double load = p.lvGrowth * Math.max(0, sbp / p.lvSbpSet - 1);
        // Guard: growth gain must stay below regression for a finite steady state.
        double denom = Math.max(p.lvRegression - load, 0.2 * p.lvRegression);
        return normal * p.lvRegression / denom;
    }
}
