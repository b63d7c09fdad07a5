package org.vascalc.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.imaging.volume.CtVolume;

/**
 * What DicomSeriesReader decides about a folder beyond its pixels: which of several series it reads
 * (by number or UID), whether a label map shares the CT's Frame of Reference (PS3.3 C.7.4.1), and which
 * image planes it refuses (Image Orientation (Patient), PS3.3 C.7.6.2.1.1: row and column direction
 * cosines; only axial 1\0\0\0\1\0 is read). Mutation testing (docs/testing.md, imaging 2026-12-04) found
 * these exercised only from cli and PydicomSeriesIT, never by an imaging unit test.
 */
class SeriesChoiceAndGeometryTest {

    @TempDir
    Path tmp;

    private final DicomSeriesReader reader = new DicomSeriesReader();

    /** A folder holding series A (files a1, a2; 120 kV, 3 mm) and B (file b1, b2), A first by file name. */
    private Path twoSeries(CtVolume a, CtVolume b) throws IOException {
        CtSeriesWriter.writeCt(a, SeriesInfo.synthetic("A"), tmp.resolve("a"));
        CtSeriesWriter.writeCt(b, SeriesInfo.synthetic("B"), tmp.resolve("b"));
        Path mixed = Files.createDirectory(tmp.resolve("mixed"));
        Files.copy(tmp.resolve("a/IM00001.dcm"), mixed.resolve("a1.dcm"));
        Files.copy(tmp.resolve("a/IM00002.dcm"), mixed.resolve("a2.dcm"));
        Files.copy(tmp.resolve("b/IM00001.dcm"), mixed.resolve("b1.dcm"));
        Files.copy(tmp.resolve("b/IM00002.dcm"), mixed.resolve("b2.dcm"));
        return mixed;
    }

    @Test
    void aSeriesIsChosenByItsNumberInTheListOrByItsUid() throws IOException {
        CtVolume a = TestVolumes.ct(2, 2, 2, 11);
        CtVolume b = TestVolumes.ct(2, 2, 2, 12);
        Path mixed = twoSeries(a, b);
        String uidA = DicomUids.derive("vascalc-synthetic/A", "series/ct");
        String uidB = DicomUids.derive("vascalc-synthetic/B", "series/ct");

        List<DicomSeriesReader.SeriesSummary> list = reader.listSeries(mixed);
        assertThat(list).extracting(DicomSeriesReader.SeriesSummary::number).containsExactly(1, 2);
        assertThat(list).extracting(DicomSeriesReader.SeriesSummary::seriesInstanceUid).containsExactly(uidA, uidB);
        assertThat(list.get(1).files()).isEqualTo(2);
        assertThat(list.get(1).kvp()).isEqualTo(120);
        assertThat(list.get(1).sliceThicknessMm()).isEqualTo(3);
        assertThat(list.get(1).toString()).isEqualTo("#2 " + uidB
                + " (CT, 'VasCalc synthetic calcium-score CT', 2 files, 120 kV, 3 mm slices)");

        assertThat(reader.readCt(mixed, "2")).isEqualTo(b);
        assertThat(reader.readCt(mixed, " 1 ")).isEqualTo(a);
        assertThat(reader.readCt(mixed, uidB)).isEqualTo(b);
        assertThat(reader.seriesUid(mixed, "2")).isEqualTo(uidB);
        assertThat(reader.seriesUid(mixed, null)).isNull();
        assertThat(DicomSeriesReader.choose(list, "3")).isEmpty();
        assertThatThrownBy(() -> reader.readCt(mixed, "3")).isInstanceOf(DicomException.class)
                .hasMessageContaining("no series number 3; found: #1 " + uidA);
        assertThatThrownBy(() -> reader.seriesUid(mixed, "0")).hasMessageContaining("no series number 0");
    }

    @Test
    void aSummaryLeavesOutWhatTheFileDoesNotSayAndWritesOneFileInTheSingular() {
        var s = new DicomSeriesReader.SeriesSummary(4, "1.2.3", "", "d", 1, Double.NaN, 2.5);
        assertThat(s.toString()).isEqualTo("#4 1.2.3 (?, 'd', 1 file, 2.5 mm slices)");
        var t = new DicomSeriesReader.SeriesSummary(1, "1.2", "CT", "", 3, 80, Double.NaN);
        assertThat(t.toString()).isEqualTo("#1 1.2 (CT, '', 3 files, 80 kV)");
    }

