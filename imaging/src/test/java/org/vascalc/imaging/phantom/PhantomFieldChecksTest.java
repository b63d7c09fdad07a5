package org.vascalc.imaging.phantom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;
import org.vascalc.imaging.volume.CoronaryArtery;

/**
 * Every field of a phantom spec is checked, each at its own path: mutation testing (docs/testing.md,
 * imaging 2026-12-04) found that removing the check of most acquisition and lesion fields went unnoticed,
 * as the tests put only the pixel spacing, a mass and an offset out of range. Each value below is outside
 * the range docs state for its field, by a unit slip or a sign.
 */
class PhantomFieldChecksTest {

    private static List<String> errorPaths(List<InputProblem> problems) {
        List<String> out = new ArrayList<>();
        for (InputProblem p : problems) {
            if (p.severity() == InputProblem.Severity.ERROR) {
                out.add(p.path());
            }
        }
        return out;
    }

    @Test
    void everyAcquisitionFieldOutsideItsRangeIsAnErrorAtItsPath() {
        // kV 140 (70-135), thickness 6 mm (0.5-5), increment 0.2 mm (0.25-5), pixel 1.5 mm (0.1-1),
        // matrix 16 (32-1024), z from -400 to 400 mm (-300..300), FWHM 4 mm (0-3), noise -1 HU (0-200),
        // supersampling 9 (1-8), HA contrast 5 HU per mg/cm3 (0.5-3)
        AcquisitionSpec a = new AcquisitionSpec(140, 6, 0.2, 1.5, 16, -400, 400, 4, -1, 9, 1, 5);
        List<String> paths = errorPaths(PhantomSpecCheck.problems("ok", a, new double[3], List.of()));
        assertThat(paths).contains("acquisition.kvp", "acquisition.sliceThicknessMm", "acquisition.sliceIncrementMm",
                "acquisition.pixelSpacingMm", "acquisition.matrix", "acquisition.zStartMm", "acquisition.zEndMm",
                "acquisition.psfFwhmMm", "acquisition.noiseSdHu", "acquisition.supersampling",
                "acquisition.huPerMgCm3");
    }

    @Test
    void aCatalogHaContrastIsNotCheckedAndAClinicalAcquisitionHasNoError() {
        assertThat(errorPaths(PhantomSpecCheck.problems("ok", AcquisitionSpec.clinical(1), new double[3], List.of())))
                .isEmpty();
    }

    @Test
    void everyLesionFieldIsCheckedAtItsPath() {
        // mass 0.001 mg (0.01-1000), density 4000 mg/cm3 (50-3000), angle 400 deg (-360..360), position -1 mm
        LesionSpec bad = new LesionSpec(CoronaryArtery.RCA, Layer.MEDIAL, DepositShape.FOCAL, 0.001, 4000, -1, 400);
        LesionSpec missing = new LesionSpec(null, null, null, 5, 800, Double.NaN, 0);
        List<InputProblem> problems = PhantomSpecCheck.problems("ok", AcquisitionSpec.clinical(1), new double[3],
                Arrays.asList(bad, missing, null));
        assertThat(errorPaths(problems)).containsExactlyInAnyOrder("lesions[0].massMg", "lesions[0].densityMgPerCm3",
                "lesions[0].angleDeg", "lesions[0].positionMm", "lesions[1].artery", "lesions[1].layer",
                "lesions[1].shape", "lesions[1].positionMm", "lesions[2]");
        assertThat(problems).anySatisfy(p -> assertThat(p.toString())
                .contains("lesions[0].positionMm: position along the RCA = -1 mm must be at least 0 mm"));
        assertThat(problems).anySatisfy(p -> assertThat(p.toString())
                .contains("lesions[1].positionMm: position along the artery = NaN"));
        // position 0 (the artery's origin) is allowed
        LesionSpec atOrigin = new LesionSpec(CoronaryArtery.LM, Layer.INTIMAL, DepositShape.FOCAL, 5, 800, 0, 0);
        assertThat(errorPaths(PhantomSpecCheck.problems("ok", AcquisitionSpec.clinical(1), new double[3],
                List.of(atOrigin)))).isEmpty();
    }

    @Test
    void theNameAndTheOffsetAreChecked() {
        AcquisitionSpec a = AcquisitionSpec.clinical(1);
        assertThat(errorPaths(PhantomSpecCheck.problems("a b", a, new double[3], List.of()))).containsExactly("name");
        assertThat(errorPaths(PhantomSpecCheck.problems(null, a, new double[3], List.of()))).containsExactly("name");
        assertThat(errorPaths(PhantomSpecCheck.problems("x".repeat(65), a, new double[3], List.of())))
                .containsExactly("name");
        assertThat(errorPaths(PhantomSpecCheck.problems("A.b_c-9", a, new double[3], List.of()))).isEmpty();
        assertThat(errorPaths(PhantomSpecCheck.problems("ok", null, new double[3], List.of())))
                .containsExactly("acquisition");
        assertThat(errorPaths(PhantomSpecCheck.problems("ok", a, new double[2], List.of()))).containsExactly("offsetMm");
        assertThat(errorPaths(PhantomSpecCheck.problems("ok", a, null, List.of()))).containsExactly("offsetMm");
        assertThat(errorPaths(PhantomSpecCheck.problems("ok", a, new double[] {-151, 0, 0}, List.of())))
                .containsExactly("offsetMm[0]");
        assertThat(errorPaths(PhantomSpecCheck.problems("ok", a, new double[] {0, 151, 0}, List.of())))
                .containsExactly("offsetMm[1]");
    }

    @Test
    void theZRangeMustNotRunBackwardsNorGiveMoreThan512Slices() {
        AcquisitionSpec a = AcquisitionSpec.clinical(1).withSlices(1, 1);
        assertThat(PhantomSpecCheck.problems("ok", a.withZRange(10, 9), new double[3], List.of()))
                .anySatisfy(p -> assertThat(p.toString())
                        .contains("acquisition.zEndMm: zEndMm = 9.0 mm must not be below zStartMm = 10.0 mm"));
        // one slice: start = end
        assertThat(errorPaths(PhantomSpecCheck.problems("ok", a.withZRange(10, 10), new double[3], List.of()))).isEmpty();
        // 0..511 mm at 1 mm: 512 slices, the most allowed; 0..512 mm: 513
        assertThat(a.withZRange(-256, 255).sliceCount()).isEqualTo(512);
        assertThat(errorPaths(PhantomSpecCheck.problems("ok", a.withZRange(-256, 255), new double[3], List.of())))
                .isEmpty();
        assertThat(PhantomSpecCheck.problems("ok", a.withZRange(-256, 256), new double[3], List.of()))
                .anySatisfy(p -> assertThat(p.toString()).contains("gives more than 512 slices"));
    }

    @Test
    void aRangeThatIsNotAWholeNumberOfIncrementsIsCountedAsItsSlices() {
        // bug (37th session): slices sit at -256, -255, ..., 255 mm up to zEnd 255.5 mm: 512 slices, which
        // the check counted as 512.5 and refused as "more than 512"
        AcquisitionSpec a = AcquisitionSpec.clinical(1).withSlices(1, 1).withZRange(-256, 255.5);
        assertThat(a.sliceCount()).isEqualTo(512);
        assertThat(errorPaths(PhantomSpecCheck.problems("ok", a, new double[3], List.of()))).isEmpty();
        assertThat(errorPaths(PhantomSpecCheck.problems("ok", a.withZRange(-256, 256.5), new double[3], List.of())))
                .containsExactly("acquisition");
    }
}
