package org.vascalc.imaging.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The in-plane PSF by hand: FWHM = 2 sqrt(2 ln 2) sigma, a kernel truncated at 3 sigma and renormalised
 * to unit sum (so a blurred slice keeps its HU integral), applied separably with clamped edges.
 * Mutation testing (docs/testing.md, imaging 2026-12-04) found the kernel's weights, its normalisation
 * and the edge handling checked only through whole synthetic scans.
 */
class GaussianPsfTest {

    /** FWHM of a Gaussian of sigma 1 mm. */
    private static final double FWHM_OF_SIGMA_1 = 2 * Math.sqrt(2 * Math.log(2));

    /** The 1-D weights of sigma = 1 pixel, radius 3: exp(-i^2 / 2) over their sum. */
    private static double[] weightsOfSigma1() {
        double[] raw = {1, Math.exp(-0.5), Math.exp(-2), Math.exp(-4.5)};
        double sum = raw[0] + 2 * (raw[1] + raw[2] + raw[3]);
        double[] w = new double[4];
        for (int i = 0; i < 4; i++) {
            w[i] = raw[i] / sum;
        }
        return w;
    }

    @Test
    void aPointIsSpreadByTheProductOfTheNormalisedWeightsAndKeepsItsIntegral() {
        // 9 x 9 slice, 0.5 mm pixels, FWHM of sigma 0.5 mm = 1 pixel; a point of 1000 HU at (4, 4)
        int n = 9;
        float[] img = new float[n * n];
        img[4 * n + 4] = 1000;
        new GaussianPsf(FWHM_OF_SIGMA_1 * 0.5, 0.5).apply(img, n, new float[n * n]);
        double[] w = weightsOfSigma1();
        assertThat(img[4 * n + 4]).isCloseTo((float) (1000 * w[0] * w[0]), within(1e-3f));
        assertThat(img[4 * n + 5]).isCloseTo((float) (1000 * w[0] * w[1]), within(1e-3f));
        assertThat(img[2 * n + 4]).isCloseTo((float) (1000 * w[2] * w[0]), within(1e-3f));
        assertThat(img[7 * n + 1]).isCloseTo((float) (1000 * w[3] * w[3]), within(1e-4f));
        assertThat(img[8 * n + 4]).isZero(); // 4 pixels away: beyond 3 sigma
        assertThat(img[4 * n]).isZero();
        double total = 0;
        for (float v : img) {
            total += v;
        }
        assertThat(total).isCloseTo(1000, within(1e-2));
    }

    @Test
    void aUniformSliceStaysUniformAndTheEdgeRepeatsItsLastPixel() {
        int n = 9;
        float[] uniform = new float[n * n];
        java.util.Arrays.fill(uniform, 40f);
        new GaussianPsf(FWHM_OF_SIGMA_1, 1).apply(uniform, n, new float[n * n]);
        for (float v : uniform) {
            assertThat(v).isCloseTo(40f, within(1e-3f));
        }
        // column 0 at 1000 HU, the rest 0: at x = 0 the clamped edge reads column 0 for k = -3..0,
        // so it keeps 1000 (w0 + w1 + w2 + w3); at x = 1 it gets 1000 (w1 + w2 + w3) (k = -1..-3)
        float[] step = new float[n * n];
        for (int y = 0; y < n; y++) {
            step[y * n] = 1000;
        }
        new GaussianPsf(FWHM_OF_SIGMA_1, 1).apply(step, n, new float[n * n]);
        double[] w = weightsOfSigma1();
        for (int y = 0; y < n; y++) {
            assertThat(step[y * n]).isCloseTo((float) (1000 * (w[0] + w[1] + w[2] + w[3])), within(1e-2f));
            assertThat(step[y * n + 1]).isCloseTo((float) (1000 * (w[1] + w[2] + w[3])), within(1e-2f));
            assertThat(step[y * n + 4]).isZero();
        }
    }

    @Test
    void theNoiseGainIsTheSquaredSumOfSquaredWeights() {
        double[] w = weightsOfSigma1();
        double s = w[0] * w[0] + 2 * (w[1] * w[1] + w[2] * w[2] + w[3] * w[3]);
        assertThat(new GaussianPsf(FWHM_OF_SIGMA_1 * 0.4, 0.4).noiseVarianceGain()).isCloseTo(s * s, within(1e-12));
    }

    @Test
    void aZeroWidthLeavesTheSliceAsItIs() {
        int n = 4;
        float[] img = new float[n * n];
        img[5] = 123;
        GaussianPsf none = new GaussianPsf(0, 0.4);
        none.apply(img, n, new float[n * n]);
        assertThat(img[5]).isEqualTo(123f);
        assertThat(img[6]).isZero();
        assertThat(none.noiseVarianceGain()).isEqualTo(1);
    }
}
