package org.vascalc.cli.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.cli.CliRun;
import org.vascalc.cli.VasCalc;

/**
 * {@code phantom --spec}'s contract on a tiny grid (64 x 64 pixels, a few slices): the files its
 * {@code --help} lists, the spec's typical-range warnings on stderr, and the closing lines with the
 * true mass (the sum of the spec's lesion masses) and the folder written.
 */
class PhantomCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aSpecsPhantomWritesEveryFileHelpNamesAndSaysTheTrueMassAndWhereItWent() throws Exception {
        // pixelSpacingMm 1.0 (allowed 0.1 to 1) and psfFwhmMm 1.5 (allowed 0 to 3) are outside their typical ranges:
        // warnings, not errors
        Path spec = Files.writeString(tmp.resolve("two.yaml"), """
                name: two
                seed: 3
                acquisition: {matrix: 64, pixelSpacingMm: 1.0, zStartMm: -30, zEndMm: 0, psfFwhmMm: 1.5}
                lesions:
                  - {artery: LAD, layer: intimal, shape: focal, massMg: 1.25, densityMgPerCm3: 600, positionMm: 20}
                  - {artery: RCA, layer: medial, shape: circumferential, massMg: 2.5, densityMgPerCm3: 800, positionMm: 25}
                """);
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("phantom", "--spec", spec.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        // the spec's typical ranges (PhantomSpecCheck): pixel spacing 0.25 to 0.7 mm, point-spread FWHM 0.4 to 1.2 mm
        assertThat(r.err().lines()).as("each warning once, on stderr, in the spec's order").containsExactly(
                "vascalc: warning: acquisition.pixelSpacingMm: pixel spacing = 1 mm is outside the typical range 0.25 to "
                        + "0.7 mm; results there are extrapolation",
                "vascalc: warning: acquisition.psfFwhmMm: point-spread FWHM = 1.5 mm is outside the typical range 0.4 to "
                        + "1.2 mm; results there are extrapolation");
        // 1.25 + 2.5 = 3.75 mg in two deposits
        assertThat(r.out()).contains(String.format("%nGround truth: 3.75 mg hydroxyapatite in 2 deposits; see %s%n",
                out.toAbsolutePath().normalize().resolve("ground-truth.json")));
        assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("Output: " + out.toAbsolutePath().normalize());
        // charts: each deposit as /ct lists it (artery, layer, shape, mass in mg, density in mg/cm³), in the spec's
        // order, under the truth's line (the command only pointed to ground-truth.json)
        String afterTruth = r.out().substring(r.out().indexOf("\nGround truth: 3.75 mg"));
        assertThat(afterTruth).containsPattern("(?m)^artery +layer +shape +mass \\(mg\\) +density \\(mg/cm³\\)$")
                .containsPattern("(?m)^LAD +intimal +focal +1\\.25 +600$")
                .containsPattern("(?m)^RCA +medial +circumferential +2\\.50 +800$");
        assertThat(afterTruth.indexOf("LAD ")).isLessThan(afterTruth.indexOf("RCA "));
        // the score (ScoreReport) first, then the truth table against it
        assertThat(r.out().indexOf("Agatston")).isNotNegative().isLessThan(r.out().indexOf("Ground truth against the mass score"));
        // --help: "Writes the CT and artery label map as DICOM series (ct/, labels/), the ground truth
        // (ground-truth.json), the score against the label map (score.txt, score.json) and a figure (lesions.png)"
        for (String file : List.of("ground-truth.json", "score.txt", "score.json", "lesions.png")) {
            assertThat(out.resolve(file)).as(file).isRegularFile().isNotEmptyFile();
        }
        assertThat(dicomFiles(out.resolve("ct"))).isPositive().isEqualTo(dicomFiles(out.resolve("labels")));
        // score.txt is the printed score followed by the tool's version; on the terminal a blank line and the truth table follow it
        String scoreTxt = Files.readString(out.resolve("score.txt"));
        assertThat(scoreTxt).contains("Agatston").contains("LAD").contains("\nvascalc ");
        assertThat(r.out()).startsWith(scoreTxt.substring(0, scoreTxt.lastIndexOf("\nvascalc ")) + "\n"
                + "Ground truth against the mass score (mg hydroxyapatite):\n");
    }

