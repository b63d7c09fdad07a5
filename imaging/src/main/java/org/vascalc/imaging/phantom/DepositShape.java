package org.vascalc.imaging.phantom;

/**
 * The form of a deposit. Intimal calcium is eccentric and focal, spotty or sheet-like; medial
 * calcium is circumferential or linear along the wall. Each shape fixes the cross-section (arc and
 * radial band, from the catalog), so the length along the artery follows from volume = mass / density.
 */
public enum DepositShape {
    /** Eccentric arc under the lumen (intimal). */
    FOCAL(Layer.INTIMAL),
    /** A small sphere touching the lumen (intimal). */
    SPOTTY(Layer.INTIMAL),
    /** A thin, wide plate under the lumen (intimal). */
    SHEET(Layer.INTIMAL),
    /**
     * A thin ring all round the lumen (intimal), as thick as the media by default: the medial ring's
     * twin that differs only in depth, the control of the layer-blindness experiment.
     */
    CONCENTRIC(Layer.INTIMAL),
    /** The whole circumference of the media (medial). */
    CIRCUMFERENTIAL(Layer.MEDIAL),
    /** A narrow strip of media running along the artery (medial). */
    LINEAR(Layer.MEDIAL);

    private final Layer layer;

    DepositShape(Layer layer) {
        this.layer = layer;
    }

    /** The only layer this shape may be placed in. */
    public Layer layer() {
        return layer;
    }
}
