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
                .hasMessageContaining("contains 2 series").hasMessageContaining("4 files").hasMessageContaining("3 files");
    }
}
