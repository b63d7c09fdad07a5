package org.vascalc.imaging.phantom;

/**
 * What surrounds the heart in the scan: soft tissue, the two lungs (ellipsoids) and a vertebral
 * body (a cylinder along z), placed like the coronary tree in patient coordinates and moved by the
 * same offset. A schematic, drawn so that no lung touches a coronary artery; it matters for the
 * picture and for scoring without a label map (the vertebra is above 130 HU), not for the arteries.
 */
public final class Chest {

    // {centre x, y, z, semi-axis x, y, z} in mm, before the offset
    private static final double[] RIGHT_LUNG = {-115, 15, -40, 60, 85, 110};
    private static final double[] LEFT_LUNG = {130, 15, -45, 55, 85, 105};
    // {centre x, y, radius} in mm
    private static final double[] VERTEBRA = {5, 95, 18};

    private final double ox;
    private final double oy;
    private final double oz;
    private final double tissueHu;
    private final double lungHu;
    private final double vertebraHu;

    public Chest(PhantomParameters k, double[] offsetMm) {
        this.ox = offsetMm[0];
        this.oy = offsetMm[1];
        this.oz = offsetMm[2];
        this.tissueHu = k.tissueHu();
        this.lungHu = k.lungHu();
        this.vertebraHu = k.vertebraHu();
    }

    /** HU of the chest (without the arteries) at a point, mm. */
    public double hu(double x, double y, double z) {
        double px = x - ox;
        double py = y - oy;
        double pz = z - oz;
        if (inside(RIGHT_LUNG, px, py, pz) || inside(LEFT_LUNG, px, py, pz)) {
            return lungHu;
        }
        double dx = px - VERTEBRA[0];
        double dy = py - VERTEBRA[1];
        if (dx * dx + dy * dy <= VERTEBRA[2] * VERTEBRA[2]) {
            return vertebraHu;
        }
        return tissueHu;
    }

    private static boolean inside(double[] e, double x, double y, double z) {
        double a = (x - e[0]) / e[3];
        double b = (y - e[1]) / e[4];
        double c = (z - e[2]) / e[5];
        return a * a + b * b + c * c <= 1;
    }
}
