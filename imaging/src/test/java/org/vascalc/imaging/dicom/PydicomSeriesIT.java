package org.vascalc.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.CalciumScorer;
import org.vascalc.imaging.score.ScoringOptions;

/**
 * The clinical reference note's TV-A1 and TV-A2 as real DICOM series written by pydicom (the note's own
 * route: "our own pydicom-generated series"), read by {@link DicomSeriesReader} and scored end to end,
 * and the odd or broken series an imaging researcher meets: each must give a {@link DicomException}
 * naming the file and the attribute, never an internal error or a silently wrong score (review7: a
 * series without Rescale Intercept/Slope scored 16 384 instead of 38, a zero Pixel Spacing was an
 * internal error). Skipped when Debian's python3 with pydicom is missing.
 */
class PydicomSeriesIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final double EXACT = 1e-9;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void writeTheSeries() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON);
        ExternalTool.Result probe = ExternalTool.run(tmp, List.of(PYTHON.toString(), "-c", "import pydicom, numpy"));
        assumeTrue(probe.exitCode() == 0, "python3-pydicom / python3-numpy not installed: " + probe.output());
        Path script = tmp.resolve("make_odd_series.py");
        try (InputStream in = PydicomSeriesIT.class.getResourceAsStream("make_odd_series.py")) {
            Files.copy(in, script);
        }
        ExternalTool.Result r = ExternalTool.run(tmp, List.of(PYTHON.toString(), script.toString(), tmp.resolve("s").toString()));
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    private static Path series(String name) {
        return tmp.resolve("s").resolve(name);
    }

    @Test
    void tvA1FromPydicomScores38Agatston33CubicMillimetresAnd9Point7875Milligrams() throws IOException {
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical().withMassCalibration(0.75))
                .score(new DicomSeriesReader().readCt(series("tva1")));
        assertThat(s.agatston()).isCloseTo(38.0, within(EXACT));
        assertThat(s.volumeMm3()).isCloseTo(33.0, within(EXACT));
        assertThat(s.massMg()).isCloseTo(9.7875, within(EXACT));
    }

    @Test
    void tvA2FromPydicomAtOnePointFiveMillimetresNormalisesTo38() throws IOException {
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical()).score(new DicomSeriesReader().readCt(series("tva2")));
        assertThat(s.agatston()).isCloseTo(38.0, within(EXACT));
    }

    @Test
    void oddAndBrokenSeriesGiveDicomExceptionsNamingFileAndAttribute() {
        DicomSeriesReader reader = new DicomSeriesReader();
        assertThatThrownBy(() -> reader.readCt(series("truncated"))).isInstanceOf(DicomException.class)
                .hasMessageContaining("IM0002.dcm").hasMessageContaining("truncated");
        assertThatThrownBy(() -> reader.readCt(series("no-spacing"))).isInstanceOf(DicomException.class)
                .hasMessageContaining("(0028,0030)").hasMessageContaining("missing");
        assertThatThrownBy(() -> reader.readCt(series("zero-spacing"))).isInstanceOf(DicomException.class)
                .hasMessageContaining("(0028,0030)").hasMessageContaining("must be > 0 mm");
        assertThatThrownBy(() -> reader.readCt(series("no-rescale"))).isInstanceOf(DicomException.class)
                .hasMessageContaining("(0028,105").hasMessageContaining("missing");
        assertThatThrownBy(() -> reader.readCt(series("sagittal"))).isInstanceOf(DicomException.class)
                .hasMessageContaining("(0020,0037)").hasMessageContaining("only axial");
        assertThatThrownBy(() -> reader.readCt(series("multi-frame"))).isInstanceOf(DicomException.class)
                .hasMessageContaining("mf.dcm").hasMessageContaining("4 frames");
        assertThatThrownBy(() -> reader.readCt(series("mixed"))).isInstanceOf(DicomException.class)
                .hasMessageContaining("contains 2 series").hasMessageContaining("4 files, 120 kV, 3 mm slices")
                .hasMessageContaining("3 files, 120 kV, 3 mm slices");
    }

    /**
     * review8: a gantry tilt of 15 degrees written as axial images (each slice's Image Position drifting
     * in y by tan 15 degrees per mm of z) was read as a straight stack without a word. It is now read as
     * sheared: the 2-D score, slice by slice, is TV-A1's exact 38 (every slice is a true axial image),
     * a note says so, and a 3-D score, which would join voxels across slices that are not neighbours, is
     * refused. The tilt stated over a straight stack is only noted; tilted planes are refused naming
     * the tilt; positions that jitter by a micrometre are not a shear.
     */
    @Test
    void gantryTiltIsDetectedScoredSliceBySliceAndRefusedIn3d() throws IOException {
        DicomSeriesReader reader = new DicomSeriesReader();
        var sheared = reader.readCt(series("tilt-sheared"));
        assertThat(sheared.stackTiltDeg()).isCloseTo(15.0, within(1e-6));
        assertThat(sheared.gantryTiltDeg()).isEqualTo(15.0);
        CalciumScore s = new CalciumScorer(ScoringOptions.clinical()).score(sheared);
        assertThat(s.agatston()).isCloseTo(38.0, within(EXACT));
        assertThat(org.vascalc.imaging.score.ScoreReport.notes(s)).anySatisfy(n -> assertThat(n)
                .contains("not stacked straight").contains("15.0 degrees").contains("Gantry/Detector Tilt of 15.0"));
        assertThatThrownBy(() -> new CalciumScorer(ScoringOptions.clinical()
                .withConnectivity(org.vascalc.imaging.score.Connectivity.VOLUMETRIC_26)).score(sheared))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not stacked straight")
                .hasMessageContaining("15.0 degrees");

        var tagOnly = reader.readCt(series("tilt-tag-only"));
        assertThat(tagOnly.stackTiltDeg()).isZero();
        CalciumScore t = new CalciumScorer(ScoringOptions.clinical()).score(tagOnly);
        assertThat(t.agatston()).isCloseTo(38.0, within(EXACT));
        assertThat(org.vascalc.imaging.score.ScoreReport.notes(t)).anySatisfy(n -> assertThat(n)
                .contains("states a Gantry/Detector Tilt of 15.0 degrees").contains("straight stack"));

        assertThatThrownBy(() -> reader.readCt(series("tilt-planes"))).isInstanceOf(DicomException.class)
                .hasMessageContaining("(0020,0037)").hasMessageContaining("tilted 15.0 degrees");

        var jitter = reader.readCt(series("jitter"));
        assertThat(jitter.stackTiltDeg()).isZero();
        assertThat(org.vascalc.imaging.score.ScoreReport.notes(new CalciumScorer(ScoringOptions.clinical()).score(jitter)))
                .noneSatisfy(n -> assertThat(n).contains("tilt"));
    }
}
