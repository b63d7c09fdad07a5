package org.vascalc.imaging.score;

import java.util.Arrays;
import org.vascalc.imaging.volume.CtVolume;

/** Builds small test volumes by painting HU boxes. */
final class Grids {

    final int w;
    final int h;
    final int d;
    final short[] hu;
    final byte[] labels;

    Grids(int w, int h, int d, int background) {
        this.w = w;
        this.h = h;
        this.d = d;
        this.hu = new short[w * h * d];
        this.labels = new byte[w * h * d];
        Arrays.fill(hu, (short) background);
    }

    /** Paints columns [x0, x0+nx), rows [y0, y0+ny) of slice z with HU v and label code. */
    Grids box(int z, int x0, int y0, int nx, int ny, int v, int code) {
        for (int y = y0; y < y0 + ny; y++) {
            for (int x = x0; x < x0 + nx; x++) {
                int i = (z * h + y) * w + x;
                hu[i] = (short) v;
                labels[i] = (byte) code;
            }
        }
        return this;
    }

    Grids box(int z, int x0, int y0, int nx, int ny, int v) {
        return box(z, x0, y0, nx, ny, v, 0);
    }

    CtVolume volume(double pixel, double increment, double kvp) {
        double[] zs = new double[d];
        for (int z = 0; z < d; z++) {
            zs[z] = z * increment;
        }
        return new CtVolume(w, h, d, hu, pixel, pixel, zs, increment, kvp);
    }
}
