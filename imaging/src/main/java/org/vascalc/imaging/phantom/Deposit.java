package org.vascalc.imaging.phantom;

/**
 * A deposit placed in its artery: the solid the renderer fills. Shells are measured from the lumen
 * radius at each arc length, so a deposit follows the taper. Except for spotty (a sphere), the
 * cross-section is an annular sector (arc &times; radial band) and the length is what the volume
 * needs: {@code L = V / (arc/360 * pi * (rOut^2 - rIn^2))} at the centre's lumen radius.
 *
 * @param spec         what was asked for
 * @param artery       where it sits
 * @param innerOffsetMm radial start of the band beyond the lumen radius, mm
 * @param outerOffsetMm radial end of the band beyond the lumen radius, mm
 * @param arcDeg       angular extent, degrees (360 = circumferential)
 * @param startMm      arc length where it begins, mm
 * @param endMm        arc length where it ends, mm
 * @param sphereCentre centre of a spotty deposit (mm), else null
 * @param sphereRadiusMm radius of a spotty deposit, mm, else 0
 */
public record Deposit(LesionSpec spec, ArteryModel artery, double innerOffsetMm, double outerOffsetMm, double arcDeg,
                      double startMm, double endMm, double[] sphereCentre, double sphereRadiusMm) {

    public Deposit {
        sphereCentre = sphereCentre == null ? null : sphereCentre.clone();
    }

    @Override
    public double[] sphereCentre() {
        return sphereCentre == null ? null : sphereCentre.clone();
    }

    /** Places {@code spec} in {@code artery}. */
    public static Deposit place(LesionSpec spec, ArteryModel artery, PhantomParameters k) {
        double v = spec.volumeMm3();
        double s0 = spec.positionMm();
        double r = artery.lumenRadius(s0);
        if (spec.shape() == DepositShape.SPOTTY) {
            double rs = Math.cbrt(3 * v / (4 * Math.PI));
            double[] c = artery.centerline().offsetPoint(s0, r + rs, spec.angleDeg());
            return new Deposit(spec, artery, 0, 2 * rs, 360, s0 - rs, s0 + rs, c, rs);
        }
        double inner;
        double outer;
        double arc;
        switch (spec.shape()) {
            case FOCAL -> {
                inner = 0;
                outer = k.focalThickness();
                arc = k.focalArc();
            }
            case SHEET -> {
                inner = 0;
                outer = k.sheetThickness();
                arc = k.sheetArc();
            }
            case CONCENTRIC -> {
                inner = 0;
                outer = k.concentricThickness();
                arc = 360;
            }
            case CIRCUMFERENTIAL -> {
                inner = artery.intimaMm();
                outer = artery.intimaMm() + artery.mediaMm();
                arc = 360;
            }
            case LINEAR -> {
                inner = artery.intimaMm();
                outer = artery.intimaMm() + artery.mediaMm();
                arc = k.linearArc();
            }
            default -> throw new IllegalStateException("unhandled shape " + spec.shape());
        }
        double area = arc / 360.0 * Math.PI * (sq(r + outer) - sq(r + inner));
        double length = v / area;
        return new Deposit(spec, artery, inner, outer, arc, s0 - length / 2, s0 + length / 2, null, 0);
    }

    public double lengthMm() {
        return endMm - startMm;
    }

    /**
     * Whether a point lies in the deposit, given its local coordinates about the artery (arc length
     * {@code s}, radial distance {@code rho}, angle {@code phiDeg}) and its position.
     */
    public boolean contains(double s, double rho, double phiDeg, double x, double y, double z) {
        if (sphereCentre != null) {
            double dx = x - sphereCentre[0];
            double dy = y - sphereCentre[1];
            double dz = z - sphereCentre[2];
            return dx * dx + dy * dy + dz * dz <= sphereRadiusMm * sphereRadiusMm;
        }
        if (s < startMm || s > endMm) {
            return false;
        }
        double r = artery.lumenRadius(s);
        if (rho < r + innerOffsetMm || rho > r + outerOffsetMm) {
            return false;
        }
        if (arcDeg >= 360) {
            return true;
        }
        double d = Math.abs(((phiDeg - spec.angleDeg()) % 360 + 540) % 360 - 180);
        return d <= arcDeg / 2;
    }

    /** Largest distance from the centre line the deposit reaches, mm. */
    public double reachMm() {
        return artery.lumenRadius(startMm) + Math.max(outerOffsetMm, 2 * sphereRadiusMm) + 0.5;
    }

    private static double sq(double v) {
        return v * v;
    }
}
