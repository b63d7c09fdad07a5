package org.vascalc.imaging.phantom;

import java.util.List;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.ValidRange;

/**
 * The ranges of a phantom spec's numbers, one set for both ways a spec is made: the
 * {@link PhantomSpecReader} checks a file's fields against them while it parses, and
 * {@link PhantomSpec}'s constructor checks a spec built in code against the same ranges with the
 * same field paths and messages ({@code acquisition.pixelSpacingMm: pixel spacing = 4 mm is outside
 * the allowed range 0.1 to 1 mm}). What needs the coronary tree (a lesion's position along its
 * artery, the deposit's extent) is checked by the reader and by the synthesizer when it places
 * deposits, not here.
 *
 * <p>Deliberate excursions: code that renders beyond what a scanner (and a spec file) allows — the
 * layer-blindness experiment's noise-free 0.1-mm, 0.05-mm-pixel "truth" slice — says so with
 * {@link #beyondAcquisitionLimits}; inside it the acquisition's ranges are not enforced (the name,
 * offset and lesions still are). A file can never do this.
 */
public final class PhantomSpecCheck {

    private PhantomSpecCheck() {
    }

    public static final ValidRange KVP = new ValidRange("tube voltage", "kV", 70, 135, 100, 135);
    public static final ValidRange THICKNESS = new ValidRange("slice thickness", "mm", 0.5, 5, 0.5, 3);
    public static final ValidRange INCREMENT = ValidRange.of("slice increment", "mm", 0.25, 5);
    public static final ValidRange PIXEL = new ValidRange("pixel spacing", "mm", 0.1, 1.0, 0.25, 0.7);
    public static final ValidRange MATRIX = ValidRange.of("matrix", "pixels", 32, 1024);
    public static final ValidRange Z = ValidRange.of("slice position", "mm", -300, 300);
    public static final ValidRange FWHM = new ValidRange("point-spread FWHM", "mm", 0, 3, 0.4, 1.2);
    public static final ValidRange NOISE = new ValidRange("noise standard deviation", "HU", 0, 200, 5, 50);
    public static final ValidRange SUPERSAMPLING = ValidRange.of("supersampling", "sub-samples per pixel edge", 1, 8);
    public static final ValidRange HA_CONTRAST = ValidRange.of("hydroxyapatite contrast", "HU per mg/cm3", 0.5, 3);
    public static final ValidRange OFFSET = ValidRange.of("offset", "mm", -150, 150);
    public static final ValidRange MASS = new ValidRange("mass", "mg", 0.01, 1000, 0.1, 200);
    public static final ValidRange DENSITY = new ValidRange("density", "mg/cm3 hydroxyapatite", 50, 3000, 200, 1500);
    public static final ValidRange ANGLE = ValidRange.of("angle", "deg", -360, 360);
    public static final int MAX_SLICES = 512;

    private static final ThreadLocal<Boolean> BEYOND_ACQUISITION_LIMITS = ThreadLocal.withInitial(() -> false);

    /**
     * Runs {@code work} on this thread with the acquisition's ranges lifted for specs constructed
     * inside it: the explicit, documented way for internal renders finer than any scanner (a
     * ground-truth slice). Nests; restores the previous setting on exit.
     */
    public static <T> T beyondAcquisitionLimits(java.util.function.Supplier<T> work) {
        boolean before = BEYOND_ACQUISITION_LIMITS.get();
        BEYOND_ACQUISITION_LIMITS.set(true);
        try {
            return work.get();
        } finally {
            BEYOND_ACQUISITION_LIMITS.set(before);
        }
    }

    /** Every problem (errors and typical-range warnings) of a spec's numbers, with the reader's paths. */
    public static List<InputProblem> problems(String name, AcquisitionSpec a, double[] offsetMm, List<LesionSpec> lesions) {
        InputProblems p = new InputProblems();
        check(name, a, offsetMm, lesions, p);
        return p.all();
    }

    /** The same as {@link #problems} but throws {@code InvalidInputException} ("phantom spec NAME has n problems") on an error. */
    public static List<InputProblem> require(String name, AcquisitionSpec a, double[] offsetMm, List<LesionSpec> lesions) {
        InputProblems p = new InputProblems();
        check(name, a, offsetMm, lesions, p);
        p.throwIfErrors("phantom spec " + name);
        return p.warnings();
    }

