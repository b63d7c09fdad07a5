package org.vascalc.imaging.phantom;

import org.vascalc.imaging.volume.CoronaryArtery;

/**
 * One artery as a tube: its centre line and, at each arc length, the lumen radius (linear taper) and
 * the intima / media / adventitia shells around it.
 */
public record ArteryModel(CoronaryArtery artery, Centerline centerline, double proximalLumenRadiusMm,
                          double distalLumenRadiusMm, double intimaMm, double mediaMm, double adventitiaMm) {

    public double lengthMm() {
        return centerline.lengthMm();
    }

    public double lumenRadius(double s) {
        double f = Math.max(0, Math.min(1, s / centerline.lengthMm()));
        return proximalLumenRadiusMm + f * (distalLumenRadiusMm - proximalLumenRadiusMm);
    }

    /** Radius of the internal elastic lamina (lumen + intima). */
    public double mediaInnerRadius(double s) {
        return lumenRadius(s) + intimaMm;
    }

    public double outerRadius(double s) {
        return lumenRadius(s) + intimaMm + mediaMm + adventitiaMm;
    }

    public double maxOuterRadius() {
        return Math.max(proximalLumenRadiusMm, distalLumenRadiusMm) + intimaMm + mediaMm + adventitiaMm;
    }
}
