package org.vascalc.imaging.synth;

/**
 * In-plane Gaussian point-spread function, applied separably to one slice. The kernel is
 * truncated at 3 sigma and renormalised, so a blurred slice keeps its HU integral (the partial-volume
 * bookkeeping of the mass score depends on it).
 */
final class GaussianPsf {

    private static final double FWHM_PER_SIGMA = 2.0 * Math.sqrt(2.0 * Math.log(2.0));

    private final double[] kernel;
    private final int radius;

    GaussianPsf(double fwhmMm, double pixelMm) {
        double sigma = fwhmMm / FWHM_PER_SIGMA / pixelMm;
        if (sigma < 1e-3) {
            kernel = new double[] {1};
            radius = 0;
            return;
        }
        radius = Math.max(1, (int) Math.ceil(3 * sigma));
        kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
    }

    /** Sum of the squared 2-D kernel weights: white noise of unit variance has this variance after blurring. */
    double noiseVarianceGain() {
        double s = 0;
        for (double k : kernel) {
            s += k * k;
        }
        return s * s;
    }

    /** Blurs an n-by-n slice in place (edges are clamped). */
    void apply(float[] img, int n, float[] scratch) {
        if (radius == 0) {
            return;
        }
        for (int y = 0; y < n; y++) {
            int row = y * n;
            for (int x = 0; x < n; x++) {
                double acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = Math.min(n - 1, Math.max(0, x + k));
                    acc += kernel[k + radius] * img[row + xx];
                }
                scratch[row + x] = (float) acc;
            }
        }
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int yy = Math.min(n - 1, Math.max(0, y + k));
                    acc += kernel[k + radius] * scratch[yy * n + x];
                }
                img[y * n + x] = (float) acc;
            }
        }
    }
}
