package org.vascalc.imaging.phantom;

/**
 * How the synthetic scan is taken and reconstructed.
 *
 * @param kvp                  tube voltage, kV (70-135; scales the HA contrast)
 * @param sliceThicknessMm     reconstructed slice thickness (box slice profile), mm
 * @param sliceIncrementMm     spacing of slice centres, mm
 * @param pixelSpacingMm       in-plane pixel size, mm
 * @param matrix               columns = rows
 * @param zStartMm             lowest slice centre, mm (patient z; the tree's origin is at 0)
 * @param zEndMm               highest slice centre at most, mm
 * @param psfFwhmMm            in-plane Gaussian point-spread FWHM, mm
 * @param noiseSdHu            standard deviation of image noise, HU (after the PSF correlates it)
 * @param supersampling        sub-samples per pixel edge for partial-volume averaging
 * @param seed                 noise seed
 * @param huPerMgCm3           HA contrast at this kV, HU per mg/cm&sup3;; NaN = from the catalog
 */
public record AcquisitionSpec(double kvp, double sliceThicknessMm, double sliceIncrementMm, double pixelSpacingMm,
                              int matrix, double zStartMm, double zEndMm, double psfFwhmMm, double noiseSdHu,
                              int supersampling, long seed, double huPerMgCm3) {

    /** A typical 120-kV calcium-score protocol: 3 mm slices every 3 mm, 0.4 mm pixels, 512 matrix. */
    public static AcquisitionSpec clinical(long seed) {
        return new AcquisitionSpec(120, 3.0, 3.0, 0.4, 512, -114, 12, 0.8, 20, 3, seed, Double.NaN);
    }

    public int sliceCount() {
        return (int) Math.floor((zEndMm - zStartMm) / sliceIncrementMm + 1e-9) + 1;
    }

    public AcquisitionSpec withSeed(long s) {
        return new AcquisitionSpec(kvp, sliceThicknessMm, sliceIncrementMm, pixelSpacingMm, matrix, zStartMm, zEndMm,
                psfFwhmMm, noiseSdHu, supersampling, s, huPerMgCm3);
    }

    public AcquisitionSpec withNoiseSdHu(double n) {
        return new AcquisitionSpec(kvp, sliceThicknessMm, sliceIncrementMm, pixelSpacingMm, matrix, zStartMm, zEndMm,
                psfFwhmMm, n, supersampling, seed, huPerMgCm3);
    }

    public AcquisitionSpec withSlices(double thickness, double increment) {
        return new AcquisitionSpec(kvp, thickness, increment, pixelSpacingMm, matrix, zStartMm, zEndMm,
                psfFwhmMm, noiseSdHu, supersampling, seed, huPerMgCm3);
    }

    public AcquisitionSpec withPixel(double pixel, int newMatrix, double fwhm) {
        return new AcquisitionSpec(kvp, sliceThicknessMm, sliceIncrementMm, pixel, newMatrix, zStartMm, zEndMm,
                fwhm, noiseSdHu, supersampling, seed, huPerMgCm3);
    }

    public AcquisitionSpec withZRange(double start, double end) {
        return new AcquisitionSpec(kvp, sliceThicknessMm, sliceIncrementMm, pixelSpacingMm, matrix, start, end,
                psfFwhmMm, noiseSdHu, supersampling, seed, huPerMgCm3);
    }
}
