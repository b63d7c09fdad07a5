package org.vascalc.imaging.phantom;

/** The arterial wall layer a deposit sits in: the ground truth a CT scan cannot see directly. */
public enum Layer {
    /** In plaque, between the lumen and the internal elastic lamina. */
    INTIMAL,
    /** In the media (Moenckeberg type), between the elastic laminae. */
    MEDIAL
}
