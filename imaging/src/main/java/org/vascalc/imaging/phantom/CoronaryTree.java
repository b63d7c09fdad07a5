package org.vascalc.imaging.phantom;

import java.util.EnumMap;
import java.util.Map;
import org.vascalc.imaging.volume.CoronaryArtery;

/**
 * The four scored coronary arteries in patient coordinates (mm; x to the patient's left, y
 * posterior, z superior, as in DICOM), with the aortic root at the origin before the offset.
 *
 * <p>The control points are a hand-drawn schematic, not a segmented patient: the left main runs
 * about 10 mm leftward from the left sinus and splits into the LAD (down the anterior
 * interventricular groove toward the apex, about 120 mm) and the LCX (back along the left
 * atrioventricular groove, about 80 mm); the RCA leaves the right sinus and runs in the right
 * atrioventricular groove to the posterior crux (about 150 mm). These lengths sit in the usual
 * adult range (assumption; the test {@code CoronaryTreeTest} checks them).
 */
public final class CoronaryTree {

    static final double[][] LM = {{8, -3, 0}, {13, -5, -1}, {17.5, -7, -2}};
    static final double[][] LAD = {{17.5, -7, -2}, {25, -25, -10}, {35, -40, -30}, {45, -48, -55}, {55, -48, -80},
        {62, -42, -100}};
    static final double[][] LCX = {{17.5, -7, -2}, {32, -2, -8}, {45, 10, -18}, {52, 28, -30}, {50, 45, -45}};
    static final double[][] RCA = {{-8, -10, -2}, {-22, -22, -10}, {-38, -24, -30}, {-46, -18, -55}, {-45, -5, -80},
        {-35, 15, -95}, {-15, 30, -100}};

    private final Map<CoronaryArtery, ArteryModel> arteries;

    private CoronaryTree(Map<CoronaryArtery, ArteryModel> arteries) {
        this.arteries = arteries;
    }

    /** The schematic tree with the catalog's calibres, translated by {@code offsetMm}. */
    public static CoronaryTree standard(PhantomParameters k, double[] offsetMm) {
        Map<CoronaryArtery, ArteryModel> m = new EnumMap<>(CoronaryArtery.class);
        m.put(CoronaryArtery.LM, artery(CoronaryArtery.LM, LM, offsetMm, k.lmDiameter(), k.lmDiameter(), k));
        m.put(CoronaryArtery.LAD, artery(CoronaryArtery.LAD, LAD, offsetMm, k.ladProximal(), k.ladDistal(), k));
        m.put(CoronaryArtery.LCX, artery(CoronaryArtery.LCX, LCX, offsetMm, k.lcxProximal(), k.lcxDistal(), k));
        m.put(CoronaryArtery.RCA, artery(CoronaryArtery.RCA, RCA, offsetMm, k.rcaProximal(), k.rcaDistal(), k));
        return new CoronaryTree(m);
    }

    private static ArteryModel artery(CoronaryArtery a, double[][] control, double[] offset, double dProx,
                                      double dDist, PhantomParameters k) {
        return new ArteryModel(a, Centerline.through(control, offset), dProx / 2, dDist / 2, k.intima(), k.media(),
                k.adventitia());
    }

    public ArteryModel artery(CoronaryArtery a) {
        return arteries.get(a);
    }

    /** Bounding box of all centre lines, {minX, minY, minZ, maxX, maxY, maxZ}, mm. */
    public double[] bounds() {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE,
            -Double.MAX_VALUE};
        for (ArteryModel a : arteries.values()) {
            Centerline c = a.centerline();
            for (int i = 0; i < c.pointCount(); i++) {
                b[0] = Math.min(b[0], c.x(i));
                b[1] = Math.min(b[1], c.y(i));
                b[2] = Math.min(b[2], c.z(i));
                b[3] = Math.max(b[3], c.x(i));
                b[4] = Math.max(b[4], c.y(i));
                b[5] = Math.max(b[5], c.z(i));
            }
        }
        return b;
    }
}
