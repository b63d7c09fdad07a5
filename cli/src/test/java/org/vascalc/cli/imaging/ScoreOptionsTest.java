package org.vascalc.cli.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.cli.CliRun;

/**
 * {@code vascalc score}'s options against its --help: ranges with their ends allowed (min-area 0 to 100
 * mm2, min-volume 0 to 1000 mm3, mass calibration 0.1 to 5 mg/(cm3*HU)), choices in any case. The options
 * are checked before the folder: a folder that does not exist shows an option was taken, with no scan read.
 */
class ScoreOptionsTest {

    @TempDir
    Path tmp;

    private CliRun score(String... options) {
        return scoreIn(tmp.resolve("absent"), options);
    }

    private CliRun scoreIn(Path dir, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "score";
        args[1] = dir.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return CliRun.of(args);
    }

    private void taken(String... options) {
        CliRun r = score(options);
        assertThat(r.code()).as(String.join(" ", options)).isEqualTo(1);
        assertThat(r.err()).as(String.join(" ", options)).contains("absent does not exist").doesNotContain("allowed range")
                .doesNotContain(" is not ");
    }

    private void refused(String message, String... options) {
        // an empty folder that exists: the option alone is refused (an absent one would be named with it)
        CliRun r = scoreIn(tmp, options);
        assertThat(r.code()).as(String.join(" ", options)).isEqualTo(1);
        assertThat(r.err()).as(String.join(" ", options)).contains(message).doesNotContain("does not exist")
                .doesNotContain("\tat ");
    }

    @Test
    void eachRangeTakesItsEndsAndRefusesJustOutside() {
        taken("--min-area", "0");
        taken("--min-area", "100");
        refused("--min-area = -0.01 mm2 is outside the allowed range 0 to 100 mm2", "--min-area", "-0.01");
        refused("--min-area = 100.01 mm2 is outside the allowed range 0 to 100 mm2", "--min-area", "100.01");
        refused("Invalid value for option '--min-area': 'NaN' is not a number", "--min-area", "NaN"); // DecimalText
        taken("--connectivity", "3d", "--min-volume", "0");
        taken("--connectivity", "3d", "--min-volume", "1000");
        refused("--min-volume = -1 mm3 is outside the allowed range 0 to 1000 mm3", "--min-volume", "-1");
        refused("--min-volume = 1000.5 mm3 is outside the allowed range 0 to 1000 mm3", "--min-volume", "1000.5");
        taken("--mass-calibration", "0.1");
        taken("--mass-calibration", "5");
        refused("--mass-calibration = 0.09 mg/(cm3*HU) is outside the allowed range 0.1 to 5 mg/(cm3*HU)",
                "--mass-calibration", "0.09");
        refused("--mass-calibration = 5.01 mg/(cm3*HU) is outside the allowed range 0.1 to 5 mg/(cm3*HU)",
                "--mass-calibration", "5.01");
    }

    @Test
    void choicesAreTakenInAnyCase() {
        taken("--convention", "AGATSTON");
        taken("--convention", " Kv-Specific ");
        taken("--connectivity", "3D");
        taken("--connectivity", "4");
        taken("--connectivity", "8");
        refused("--connectivity '26' is not 4, 8 or 3d", "--connectivity", "26");
        refused("--convention 'kv' is not agatston or kv-specific", "--convention", "kv");
    }

    @Test
    void aFileGivenAsTheFolderIsNamedAsOne() throws Exception {
        Path file = Files.writeString(tmp.resolve("scan.dcm"), "x");
        CliRun r = CliRun.of("score", file.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(file + " is not a folder (give the folder holding the DICOM series; this file is in "
                + file.toAbsolutePath().getParent() + ")");
    }

    /** review19: "--labels DIR --no-labels" scored with the label map, the option that turned it off passed over. */
    @Test
    void labelsAndNoLabelsTogetherAreRefused() throws Exception {
        Path labels = Files.createDirectory(tmp.resolve("labels"));
        CliRun r = CliRun.of("score", tmp.toString(), "--labels", labels.toString(), "--no-labels");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--labels " + labels + " and --no-labels contradict each other; give one of them");
    }

    @Test
    void aPngNameIsTakenInAnyCase() throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        CliRun r = CliRun.of("score", empty.toString(), "--png", tmp.resolve("Lesions.PNG").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).as("refused for the folder, not the name").doesNotContain("does not end in .png")
                .contains("the folder is empty");
        assertThat(tmp.resolve("Lesions.PNG")).doesNotExist();
    }

    /**
     * A --labels path that does not exist, or is a file, is named as such: the label reader said "cannot read a
     * label-map series from X: not a folder" for a path that is not there. The scan's own problem is named with it
     * (leftovers10: every problem at once; it was named only on the next try).
     */
    @Test
    void aLabelsPathThatIsNotAFolderIsNamedAsSuch() throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("scan"));
        Path absent = tmp.resolve("labels");
        CliRun r = CliRun.of("score", empty.toString(), "--labels", absent.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--labels " + absent + " does not exist (give the folder holding the artery "
                + "label-map series)").contains("the folder is empty"); // the scan's problem too (leftovers10)
        Path file = Files.writeString(tmp.resolve("labels.txt"), "x");
        CliRun f = CliRun.of("score", empty.toString(), "--labels", file.toString());
        assertThat(f.code()).isEqualTo(1);
        assertThat(f.err()).contains("--labels " + file + " is not a folder (give the folder holding the artery "
                + "label-map series)");
    }

    /**
     * Every problem found before the scan is read comes in one answer (review, fortieth session: "--connectivity 5
     * --min-area -1" named only the connectivity, the next run the area).
     */
    @Test
    void everyBadOptionAndTheMissingFolderAreNamedAtOnce() throws Exception {
        CliRun r = score("--connectivity", "5", "--min-area", "-1", "--mass-calibration", "9", "--png", tmp.resolve("x.txt").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("score has 5 problems:")
                .contains("error: --connectivity '5' is not 4, 8 or 3d")
                .contains("error: --min-area = -1 mm2 is outside the allowed range 0 to 100 mm2")
                .contains("error: --mass-calibration = 9 mg/(cm3*HU) is outside the allowed range 0.1 to 5 mg/(cm3*HU)")
                .contains("error: " + tmp.resolve("absent") + " does not exist (give the folder holding the DICOM series)")
                .contains("error: --png = " + tmp.resolve("x.txt") + " does not end in .png")
                .doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }
}
