package org.vascalc.cli.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.cli.CliRun;
import org.vascalc.cli.VasCalc;

class ImagingCommandsTest {

    @TempDir
    Path tmp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path spec(String yaml) throws Exception {
        Path f = tmp.resolve("spec.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void phantomFromASpecWritesGroundTruthScoreAndFigureAndExitsZero() throws Exception {
        Path spec = spec("""
                name: cli-test
                seed: 5
                acquisition: {matrix: 256, zStartMm: -30, zEndMm: 0}
                lesions:
                  - {artery: LAD, layer: intimal, shape: focal, massMg: 8, densityMgPerCm3: 600, positionMm: 20}
                """);
        Path out = tmp.resolve("out");
        CliRun r = run("phantom", "--spec", spec.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Agatston").contains("LAD").contains("Ground truth: 8.00 mg");
        // leftovers20: the score against the truth by layer and the category in plain words, as the /ct page says them
        String words = String.join(" ", r.out().split("\\s+"));
        assertThat(words).containsPattern("The score cannot tell the layers apart\\. It adds up [0-9.]+ AU from arteries "
                + "with only plaque \\(intimal\\) calcium \\(LAD\\)[^.]*\\. A clinical report reads all [0-9.]+ AU as coronary plaque\\.")
                .containsPattern("CAC-DRS A[1-3]/N1: Agatston [^;]+ risk; calcium in 1 of the 4 coronary arteries \\(LM, LAD, "
                        + "LCX, RCA\\) \\[Hecht2018CacDrs;");
        // review9: the truth per artery and layer beside that artery's mass score, as the score printed it
        String lad = r.out().lines().filter(l -> l.startsWith("LAD ") && l.contains("%")).findFirst().orElseThrow();
        String[] cells = lad.trim().split("\\s+");
        assertThat(cells).as(lad).hasSize(7);
        assertThat(cells[1]).isEqualTo("8.00"); // intimal
        assertThat(cells[2]).isEqualTo("0.00"); // medial
        assertThat(r.out()).contains("Ground truth against the mass score").containsPattern("(?m)^RCA +0\\.00 +0\\.00 +0\\.00 +0\\.00 +-$");
        double massScore = Double.parseDouble(cells[4]);
        assertThat(r.out()).contains(String.format(java.util.Locale.ROOT, "%.0f %%", 100 * massScore / 8));
        assertThat(massScore).as("the mass score of a focal 8 mg plaque").isGreaterThan(0).isLessThan(8);
        assertThat(out.resolve("ground-truth.json")).exists();
        assertThat(out.resolve("score.json")).exists();
        assertThat(out.resolve("lesions.png")).exists();
        assertThat(out.resolve("ct")).isDirectory();
        assertThat(out.resolve("labels")).isDirectory();

        // scoring the written DICOM series gives the score the phantom printed (same volume, same labels)
        CliRun scored = run("score", out.toString(), "--json", "--png", tmp.resolve("fig.png").toString());
        assertThat(scored.code()).as(scored.err()).isZero();
        assertThat(scored.out()).contains("\"cacDrs\"").contains("\"LAD\"");
        assertThat(Files.readString(out.resolve("score.json"))).isEqualTo(scored.out().strip());
        assertThat(tmp.resolve("fig.png")).exists();
        // review19: where the figure went, on stderr beside --json's stdout, in the table's last line without it
        assertThat(scored.err()).contains("vascalc: lesion figure: " + tmp.resolve("fig.png"));
        CliRun table = run("score", out.toString(), "--png", tmp.resolve("table.png").toString());
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out().strip()).endsWith("Lesion figure: " + tmp.resolve("table.png"));
        assertThat(tmp.resolve("table.png")).exists();

        // review15: the CT and its label map copied into one folder: the CT is read as the scan, and the same folder
        // given as --labels gives the label map, so it scores as the phantom folder does (both were refused as
        // "2 series" before, the label map listed as a second CT to choose)
        Path pair = Files.createDirectories(tmp.resolve("pair"));
        try (var ct = Files.list(out.resolve("ct")); var lab = Files.list(out.resolve("labels"))) {
            for (Path f : ct.toList()) {
                Files.copy(f, pair.resolve("ct-" + f.getFileName()));
            }
            for (Path f : lab.toList()) {
                Files.copy(f, pair.resolve("lab-" + f.getFileName()));
            }
        }
        CliRun pairLabelled = run("score", pair.toString(), "--labels", pair.toString());
        assertThat(pairLabelled.code()).as(pairLabelled.err()).isZero();
        assertThat(pairLabelled.out()).isEqualTo(run("score", out.toString()).out());
        CliRun pairAlone = run("score", pair.toString());
        assertThat(pairAlone.code()).as(pairAlone.err()).isZero();
        assertThat(pairAlone.out()).contains("scored without an artery label map");
        // leftovers19: and says the map is there and how to use it (review15 left it silent)
        assertThat(pairAlone.err()).contains("vascalc: note: " + pair + " also holds a VasCalc label map, not used: ")
                .contains("give --labels " + pair + " to score per artery");
        assertThat(pairLabelled.err()).doesNotContain("also holds a VasCalc label map");
        assertThat(run("score", pair.toString(), "--no-labels").err()).as("the map declined on purpose")
                .doesNotContain("also holds a VasCalc label map");
        assertThat(run("score", out.resolve("ct").toString()).err()).as("a CT folder alone")
                .doesNotContain("also holds a VasCalc label map");

        // a folder holding two CT series beside that label map: refused, naming every UID (the label map as
        // such) and the option that picks one; --series scores the CT one as before
        Path other = tmp.resolve("other");
        Path otherSpec = Files.writeString(tmp.resolve("other.yaml"), Files.readString(spec).replace("seed: 5", "seed: 6"));
        assertThat(run("phantom", "--spec", otherSpec.toString(), "--out", other.toString()).code()).isZero();
        Path mixed = Files.createDirectories(tmp.resolve("mixed"));
        try (var ct = Files.list(out.resolve("ct")); var lab = Files.list(out.resolve("labels"));
                var ct2 = Files.list(other.resolve("ct"))) {
            for (Path f : ct.toList()) {
                Files.copy(f, mixed.resolve("ct-" + f.getFileName()));
            }
            for (Path f : lab.toList()) {
                Files.copy(f, mixed.resolve("lab-" + f.getFileName()));
            }
            for (Path f : ct2.toList()) {
                Files.copy(f, mixed.resolve("other-" + f.getFileName()));
            }
        }
        CliRun two = run("score", mixed.toString());
        assertThat(two.code()).isEqualTo(1);
        assertThat(two.err()).contains("contains 3 series, and one is read at a time; by number or Series Instance UID: ")
                .contains("(VasCalc label map, 'VasCalc coronary labels")
                .contains("choose one with --series N (its number above) or --series UID").doesNotContain("\tat ");
        // review8: each series with its slice count, kV and slice thickness, as a viewer's series list
        var listed = java.util.regex.Pattern.compile("#(\\d) (\\S+) \\(CT, 'VasCalc synthetic[^']*', (\\d+) files, "
                + "(\\d+) kV, ([0-9.]+) mm slices\\)").matcher(two.err()).results().findFirst().orElseThrow();
        String ctUid = listed.group(2);
        try (var ct = Files.list(out.resolve("ct"))) {
            assertThat(Integer.parseInt(listed.group(3))).isEqualTo(ct.count());
        }
        CliRun one = run("score", mixed.toString(), "--series", ctUid, "--no-labels", "--connectivity", "3D",
                "--convention", "Agatston"); // choices in any case, as --mode FAST elsewhere
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(one.out()).contains("Total: Agatston");
        // the same series by its number in the list: the same score
        CliRun byNumber = run("score", mixed.toString(), "--series", listed.group(1), "--no-labels", "--connectivity", "3D",
                "--convention", "Agatston");
        assertThat(byNumber.code()).as(byNumber.err()).isZero();
        assertThat(byNumber.out()).isEqualTo(one.out());
        CliRun noSuch = run("score", mixed.toString(), "--series", "4");
        assertThat(noSuch.code()).isEqualTo(1);
        assertThat(noSuch.err()).contains("--series 4: no series number 4; found: #1 ").doesNotContain("\tat ");

        // the clinical module's CAC-DRS: one calcified artery, Agatston 1-99 -> A1/N1
        CliRun text = run("score", out.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("CAC-DRS A1/N1");
        // and in plain words, with the risk command that takes it further (review, fortieth session)
        assertThat(text.out()).contains("CAC-DRS A1/N1: Agatston 1 to 99: mildly increased risk; calcium in 1 of the 4 "
                + "coronary arteries (LM, LAD, LCX, RCA) [Hecht2018CacDrs; bands as Winchester2023Auc Table 1.2; risk words "
                + "not checked against Hecht 2018's Table 1: not found].").containsPattern("vascalc risk --cac \\d+\\.\\d --cac-vessels 1 with");

        CliRun unlabelled = run("score", out.resolve("ct").toString());
        assertThat(unlabelled.code()).isZero();
        // without a label map every voxel >= 130 HU counts (bone too): not a coronary score, so no CAC-DRS
        // category at all (it printed "CAC-DRS A3" beside the note saying so), in the text and the JSON
        assertThat(unlabelled.out()).contains("UNLABELLED").contains("no CAC-DRS category (no artery label map)")
                .contains("not a coronary calcium score").doesNotContainPattern("CAC-DRS A\\d").doesNotContain("vascalc risk --cac");
        // and --help says so (it said "N only with an artery label map", as if A were given without one)
        assertThat(run("score", "--help").out().replaceAll("\\s+", " "))
                .contains("so the total is not a coronary score and gets no CAC-DRS category");
        CliRun unlabelledJson = run("score", out.resolve("ct").toString(), "--json");
        assertThat(unlabelledJson.code()).isZero();
        assertThat(unlabelledJson.out()).contains("\"cacDrs\" : null").contains("\"arteryLabels\" : false");
        CliRun labelledJson = run("score", out.toString(), "--json");
        assertThat(labelledJson.out()).contains("\"cacDrs\" : \"A1/N1\"").contains("\"arteryLabels\" : true");

        // a second run replaces its own earlier output
        assertThat(run("phantom", "--spec", spec.toString(), "--out", out.toString()).code()).isZero();
    }

    /**
     * A label map drawn on another scan of the same grid (here another phantom's labels/) was scored
     * silently, its arteries at the wrong places: the DICOM frames of reference now have to agree.
     */
    @Test
    void aLabelMapOfAnotherScanIsRefusedByItsFrameOfReference() throws Exception {
        String lesions = """
                acquisition: {matrix: 128, zStartMm: -12, zEndMm: 0}
                lesions:
                  - {artery: LAD, layer: intimal, shape: focal, massMg: 8, densityMgPerCm3: 600, positionMm: 20}
                """;
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(run("phantom", "--spec", spec("name: a\nseed: 5\n" + lesions).toString(), "--out", a.toString()).code())
                .isZero();
        assertThat(run("phantom", "--spec", spec("name: b\nseed: 6\n" + lesions).toString(), "--out", b.toString()).code())
                .isZero();
        CliRun own = run("score", a.resolve("ct").toString(), "--labels", a.resolve("labels").toString());
        assertThat(own.code()).as(own.err()).isZero();
        CliRun other = run("score", a.resolve("ct").toString(), "--labels", b.resolve("labels").toString());
        assertThat(other.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(other.err()).contains("the label map was made on another scan: its frame of reference is not the CT's")
                .contains("(0020,0052)").contains("give the label map made with this CT")
                .doesNotContain("\tat ");
        assertThat(other.out()).isEmpty();
    }

    /** leftovers10: a bad option beside a folder with no DICOM series named only the option; now both, as /ct/score. */
    @Test
    void aBadOptionAndAFolderWithoutDicomAreNamedTogether() throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "not an image");
        Path labels = Files.createDirectories(tmp.resolve("labels-here"));
        Files.writeString(labels.resolve("readme.txt"), "no labels");
        CliRun r = run("score", tmp.toString(), "--mass-calibration", "0", "--labels", labels.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("score has 3 problems")
                .contains("--mass-calibration = 0 mg/(cm3*HU) is outside the allowed range 0.1 to 5 mg/(cm3*HU)")
                .contains("cannot read a CT series from " + tmp + ": contains no DICOM Part-10 files")
                .contains("cannot read a label-map series from " + labels).doesNotContain("Exception:");
    }

    @Test
    void aFolderWithoutDicomIsExitOneWithAClearMessage() throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "not an image");
        CliRun r = run("score", tmp.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cannot read a CT series").doesNotContain("Exception:");
        // what the folder holds instead, and what a DICOM file is: one line, the file named
        assertThat(r.err().strip()).doesNotContain("\n")
                .contains("contains no DICOM Part-10 files (it holds 1 file that is not DICOM (notes.txt);"
                        + " give the folder of one CT series whose files are DICOM Part 10");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun none = run("score", empty.toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("cannot read a CT series from " + empty + ": contains no DICOM Part-10 files"
                + " (the folder is empty;");
    }

    @Test
    void aBadSpecIsExitOneWithEveryProblemAndNoStackTrace() throws Exception {
        Path spec = spec("""
                lesions:
                  - {artery: LAD, layer: medial, shape: focal, massMg: 0, densityMgPerCm3: 600, positionMm: 20}
                """);
        Path out = tmp.resolve("bad");
        CliRun r = run("phantom", "--spec", spec.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("lesions[0].massMg").contains("lesions[0].shape").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void aYamlSyntaxErrorIsShownWithoutATrailingBlankLine() throws Exception {
        Path spec = spec("lesions:\n  - {artery: LAD, layer: medial\nfoo: 1\n");
        CliRun r = run("phantom", "--spec", spec.toString(), "--out", tmp.resolve("syntax").toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("not valid YAML").doesNotContainPattern("\\n[ \\t]*\\n");
    }

    @Test
    void aMissingSpecFileAndAnUnknownExperimentAreExitOne() {
        CliRun missing = run("phantom", "--spec", tmp.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("phantom spec " + tmp.resolve("nope.yaml") + " has 1 problem")
                .contains("(file): no such file");
        CliRun folder = run("phantom", "--spec", tmp.toString());
        assertThat(folder.code()).isEqualTo(1);
        assertThat(folder.err()).contains("phantom spec " + tmp + " has 1 problem")
                .contains("(file): is a folder; give a phantom spec (.yaml or .json)").doesNotContain("Exception");
        assertThat(run("phantom", "--experiment", "colour-blindness").code()).isEqualTo(1);
        assertThat(run("phantom").code()).isEqualTo(1);
    }

    @Test
    void quickWithASpecIsRefusedRatherThanIgnored() throws Exception {
        CliRun r = run("phantom", "--spec", tmp.resolve("nope.yaml").toString(), "--quick");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--quick applies to --experiment only");
    }

    @Test
    void anOutputFolderHoldingSomeoneElsesFilesIsRefused() throws Exception {
        Path out = tmp.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.tex"), "precious");
        Path spec = spec("lesions: []\nacquisition: {matrix: 64, zStartMm: -3, zEndMm: 0}\n");
        CliRun r = run("phantom", "--spec", spec.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("not written by vascalc");
        assertThat(out.resolve("thesis.tex")).hasContent("precious");
    }

    @Test
    void theQuickLayerBlindnessExperimentWritesItsReportAndExitsZero() {
        Path out = tmp.resolve("lb");
        CliRun r = run("phantom", "--experiment", "layer-blindness", "--quick", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Matched pair");
        // the report as written, a blank line, and the folder (thirty-ninth session: neither line was checked)
        assertThat(r.out()).endsWith(String.format("%n%nOutput: %s%n", out.toAbsolutePath().normalize()));
        assertThat(out.resolve("layer-blindness.md")).exists();
        assertThat(out.resolve("layer-blindness.png")).exists();
    }

    @Test
    void scoringAFolderThatDoesNotExistIsExitOne() {
        CliRun r = run("score", tmp.resolve("absent").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("absent does not exist");
    }

    @Test
    void aPngThatCannotBeWrittenIsRefusedBeforeScoring() throws Exception {
        Path file = tmp.resolve("taken");
        Files.writeString(file, "x");
        CliRun r = run("score", tmp.toString(), "--png", file.resolve("lesions.png").toString());
        assertThat(r.code()).isEqualTo(1);
        // with the folder's own problem (leftovers10: every problem at once), and nothing scored
        assertThat(r.err()).contains("cannot write " + file.resolve("lesions.png"))
                .contains("cannot read a CT series from " + tmp).contains("2 problems");
        assertThat(r.out()).isEmpty();
    }

    /** --png writes a PNG image: a name that says otherwise (out.txt) is refused with the scan's own problems, before scoring. */
    @Test
    void aPngNameNotEndingInPngIsRefusedAndNothingIsWritten() throws Exception {
        Path txt = tmp.resolve("out.txt");
        CliRun r = run("score", tmp.toString(), "--png", txt.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--png = " + txt + " does not end in .png")
                .contains("cannot read a CT series from " + tmp).doesNotContain("\tat "); // the empty folder's too
        assertThat(r.out()).isEmpty();
        assertThat(txt).doesNotExist();
        assertThat(run("score", "--help").out()).contains("(a PNG image; the name");
    }

    @Test
    void badScoringOptionsAreExitOne() throws Exception {
        assertThat(run("score", tmp.toString(), "--connectivity", "6").code()).isEqualTo(1);
        assertThat(run("score", tmp.toString(), "--connectivity", "6").err()).contains("--connectivity '6' is not 4, 8 or 3d");
        assertThat(run("score", tmp.toString(), "--convention", "Graeni").err()).contains("--convention 'Graeni' is not agatston or kv-specific");
        assertThat(run("score", tmp.toString(), "--min-area", "-1").code()).isEqualTo(1);
        CliRun mass = run("score", tmp.toString(), "--mass-calibration", "0");
        assertThat(mass.code()).isEqualTo(1);
        assertThat(mass.err()).as("the value as typed, its unit and the range")
                .contains("--mass-calibration = 0 mg/(cm3*HU) is outside the allowed range 0.1 to 5 mg/(cm3*HU)"); // the wording of every command option
    }
    /** A small phantom written to {@code tmp/NAME}; returns its ct/ folder. */
    private Path phantomCt(String name) throws Exception {
        Path spec = spec("""
                name: %s
                seed: 5
                acquisition: {matrix: 64, pixelSpacingMm: 1.0, zStartMm: -30, zEndMm: 0}
                lesions:
                  - {artery: LAD, layer: intimal, shape: focal, massMg: 8, densityMgPerCm3: 600, positionMm: 20}
                """.formatted(name));
        Path out = tmp.resolve(name);
        CliRun r = run("phantom", "--spec", spec.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return out.resolve("ct");
    }

    /**
     * A 2-D score gates lesions by area only, a 3-D one by volume only (CalciumScorer): the other gate, given,
     * changed nothing and said nothing (review10). Now a note on stderr says which gate was used; the score is
     * the same and stdout stays clean.
     */
    @Test
    void aLesionGateTheConnectivityDoesNotReadIsNamedAsUnused() throws Exception {
        Path ct = phantomCt("gates");
        CliRun plain = run("score", ct.toString());
        CliRun volumeIn2d = run("score", ct.toString(), "--min-volume", "5");
        assertThat(volumeIn2d.code()).as(volumeIn2d.err()).isZero();
        assertThat(volumeIn2d.err()).contains("note: --min-volume is the 3-D lesion gate (with --connectivity 3d) and "
                + "was not used; this 2-D score gates each lesion by its area, --min-area (1 mm2)");
        assertThat(volumeIn2d.out()).isEqualTo(plain.out());
        assertThat(plain.err()).doesNotContain("note:");

        CliRun areaIn3d = run("score", ct.toString(), "--connectivity", "3d", "--min-area", "2");
        assertThat(areaIn3d.code()).as(areaIn3d.err()).isZero();
        assertThat(areaIn3d.err()).contains("note: --min-area is the 2-D lesion gate and was not used; with "
                + "--connectivity 3d each lesion is gated by its volume, --min-volume (1.5 mm3)");
        // each gate with the connectivity that reads it: no note
        assertThat(run("score", ct.toString(), "--connectivity", "3d", "--min-volume", "5").err()).doesNotContain("note:");
        assertThat(run("score", ct.toString(), "--min-area", "2").err()).doesNotContain("note:");
    }

    @Test
    void anEmptiedSliceIsNamedNotLeftToLookLikeIrregularSpacing() throws Exception {
        Path ct = phantomCt("emptied");
        Files.write(ct.resolve("IM00004.dcm"), new byte[0]); // a copy that stopped at zero bytes
        CliRun r = run("score", ct.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("slice spacing is irregular")
                .contains("1 file that is not DICOM (IM00004.dcm (empty))").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    /**
     * review9: one truncated slice refused the series naming the file and byte offset, with no word on how to go on.
     * It is still refused (a score without a slice misses its calcium), and the message says what to do: the file
     * again, or, for the first or last slice, the rest without it, which then scores; a middle slice left out is
     * refused as irregular spacing, as the message says.
     */
    @Test
    void aTruncatedSliceRefusesTheSeriesAndSaysHowToGoOn() throws Exception {
        Path ct = phantomCt("truncated");
        List<Path> slices;
        try (var files = Files.list(ct)) {
            slices = files.sorted().toList();
        }
        Path last = slices.get(slices.size() - 1);
        byte[] whole = Files.readAllBytes(last);
        Files.write(last, java.util.Arrays.copyOf(whole, whole.length / 2)); // a copy that stopped half-way
        CliRun r = run("score", ct.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(last + " at byte offset").contains("(truncated?)")
                .contains("the series is not scored without that slice: copy " + last + " again from the scanner or "
                        + "archive; if it is the first or last slice, moving it out of " + ct + " scores the rest "
                        + "(without that slice's calcium); a slice missing inside the stack is refused as irregular spacing")
                .doesNotContain("Exception");

        Path aside = Files.move(last, tmp.resolve(last.getFileName()));
        CliRun rest = run("score", ct.toString());
        assertThat(rest.code()).as("the last slice moved out: the rest scores").isZero();
        Files.move(slices.get(slices.size() / 2), tmp.resolve("middle.dcm"));
        // a problem of the series as a whole is not one file's: no such advice
        assertThat(run("score", ct.toString()).err()).as("a middle slice moved out").contains("slice spacing is irregular")
                .doesNotContain("not scored without that slice");
        assertThat(aside).exists();
    }

    /**
     * leftovers15: a slice missing inside the stack was refused as "irregular: 6.0 mm between slices 4 and 5", which
     * named no file; now the two files around the gap, the gap and the usual spacing, and what to do.
     */
    @Test
    void aSliceMissingInsideTheStackIsNamedByTheFilesAroundTheGap() throws Exception {
        Path ct = phantomCt("gap");
        List<Path> slices;
        try (var files = Files.list(ct)) {
            slices = files.sorted().toList();
        }
        Files.move(slices.get(4), tmp.resolve("aside.dcm"));
        CliRun r = run("score", ct.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("slice spacing is irregular: a gap of 6 mm between " + slices.get(3) + " (z = ")
                .contains(" and " + slices.get(5) + " (z = ")
                .contains("2.0 times the usual spacing of 3 mm (about 1 slice is missing there); an Agatston score "
                        + "assumes contiguous slices").contains("add the missing file to the series")
                .doesNotContain("Exception").doesNotContain("not scored without that slice");
    }

    /**
     * leftovers16: slices evenly 50 mm apart but 3 mm thick scored without a word, the normalisation (increment /
     * 3 mm) stretching each slice's calcium over its 50-mm step. A warning with the values, not a refusal: a
     * phantom spec may be gapped on purpose (increment up to 5 mm, thickness down to 0.5 mm), and score reads it.
     */
    @Test
    void evenlySparseSlicesScoreWithAWarningThatNamesSpacingAndThickness() throws Exception {
        short[] hu = new short[16 * 16 * 5];
        java.util.Arrays.fill(hu, (short) -1000);
        hu[8 * 16 + 8] = 400; // one calcified voxel: a score above 0
        Path sparse = tmp.resolve("sparse");
        org.vascalc.imaging.dicom.CtSeriesWriter.writeCt(new org.vascalc.imaging.volume.CtVolume(16, 16, 5, hu, 0.4, 0.4,
                new double[] {0, 50, 100, 150, 200}, 3.0, 120), org.vascalc.imaging.dicom.SeriesInfo.synthetic("S"), sparse);
        CliRun r = run("score", sparse.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("vascalc: warning: the slices are 50 mm apart but 3 mm thick (5 slices, z = 0 to "
                + "200 mm): 94 % of the length between the first and the last was not imaged, and the score's "
                + "normalisation (increment / 3 mm = 16.667) counts each slice's calcium as if it filled its whole step; "
                + "the score is not comparable with a contiguous scan's").contains("(" + sparse + ")");
        assertThat(r.out()).startsWith("{").doesNotContain("warning"); // the JSON stays clean
        Path contiguous = tmp.resolve("contiguous");
        org.vascalc.imaging.dicom.CtSeriesWriter.writeCt(new org.vascalc.imaging.volume.CtVolume(16, 16, 5, hu, 0.4, 0.4,
                new double[] {0, 3, 6, 9, 12}, 3.0, 120), org.vascalc.imaging.dicom.SeriesInfo.synthetic("C"), contiguous);
        CliRun c = run("score", contiguous.toString(), "--json");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.err()).doesNotContain("warning");
    }

    @Test
    void filesThatAreNotDicomArePassedOverWithANoteOnStderrOnly() throws Exception {
        Path ct = phantomCt("with-readme");
        Files.writeString(ct.resolve("README.txt"), "scan notes");
        CliRun r = run("score", ct.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("note: passed over 1 file that is not DICOM (README.txt)");
        assertThat(r.out()).startsWith("{").doesNotContain("README"); // the JSON stays clean
    }

    @Test
    void aSeriesOfAnotherModalityIsRefusedNotScoredAsIfItWereHounsfieldUnits() throws Exception {
        Path ct = phantomCt("not-ct");
        // Modality (0008,0060) CS "CT" -> "MR" in every slice (explicit VR little endian)
        byte[] tag = {0x08, 0x00, 0x60, 0x00, 'C', 'S', 0x02, 0x00, 'C', 'T'};
        try (var files = Files.list(ct)) {
            for (Path f : files.toList()) {
                byte[] b = Files.readAllBytes(f);
                int at = indexOf(b, tag);
                assertThat(at).as("Modality element in " + f).isPositive();
                b[at + 8] = 'M';
                b[at + 9] = 'R';
                Files.write(f, b);
            }
        }
        CliRun r = run("score", ct.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("Modality is MR; a calcium score needs a CT series").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void anOutputFolderOnAFileSystemThatTakesNoFilesIsRefusedBeforeTheScan() throws Exception {
        // /proc takes no new files, even for root (for whom permission bits say "writable")
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        Path spec = spec("""
                name: nowhere
                lesions:
                  - {artery: LAD, layer: intimal, shape: focal, massMg: 8, densityMgPerCm3: 600, positionMm: 20}
                """);
        CliRun r = run("phantom", "--spec", spec.toString(), "--out", "/proc/vascalc-test-out");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cannot write output folder /proc/vascalc-test-out: cannot write in /proc")
                .doesNotContain("Exception").doesNotContain(".tmp");
        assertThat(r.out()).isEmpty();
        CliRun png = run("score", tmp.toString(), "--png", "/proc/vascalc-test.png");
        assertThat(png.code()).isEqualTo(1);
        assertThat(png.err()).contains("cannot write /proc/vascalc-test.png: cannot write in /proc").doesNotContain(".tmp");
        assertThat(png.out()).as("refused before scoring").isEmpty();
    }

    @Test
    void aFolderOfSeriesFoldersSaysWhichFoldersToGive() throws Exception {
        Path study = tmp.resolve("study");
        Files.createDirectories(study.resolve("series-1"));
        Files.createDirectories(study.resolve("series-2"));
        CliRun r = run("score", study.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cannot read a CT series from " + study + ": contains no DICOM Part-10 files")
                .as("the folder once, not 'from x: x: ...'").doesNotContain(study + ": " + study)
                .contains("it holds 2 folders (series-1, series-2), which are not searched: give the folder of one series, e.g. "
                        + study.resolve("series-1"));
        assertThat(r.err().strip()).as("one line").doesNotContain("\n");
    }

    /** Files that are not DICOM beside series folders: one line naming both, pointing to a folder (it was two lines). */
    @Test
    void aFolderOfNotesAndSeriesFoldersSaysWhatItHoldsOnOneLine() throws Exception {
        Path study = tmp.resolve("study");
        Files.createDirectories(study.resolve("series-1"));
        Files.createDirectories(study.resolve("series-2"));
        Files.writeString(study.resolve("notes.txt"), "not an image");
        CliRun r = run("score", study.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).as("one line").doesNotContain("\n")
                .isEqualTo("vascalc: cannot read a CT series from " + study + ": contains no DICOM Part-10 files (it holds"
                        + " 1 file that is not DICOM (notes.txt) and 2 folders (series-1, series-2), which are not searched:"
                        + " give the folder of one series, e.g. " + study.resolve("series-1") + ")");
    }

    /** A phantom's labels/ folder given as the scan is named as a label map (it failed on the missing tube voltage). */
    @Test
    void aLabelMapGivenAsTheScanIsNamedAsOne() throws Exception {
        Path labels = phantomCt("labels-as-ct").resolveSibling("labels");
        CliRun r = run("score", labels.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("a VasCalc artery label map").contains("give it as the label map")
                .contains("(--labels " + labels + ")").doesNotContain("KVP").doesNotContain("Exception");
    }
}
