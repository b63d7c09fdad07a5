package org.vascalc.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.imaging.volume.CtVolume;

/**
 * Validates written files with dicom3tools: {@code dciodvfy} checks each file against the CT Image IOD
 * (PS3.3 A.3), {@code dcentvfy} checks that patient, study, series and frame of reference are consistent
 * across all files of both series. Any line starting with "Error" fails the test; warnings are allowed
 * and listed in the imaging README (the label map's private Image Type value and Rescale Type "US").
 */
class DciodvfyIT {

    @TempDir
    Path tmp;

    private static List<String> errors(String output) {
        List<String> errors = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("Error")) {
                errors.add(line);
            }
        }
        return errors;
    }

    @Test
    void writtenCtAndLabelSlicesPassDciodvfyWithoutErrors() throws Exception {
        ExternalTool.requireOnPath("dciodvfy", "dicom3tools");
        CtVolume ct = TestVolumes.ct(32, 24, 3, 11);
        SeriesInfo info = SeriesInfo.synthetic("IOD");
        CtSeriesWriter.writeCt(ct, info, tmp.resolve("ct"));
        CtSeriesWriter.writeLabels(TestVolumes.labels(ct, 12), info, tmp.resolve("labels"));
        for (String file : List.of("ct/IM00001.dcm", "ct/IM00003.dcm", "labels/IM00002.dcm")) {
            ExternalTool.Result r = ExternalTool.run(tmp, List.of("dciodvfy", file));
            assertThat(r.output()).as(file).contains("CTImage");
            assertThat(errors(r.output())).as(file + ":\n" + r.output()).isEmpty();
        }
        ExternalTool.Result ctOnly = ExternalTool.run(tmp, List.of("dciodvfy", "ct/IM00002.dcm"));
        assertThat(ctOnly.output()).as("CT slices get no warnings either").doesNotContain("Warning");
    }

    @Test
    void bothSeriesAreConsistentEntitiesAcrossFiles() throws Exception {
        ExternalTool.requireOnPath("dcentvfy", "dicom3tools");
        CtVolume ct = TestVolumes.ct(8, 8, 3, 13);
        SeriesInfo info = SeriesInfo.synthetic("ENT");
        CtSeriesWriter.writeCt(ct, info, tmp.resolve("ct"));
        CtSeriesWriter.writeLabels(TestVolumes.labels(ct, 14), info, tmp.resolve("labels"));
        List<String> command = new ArrayList<>(List.of("dcentvfy"));
        for (int i = 1; i <= 3; i++) {
            command.add(String.format("ct/IM%05d.dcm", i));
            command.add(String.format("labels/IM%05d.dcm", i));
        }
        ExternalTool.Result r = ExternalTool.run(tmp, command);
        assertThat(errors(r.output())).as(r.output()).isEmpty();
    }

    @Test
    void dcmtkAcceptsTheFilesAsPartTen() throws Exception {
        ExternalTool.requireOnPath("dcmftest", "dcmtk");
        CtSeriesWriter.writeCt(TestVolumes.ct(4, 4, 1, 15), SeriesInfo.synthetic("FT"), tmp.resolve("ct"));
        ExternalTool.Result r = ExternalTool.run(tmp, List.of("dcmftest", "ct/IM00001.dcm"));
        assertThat(r.output()).startsWith("yes:");
    }
}
