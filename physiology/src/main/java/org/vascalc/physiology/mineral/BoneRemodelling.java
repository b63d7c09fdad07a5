package org.vascalc.physiology.mineral;

import org.vascalc.physiology.numeric.PowMemo;

/**
 * Coupled bone remodelling (basic multicellular units) acting on mineralised bone: osteoclasts
 * resorb mineral from deep bone {@code Qbone} into the extracellular fluid and osteoblasts lay new
 * mineral down into it, each as the same saturating function of its cell index. At coupled activity
 * (OB = OC) formation equals resorption, as it does on average in each unit (Parfitt1982); a change
 * of activity moves bone calcium only while osteoblasts lag the osteoclasts (the remodelling
 * transient, Heaney1994). So when PTH falls (a calcium supplement) resorption falls within weeks
 * while formation continues for months, and the calcium retained meanwhile stays in bone instead of
 * being handed back by the exchangeable pool.
 *
 * <p>Peterson &amp; Riggs drew the osteoclast-dependent release ({@code FracJ14} of CaDay,
 * {@code J14OCmax·OC^γ/(OC^γ + J14OC50^γ)·Q0·FracJ14}) and the osteoblast-dependent uptake
 * ({@code FracJ15}, linear in OB) from and into the exchangeable pool Q. With Q's release first order
 * in Q (docs/model/mineral.md) a fall in resorption only raised Q, which handed ~80 % of it back to
 * plasma within a day. Here the resorption function is P&amp;R's, unchanged; formation uses the same
 * function of OB (so {@code FracJ15} is unused); both fluxes leave Q.
 */
final class BoneRemodelling {

    /** Resorption (= formation) at baseline cell activity, mmol/h: FracJ14 · CaDay / 24. */
    private final double maxFlux;
    private final double halfPow;
    private final PowMemo resorptionPow;
    private final PowMemo formationPow;

    /**
     * @param maxFlux {@code J14OCmax·Q0·FracJ14}, mmol/h
     * @param halfPow {@code J14OC50^γ}, derived so that the flux at activity 1 is FracJ14 · CaDay / 24
     * @param gamma   {@code J14OCgam}
     */
    BoneRemodelling(double maxFlux, double halfPow, double gamma) {
        this.maxFlux = maxFlux;
        this.halfPow = halfPow;
        this.resorptionPow = new PowMemo(gamma);
        this.formationPow = new PowMemo(gamma);
    }

    /** Mineral resorbed from deep bone by osteoclasts at activity {@code oc}, mmol Ca/h. */
    double resorption(double oc) {
        double x = resorptionPow.of(Math.max(oc, 0));
        return maxFlux * x / (x + halfPow);
    }

    /** Mineral laid down in deep bone by osteoblasts at activity {@code ob}, mmol Ca/h. */
    double formation(double ob) {
        double x = formationPow.of(Math.max(ob, 0));
        return maxFlux * x / (x + halfPow);
    }
}