    @Test
    void theDepositsAreCountedInWords() {
        // review, fortieth session: "in 5 deposit(s)"
        assertThat(PhantomCommand.deposits(1)).isEqualTo("1 deposit");
        assertThat(PhantomCommand.deposits(0)).isEqualTo("0 deposits");
        assertThat(PhantomCommand.deposits(5)).isEqualTo("5 deposits");
    }

    @Test
    void aSpecWithinTheTypicalRangesPrintsNoWarning() throws Exception {
        Path spec = Files.writeString(tmp.resolve("quiet.yaml"), """
                name: quiet
                acquisition: {matrix: 64, pixelSpacingMm: 0.5, zStartMm: -6, zEndMm: 0}
                lesions: []
                """);
        CliRun r = CliRun.of("phantom", "--spec", spec.toString(), "--out", tmp.resolve("q").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Ground truth: 0.00 mg hydroxyapatite in 0 deposits");
    }

    @Test
    void bothOrNeitherOfSpecAndExperimentIsRefused() throws Exception {
        Path spec = Files.writeString(tmp.resolve("s.yaml"), "lesions: []\n");
        for (CliRun r : List.of(CliRun.of("phantom"), CliRun.of("phantom", "--spec", spec.toString(),
                "--experiment", "layer-blindness", "--out", tmp.resolve("both").toString()))) {
            assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
            assertThat(r.err()).contains("give exactly one of --spec FILE or --experiment layer-blindness");
        }
        assertThat(tmp.resolve("both")).doesNotExist();
        CliRun unknown = CliRun.of("phantom", "--experiment", "colour-blindness", "--out", tmp.resolve("c").toString());
        assertThat(unknown.err()).contains("--experiment 'colour-blindness' is unknown (available: layer-blindness)");
        assertThat(tmp.resolve("c")).doesNotExist();
    }

    @Test
    void theExperimentRefusesAFileAsItsOutputFolderBeforeItsScans() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        CliRun r = CliRun.of("phantom", "--experiment", "layer-blindness", "--out", file.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("output folder").contains("not a folder");
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    /**
     * A phantom scanned at 100 kV: the notes said "Consider --convention kv-specific" and "give
     * --mass-calibration", options phantom does not have (review14, examples/phantoms/medial-linear.yaml).
     * They name the score command on the folder, on the terminal and in score.txt.
     */
    @Test
    void aPhantomAtAnotherKvNamesTheScoreCommandNotOptionsPhantomLacks() throws Exception {
        Path spec = Files.writeString(tmp.resolve("kv100.yaml"), """
                name: kv100
                seed: 3
                acquisition: {matrix: 64, pixelSpacingMm: 0.7, zStartMm: -30, zEndMm: 0, kvp: 100}
                lesions:
                  - {artery: LAD, layer: intimal, shape: focal, massMg: 1.25, densityMgPerCm3: 600, positionMm: 20}
                """);
        Path out = tmp.resolve("kv100");
        CliRun r = CliRun.of("phantom", "--spec", spec.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        for (String report : List.of(r.out(), Files.readString(out.resolve("score.txt")))) {
            assertThat(report).contains("this scan is at 100 kV (calcium reads brighter at lower kV). Consider scoring the "
                    + "folder again with 'vascalc score FOLDER --convention kv-specific'.")
                    .contains("at 100 kV give the c_HA ('vascalc score FOLDER --mass-calibration C') from a calibration "
                            + "phantom scanned at that kV.")
                    .doesNotContain("Consider --convention").doesNotContain("give --mass-calibration");
        }
        // leftovers17: score.json's notes say what score.txt's say (they still named score's flags)
        List<String> notes = new ArrayList<>();
        new ObjectMapper().readTree(out.resolve("score.json").toFile()).get("notes").forEach(n -> notes.add(n.asText()));
        assertThat(notes).anySatisfy(n -> assertThat(n).endsWith("Consider scoring the folder again with "
                        + "'vascalc score FOLDER --convention kv-specific'."))
                .anySatisfy(n -> assertThat(n).contains("at 100 kV give the c_HA ('vascalc score FOLDER "
                        + "--mass-calibration C')"))
                .noneSatisfy(n -> assertThat(n).containsAnyOf("Consider --convention", "give --mass-calibration"));
        CliRun wrong = CliRun.of("phantom", "--spec", spec.toString(), "--convention", "kv-specific");
        assertThat(wrong.code()).as("the option the old note named").isEqualTo(1);
    }

    private static long dicomFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".dcm")).count();
        }
    }
}