    @Test
    void aLabelMapOfAnotherScanIsRefusedByItsFrameOfReference() throws IOException {
        CtVolume ct = TestVolumes.ct(3, 2, 2, 21);
        CtSeriesWriter.writeCt(ct, SeriesInfo.synthetic("P1"), tmp.resolve("ct"));
        CtSeriesWriter.writeLabels(TestVolumes.labels(ct, 1), SeriesInfo.synthetic("P1"), tmp.resolve("own"));
        CtSeriesWriter.writeLabels(TestVolumes.labels(ct, 1), SeriesInfo.synthetic("P2"), tmp.resolve("other"));
        String ownFrame = DicomUids.derive("vascalc-synthetic/P1", "frame-of-reference");
        String otherFrame = DicomUids.derive("vascalc-synthetic/P2", "frame-of-reference");

        assertThat(reader.frameOfReferenceUid(tmp.resolve("ct"), null)).contains(ownFrame);
        assertThatCode(() -> reader.requireSameFrameOfReference(tmp.resolve("ct"), null, tmp.resolve("own")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> reader.requireSameFrameOfReference(tmp.resolve("ct"), null, tmp.resolve("other")))
                .isInstanceOf(DicomException.class).hasMessageStartingWith(DicomSeriesReader.FRAME_MISMATCH)
                .hasMessageContaining(otherFrame + " in the label map, " + ownFrame + " in the CT");

        // an empty value says nothing either (it is not a UID that differs)
        DicomElement empty = new DataSetBuilder("x").text(Tag.FRAME_OF_REFERENCE_UID, Vr.UI).build()
                .element(Tag.FRAME_OF_REFERENCE_UID).orElseThrow();
        editSlices(tmp.resolve("other"), e -> e.put(Tag.FRAME_OF_REFERENCE_UID, empty));
        assertThat(reader.frameOfReferenceUid(tmp.resolve("other"), null)).isEmpty();
        assertThatCode(() -> reader.requireSameFrameOfReference(tmp.resolve("ct"), null, tmp.resolve("other")))
                .doesNotThrowAnyException();
        // a label map without the attribute (Type 1 only in the Frame of Reference module) is not judged by it
        editSlices(tmp.resolve("other"), e -> e.remove(Tag.FRAME_OF_REFERENCE_UID));
        assertThat(reader.frameOfReferenceUid(tmp.resolve("other"), null)).isEmpty();
        assertThatCode(() -> reader.requireSameFrameOfReference(tmp.resolve("ct"), null, tmp.resolve("other")))
                .doesNotThrowAnyException();
    }

    @Test
    void theFrameOfReferenceIsReadFromTheChosenSeries() throws IOException {
        Path mixed = twoSeries(TestVolumes.ct(2, 2, 2, 31), TestVolumes.ct(2, 2, 2, 32));
        Files.writeString(mixed.resolve("0-notes.txt"), "not DICOM, skipped");
        String uidB = DicomUids.derive("vascalc-synthetic/B", "series/ct");
        assertThat(reader.frameOfReferenceUid(mixed, uidB))
                .contains(DicomUids.derive("vascalc-synthetic/B", "frame-of-reference"));
        assertThat(reader.frameOfReferenceUid(mixed, null))
                .contains(DicomUids.derive("vascalc-synthetic/A", "frame-of-reference"));
        assertThat(reader.frameOfReferenceUid(mixed, "1.2.3")).isEmpty();
    }

    /**
     * Review15: a CT series and its label map gathered in one folder (as a user copies them off a phantom's ct/
     * and labels/) were refused as "2 series", the label map listed as a second "CT", and the same folder given
     * as --labels was refused alike. Only one of them is a CT to score and only one a label map: each read takes
     * its own, and a label map of another scan in such a folder is still refused by its frame of reference.
     */
    @Test
    void aFolderHoldingACtSeriesAndItsLabelMapReadsEachAsItsKind() throws IOException {
        CtVolume ct = TestVolumes.ct(3, 2, 2, 41);
        var labels = TestVolumes.labels(ct, 1);
        CtSeriesWriter.writeCt(ct, SeriesInfo.synthetic("P1"), tmp.resolve("ct"));
        CtSeriesWriter.writeLabels(labels, SeriesInfo.synthetic("P1"), tmp.resolve("own"));
        CtSeriesWriter.writeLabels(labels, SeriesInfo.synthetic("P2"), tmp.resolve("other"));
        Path both = Files.createDirectory(tmp.resolve("both"));
        Path foreign = Files.createDirectory(tmp.resolve("foreign"));
        for (String name : List.of("IM00001.dcm", "IM00002.dcm")) {
            // the label map first by file name, so that "the first file" would be the wrong one
            Files.copy(tmp.resolve("own").resolve(name), both.resolve("a-" + name));
            Files.copy(tmp.resolve("ct").resolve(name), both.resolve("b-" + name));
            Files.copy(tmp.resolve("other").resolve(name), foreign.resolve("a-" + name));
            Files.copy(tmp.resolve("ct").resolve(name), foreign.resolve("b-" + name));
        }

        assertThat(reader.readCt(both)).isEqualTo(ct);
        assertThat(reader.readCtToScore(both, null)).isEqualTo(ct);
        // leftovers19: the read says the folder holds a label map too (the score's note), a CT folder alone not
        assertThat(reader.readCtToScoreNotingLabels(both, null)).isEqualTo(new DicomSeriesReader.CtToScore(ct, true));
        assertThat(reader.readCtToScoreNotingLabels(tmp.resolve("ct"), null).besideLabelMap()).isFalse();
        assertThat(reader.readLabels(both)).isEqualTo(labels);
        assertThat(reader.listSeries(both)).extracting(DicomSeriesReader.SeriesSummary::modality)
                .containsExactly(DicomSeriesReader.LABEL_MAP_MODALITY, "CT");
        assertThatCode(() -> reader.requireSameFrameOfReference(both, null, both)).doesNotThrowAnyException();
        assertThatThrownBy(() -> reader.requireSameFrameOfReference(foreign, null, foreign))
                .isInstanceOf(DicomException.class).hasMessageStartingWith(DicomSeriesReader.FRAME_MISMATCH);

        // two CT series beside a label map: which CT is still the user's choice
        Path three = twoSeries(TestVolumes.ct(3, 2, 2, 42), TestVolumes.ct(3, 2, 2, 43));
        Files.copy(tmp.resolve("own/IM00001.dcm"), three.resolve("c1.dcm"));
        Files.copy(tmp.resolve("own/IM00002.dcm"), three.resolve("c2.dcm"));
        assertThatThrownBy(() -> reader.readCt(three)).isInstanceOf(DicomException.class)
                .hasMessageContaining("contains 3" + DicomSeriesReader.SEVERAL_SERIES);
        assertThat(reader.readLabels(three)).isEqualTo(labels);
    }

    private static DicomElement decimals(int tag, double... values) {
        return new DataSetBuilder("x").decimal(tag, values).build().element(tag).orElseThrow();
    }

    @Test
    void gantryTiltedImagePlanesAreRefusedNamingTheTilt() throws IOException {
        // columns leaning from y towards z by 20 degrees: column cosines 0\cos 20\sin 20
        double c = Math.cos(Math.toRadians(20));
        double s = Math.sin(Math.toRadians(20));
        Path folder = tmp.resolve("tilted");
        CtSeriesWriter.writeCt(TestVolumes.ct(2, 2, 2, 41), SeriesInfo.synthetic("T"), folder);
        editSlices(folder, e -> e.put(Tag.IMAGE_ORIENTATION_PATIENT, decimals(Tag.IMAGE_ORIENTATION_PATIENT, 1, 0, 0, 0, c, s)));
        assertThatThrownBy(() -> reader.readCt(folder)).isInstanceOf(DicomException.class)
                .hasMessageContaining("(0020,0037)").hasMessageContaining("tilted 20.0 degrees about the x axis");
        editSlices(folder, e -> e.put(Tag.IMAGE_ORIENTATION_PATIENT, decimals(Tag.IMAGE_ORIENTATION_PATIENT, 1, 0, 0, 0, c, -s)));
        assertThatThrownBy(() -> reader.readCt(folder)).hasMessageContaining("tilted 20.0 degrees");
    }

    @Test
    void sagittalAndCoronalPlanesAreRefusedAsNotAxial() throws IOException {
        double[][] planes = {{0, 1, 0, 0, 0, -1}, {1, 0, 0, 0, 0, -1}, {1, 0, 0, 0, -1, 0}};
        for (int i = 0; i < planes.length; i++) {
            double[] o = planes[i];
            Path folder = tmp.resolve("plane" + i);
            CtSeriesWriter.writeCt(TestVolumes.ct(2, 2, 2, 42), SeriesInfo.synthetic("S"), folder);
            editSlices(folder, e -> e.put(Tag.IMAGE_ORIENTATION_PATIENT, decimals(Tag.IMAGE_ORIENTATION_PATIENT, o)));
            assertThatThrownBy(() -> reader.readCt(folder)).isInstanceOf(DicomException.class)
                    .hasMessageContaining("only axial 1\\0\\0\\0\\1\\0 is supported")
                    .hasMessageNotContaining("tilted");
        }
    }

    @Test
    void planeTiltIsTheAngleOfTheColumnsFromYTowardsZAndZeroForOtherPlanes() {
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        assertThat(DicomSeriesReader.planeTiltDeg(new double[] {1, 0, 0, 0, c, s})).isCloseTo(30, within(1e-9));
        // columns more than 45 degrees from y (coronal-like) are not a gantry tilt
        assertThat(DicomSeriesReader.planeTiltDeg(new double[] {1, 0, 0, 0, s, c})).isZero();
        // rows not along x
        assertThat(DicomSeriesReader.planeTiltDeg(new double[] {c, s, 0, 0, c, s})).isZero();
        assertThat(DicomSeriesReader.planeTiltDeg(new double[] {1, 0, 0.01, 0, c, s})).isZero();
        assertThat(DicomSeriesReader.planeTiltDeg(new double[] {1, 0.01, 0, 0, c, s})).isZero();
        assertThat(DicomSeriesReader.planeTiltDeg(new double[] {1, 0, 0, 0.01, c, s})).isZero();
        // not a unit vector
        assertThat(DicomSeriesReader.planeTiltDeg(new double[] {1, 0, 0, 0, 0.9, 0.1})).isZero();
    }

    @Test
    void orientationWithinTheToleranceIsReadAsAxial() throws IOException {
        Path folder = tmp.resolve("nearly");
        CtVolume v = TestVolumes.ct(2, 2, 2, 43);
        CtSeriesWriter.writeCt(v, SeriesInfo.synthetic("N"), folder);
        editSlices(folder, e -> e.put(Tag.IMAGE_ORIENTATION_PATIENT,
                decimals(Tag.IMAGE_ORIENTATION_PATIENT, 1, 0, 0.00005, 0, 0.99995, 0)));
        assertThat(reader.readCt(folder)).isEqualTo(v);
    }

    @Test
    void aStackWhoseOriginsDriftIsReadAsShearedWithItsAngle() throws IOException {
        // slices 2.5 mm apart whose origin moves 2.5 mm in y per slice: 45 degrees from z; the stated
        // Gantry/Detector Tilt is kept as the series says it
        Path folder = tmp.resolve("sheared");
        CtSeriesWriter.writeCt(TestVolumes.ct(2, 2, 3, 51), SeriesInfo.synthetic("H"), folder);
        for (int k = 0; k < 3; k++) {
            double z = -120.5 + 2.5 * k;
            double y = -60 + 2.5 * k; // the origin's x and y are not 0, so a drift is a difference, not a position
            editSlice(folder.resolve(String.format("IM%05d.dcm", k + 1)), e -> {
                e.put(Tag.IMAGE_POSITION_PATIENT, decimals(Tag.IMAGE_POSITION_PATIENT, -50, y, z));
                e.put(Tag.GANTRY_DETECTOR_TILT, decimals(Tag.GANTRY_DETECTOR_TILT, -45));
            });
        }
        CtVolume v = reader.readCt(folder);
        assertThat(v.stackTiltDeg()).isCloseTo(45, within(1e-9));
        assertThat(v.gantryTiltDeg()).isEqualTo(-45);
    }

    @Test
    void aDriftBelowAFiftiethOfAPixelIsAStraightStack() throws IOException {
        // pixel 0.4 mm in y (rows), 0.390625 mm in x: the tolerance is 0.05 pixel, 0.02 mm and 0.0195 mm
        Path folder = tmp.resolve("straight");
        CtSeriesWriter.writeCt(TestVolumes.ct(2, 2, 2, 52), SeriesInfo.synthetic("G"), folder);
        editSlice(folder.resolve("IM00002.dcm"),
                e -> e.put(Tag.IMAGE_POSITION_PATIENT, decimals(Tag.IMAGE_POSITION_PATIENT, 0.019, 0.0199, -118)));
        assertThat(reader.readCt(folder).stackTiltDeg()).isZero();
        editSlice(folder.resolve("IM00002.dcm"),
                e -> e.put(Tag.IMAGE_POSITION_PATIENT, decimals(Tag.IMAGE_POSITION_PATIENT, 0, 0.0201, -118)));
        assertThat(reader.readCt(folder).stackTiltDeg()).isGreaterThan(0);
        editSlice(folder.resolve("IM00002.dcm"),
                e -> e.put(Tag.IMAGE_POSITION_PATIENT, decimals(Tag.IMAGE_POSITION_PATIENT, 0.0196, 0, -118)));
        assertThat(reader.readCt(folder).stackTiltDeg()).isGreaterThan(0);
    }

    @Test
    void aStatedGantryTiltOfNinetyDegreesOrMoreIsRefused() throws IOException {
        Path folder = tmp.resolve("gantry");
        CtSeriesWriter.writeCt(TestVolumes.ct(2, 2, 2, 53), SeriesInfo.synthetic("Y"), folder);
        editSlices(folder, e -> e.put(Tag.GANTRY_DETECTOR_TILT, decimals(Tag.GANTRY_DETECTOR_TILT, -90)));
        assertThatThrownBy(() -> reader.readCt(folder)).isInstanceOf(DicomException.class)
                .hasMessageContaining("(0018,1120) GantryDetectorTilt is -90.0 degrees; it must be between -90 and 90 degrees");
        editSlices(folder, e -> e.put(Tag.GANTRY_DETECTOR_TILT, decimals(Tag.GANTRY_DETECTOR_TILT, 89.5)));
        assertThat(reader.readCt(folder).gantryTiltDeg()).isEqualTo(89.5);
    }

    @Test
    void twoSlicesAtTheSameZAreRefused() throws IOException {
        Path folder = tmp.resolve("samez");
        CtSeriesWriter.writeCt(TestVolumes.ct(2, 2, 2, 54), SeriesInfo.synthetic("Z"), folder);
        // slice 2 at z 0.00005 mm above slice 1: within the 1e-4 mm tolerance, the same position
        editSlice(folder.resolve("IM00002.dcm"),
                e -> e.put(Tag.IMAGE_POSITION_PATIENT, decimals(Tag.IMAGE_POSITION_PATIENT, 0, 0, -120.49995)));
        assertThatThrownBy(() -> reader.readCt(folder)).isInstanceOf(DicomException.class)
                .hasMessageContaining("are at the same z");
    }

    @Test
    void aSingleSliceWithoutThicknessIsRefusedAndTwoTakeTheirSpacing() throws IOException {
        Path folder = tmp.resolve("nothick");
        CtSeriesWriter.writeCt(TestVolumes.ct(2, 2, 2, 55), SeriesInfo.synthetic("W"), folder);
        // a stated thickness of 0 mm says nothing either: the spacing of the two slices, 2.5 mm, stands for it
        editSlices(folder, e -> e.put(Tag.SLICE_THICKNESS, decimals(Tag.SLICE_THICKNESS, 0)));
        assertThat(reader.readCt(folder).sliceThicknessMm()).isEqualTo(2.5);
        editSlices(folder, e -> e.remove(Tag.SLICE_THICKNESS));
        assertThat(reader.readCt(folder).sliceThicknessMm()).isEqualTo(2.5);
        Files.delete(folder.resolve("IM00002.dcm"));
        assertThatThrownBy(() -> reader.readCt(folder)).isInstanceOf(DicomException.class)
                .hasMessageContaining("(0018,0050) SliceThickness is missing and a single slice gives no spacing");
    }

    /**
     * review19: slices of two thicknesses under one Series UID (two reconstructions copied into one folder) were
     * refused naming both files and thicknesses, but said nothing of how to go on, and no test held the refusal.
     */
    @Test
    void slicesOfTwoThicknessesAreRefusedNamingBothAndHowToGoOn() throws IOException {
        Path folder = tmp.resolve("twothick");
        CtSeriesWriter.writeCt(TestVolumes.ct(2, 2, 3, 57), SeriesInfo.synthetic("M"), folder);
        editSlice(folder.resolve("IM00003.dcm"), e -> e.put(Tag.SLICE_THICKNESS, decimals(Tag.SLICE_THICKNESS, 1.5)));
        assertThatThrownBy(() -> reader.readCt(folder)).isInstanceOf(DicomException.class)
                .hasMessageContaining(folder.resolve("IM00003.dcm") + ": (0018,0050) SliceThickness is 1.5 mm, not 3.0 mm as in "
                        + folder.resolve("IM00001.dcm"))
                .hasMessageContaining("put the slices of one thickness in a folder of their own and score that");
    }

    @Test
    void aFolderTooLargeForItsLimitIsRefusedBeforeReading() throws IOException {
        Path folder = tmp.resolve("big");
        CtSeriesWriter.writeCt(TestVolumes.ct(2, 2, 2, 56), SeriesInfo.synthetic("L"), folder);
        long total;
        try (Stream<Path> files = Files.list(folder)) {
            total = files.mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(new DicomSeriesReader(new DicomReader(), total).readCt(folder).depth()).isEqualTo(2);
        assertThatThrownBy(() -> new DicomSeriesReader(new DicomReader(), total - 1).readCt(folder))
                .isInstanceOf(DicomException.class)
                .hasMessageContaining("2 DICOM files hold " + total + " bytes, more than the limit of " + (total - 1));
        assertThatThrownBy(() -> new DicomSeriesReader(new DicomReader(), 0))
                .hasMessageContaining("maxSeriesBytes must be >= 1, got 0");
    }

    @Test
    void hiddenFilesAndSubFoldersAreNotPartOfTheSeries() throws IOException {
        // a hidden copy of another series' slice (".name", as a file manager leaves) and a sub-folder
        CtVolume a = TestVolumes.ct(2, 2, 2, 61);
        CtSeriesWriter.writeCt(a, SeriesInfo.synthetic("V1"), tmp.resolve("v1"));
        CtSeriesWriter.writeCt(TestVolumes.ct(2, 2, 2, 62), SeriesInfo.synthetic("V2"), tmp.resolve("v2"));
        Files.copy(tmp.resolve("v2/IM00001.dcm"), tmp.resolve("v1/.IM00001.dcm"));
        Files.createDirectory(tmp.resolve("v1/sub.dcm"));
        assertThat(reader.readCt(tmp.resolve("v1"))).isEqualTo(a);
        assertThat(reader.listSeries(tmp.resolve("v1"))).hasSize(1);
        assertThat(reader.frameOfReferenceUid(tmp.resolve("v1"), null))
                .contains(DicomUids.derive("vascalc-synthetic/V1", "frame-of-reference"));
    }

    @Test
    void aTubeVoltageOfZeroIsADicomError() throws IOException {
        Path folder = tmp.resolve("kv0");
        CtSeriesWriter.writeCt(TestVolumes.ct(2, 2, 2, 64), SeriesInfo.synthetic("K"), folder);
        editSlices(folder, e -> e.put(Tag.KVP, decimals(Tag.KVP, 0)));
        assertThatThrownBy(() -> reader.readCt(folder)).isInstanceOf(DicomException.class)
                .hasMessageContaining("(0018,0060) KVP is 0.0 kV, must be > 0");
    }

    @Test
    void aSeriesThatIsAllMrIsRefusedAsNotCt() throws IOException {
        Path folder = tmp.resolve("mr");
        CtSeriesWriter.writeCt(TestVolumes.ct(2, 2, 2, 63), SeriesInfo.synthetic("M"), folder);
        DicomElement mr = new DataSetBuilder("x").text(Tag.MODALITY, Vr.CS, "MR").build().element(Tag.MODALITY).orElseThrow();
        editSlices(folder, e -> e.put(Tag.MODALITY, mr));
        assertThatThrownBy(() -> reader.readCt(folder)).isInstanceOf(DicomException.class)
                .hasMessageContaining("(0008,0060) Modality is MR; a calcium score needs a CT series (Modality CT)");
    }

    /** Rewrites every slice of {@code folder} with its data set edited by {@code edit}. */
    static void editSlices(Path folder, Consumer<Map<Integer, DicomElement>> edit) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                editSlice(p, edit);
            }
        }
    }

    static void editSlice(Path p, Consumer<Map<Integer, DicomElement>> edit) throws IOException {
        DataSet ds = new DicomReader().read(p).dataSet();
        Map<Integer, DicomElement> elements = new TreeMap<>(Integer::compareUnsigned);
        elements.putAll(ds.elements());
        edit.accept(elements);
        Files.write(p, DicomWriter.encode(new DataSet(ds.source(), elements), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
    }
}
