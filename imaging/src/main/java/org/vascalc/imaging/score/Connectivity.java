package org.vascalc.imaging.score;

/**
 * Which candidate pixels form one lesion. Agatston (1990) scored each axial slice on its own; the
 * neighbourhood was not specified, so the default follows the common open implementations
 * (8-connected in-plane, as {@code skimage.measure.label}); the others exist to compare conventions.
 */
public enum Connectivity {
    /** In-plane, edge neighbours only. */
    PLANAR_4,
    /** In-plane, edge and corner neighbours (default). */
    PLANAR_8,
    /**
     * 3-D, 26 neighbours: a lesion spans slices; the size gate applies to its volume, and each slice
     * it crosses contributes area x weight from that slice's own peak (as qurAI's scorer does).
     */
    VOLUMETRIC_26
}
