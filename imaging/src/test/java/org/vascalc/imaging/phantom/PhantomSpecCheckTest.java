package org.vascalc.imaging.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.imaging.volume.CoronaryArtery;

/** A spec built in code is held to a spec file's ranges, with the reader's paths and messages. */
class PhantomSpecCheckTest {

    private static final LesionSpec LAD = new LesionSpec(CoronaryArtery.LAD, Layer.INTIMAL, DepositShape.FOCAL,
            5, 800, 20, 0);

    @Test
    void aSpecBuiltInCodeWithUnitSlipsIsRefusedNamingFieldValueUnitAndRange() {
        AcquisitionSpec a = AcquisitionSpec.clinical(1).withPixel(4, 512, 0.8);
        LesionSpec heavy = new LesionSpec(CoronaryArtery.LAD, Layer.INTIMAL, DepositShape.FOCAL, 5000, 800, 20, 0);
        assertThatThrownBy(() -> new PhantomSpec("code", a, new double[] {0, 0, 0}, List.of(LAD, heavy)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("phantom spec code has 2 problems")
                .hasMessageContaining("acquisition.pixelSpacingMm: pixel spacing = 4 mm is outside the allowed range 0.1 to 1 mm")
                .hasMessageContaining("lesions[1].massMg: mass = 5000 mg is outside the allowed range 0.01 to 1000 mg");
        assertThatThrownBy(() -> new PhantomSpec("code", AcquisitionSpec.clinical(1), new double[] {0, 0, 400}, List.of()))
                .hasMessageContaining("offsetMm[2]: offset = 400 mm is outside the allowed range -150 to 150 mm");
    }

    @Test
    void theReaderAndTheConstructorGiveTheSameMessage() {
        String file = """
                name: code
                acquisition:
                  pixelSpacingMm: 4
                """;
        assertThatThrownBy(() -> new PhantomSpecReader().parse(file, false, "phantom spec code"))
                .hasMessageContaining("acquisition.pixelSpacingMm: pixel spacing = 4 mm is outside the allowed range 0.1 to 1 mm");
        assertThat(PhantomSpecCheck.problems("code", AcquisitionSpec.clinical(1).withPixel(4, 512, 0.8),
                new double[3], List.of()).get(0).toString())
                .contains("acquisition.pixelSpacingMm: pixel spacing = 4 mm is outside the allowed range 0.1 to 1 mm");
    }

    @Test
    void aClinicalSpecPasses() {
        assertThat(new PhantomSpec("ok", AcquisitionSpec.clinical(1), new double[3], List.of(LAD)).lesions()).hasSize(1);
    }

    @Test
    void aGroundTruthFinerThanAnyScannerIsBuiltOnlyInsideTheExplicitScope() {
        AcquisitionSpec fine = new AcquisitionSpec(120, 0.1, 0.1, 0.05, 64, 0, 0, 0, 0, 1, 1, Double.NaN);
        assertThatThrownBy(() -> new PhantomSpec("truth", fine, new double[3], List.of(LAD)))
                .hasMessageContaining("acquisition.pixelSpacingMm: pixel spacing = 0.05 mm");
        assertThat(PhantomSpecCheck.beyondAcquisitionLimits(() -> new PhantomSpec("truth", fine, new double[3], List.of(LAD)))
                .acquisition().pixelSpacingMm()).isEqualTo(0.05);
        LesionSpec heavy = new LesionSpec(CoronaryArtery.LAD, Layer.INTIMAL, DepositShape.FOCAL, 5000, 800, 20, 0);
        assertThatThrownBy(() -> PhantomSpecCheck.beyondAcquisitionLimits(() -> new PhantomSpec("truth", fine,
                new double[3], List.of(heavy)))).hasMessageContaining("lesions[0].massMg");
    }
}