    private static void check(String name, AcquisitionSpec a, double[] offsetMm, List<LesionSpec> lesions, InputProblems p) {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            p.error("name", "'" + name + "' must be 1-64 letters, digits, '.', '_' or '-' (it names output files)");
        }
        if (a == null) {
            p.error("acquisition", "missing; e.g. AcquisitionSpec.clinical(seed)");
        } else if (!BEYOND_ACQUISITION_LIMITS.get()) {
            acquisition(a, p);
        }
        if (offsetMm == null || offsetMm.length != 3) {
            p.error("offsetMm", "must be three numbers [x, y, z] in mm");
        } else {
            for (int i = 0; i < 3; i++) {
                OFFSET.check(offsetMm[i], "offsetMm[" + i + "]", p);
            }
        }
        for (int i = 0; i < lesions.size(); i++) {
            lesion(lesions.get(i), "lesions[" + i + "]", p);
        }
    }

    private static void acquisition(AcquisitionSpec a, InputProblems p) {
        String at = "acquisition.";
        KVP.check(a.kvp(), at + "kvp", p);
        THICKNESS.check(a.sliceThicknessMm(), at + "sliceThicknessMm", p);
        INCREMENT.check(a.sliceIncrementMm(), at + "sliceIncrementMm", p);
        PIXEL.check(a.pixelSpacingMm(), at + "pixelSpacingMm", p);
        MATRIX.check(a.matrix(), at + "matrix", p);
        Z.check(a.zStartMm(), at + "zStartMm", p);
        Z.check(a.zEndMm(), at + "zEndMm", p);
        FWHM.check(a.psfFwhmMm(), at + "psfFwhmMm", p);
        NOISE.check(a.noiseSdHu(), at + "noiseSdHu", p);
        SUPERSAMPLING.check(a.supersampling(), at + "supersampling", p);
        if (!Double.isNaN(a.huPerMgCm3())) {
            HA_CONTRAST.check(a.huPerMgCm3(), at + "huPerMgCm3", p);
        }
        zRange(a.zStartMm(), a.zEndMm(), a.sliceIncrementMm(), p);
    }

    /**
     * zEnd not below zStart, and at most {@link #MAX_SLICES} slices (the reader's wording), counted as
     * {@link AcquisitionSpec#sliceCount} counts them: slices sit at zStart + k x increment up to zEnd, so a
     * range that is not a whole number of increments has the whole-number count below (0 to 511.5 mm at
     * 1 mm is 512 slices; it was refused as more than 512).
     */
    static void zRange(double z0, double z1, double inc, InputProblems p) {
        if (Double.isFinite(z0) && Double.isFinite(z1) && z1 < z0) {
            p.error("acquisition.zEndMm", "zEndMm = " + z1 + " mm must not be below zStartMm = " + z0 + " mm");
        } else if (inc > 0 && Math.floor((z1 - z0) / inc + 1e-9) + 1 > MAX_SLICES) {
            p.error("acquisition", "the z range " + z0 + ".." + z1 + " mm at " + inc + " mm gives more than "
                    + MAX_SLICES + " slices");
        }
    }

    private static void lesion(LesionSpec l, String path, InputProblems p) {
        if (l == null) {
            p.error(path, "missing");
            return;
        }
        if (l.artery() == null) {
            p.error(path + ".artery", "missing");
        }
        if (l.layer() == null) {
            p.error(path + ".layer", "missing");
        }
        if (l.shape() == null) {
            p.error(path + ".shape", "missing");
        }
        MASS.check(l.massMg(), path + ".massMg", p);
        DENSITY.check(l.densityMgPerCm3(), path + ".densityMgPerCm3", p);
        ANGLE.check(l.angleDeg(), path + ".angleDeg", p);
        if (!(l.positionMm() >= 0)) {
            p.error(path + ".positionMm", "position along the " + (l.artery() == null ? "artery" : l.artery().name())
                    + " = " + ValidRange.fmt(l.positionMm()) + " mm must be at least 0 mm");
        }
    }
}
