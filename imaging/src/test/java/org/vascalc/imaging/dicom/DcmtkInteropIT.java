package org.vascalc.imaging.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.imaging.volume.CtVolume;
import org.vascalc.imaging.volume.LabelVolume;

/**
 * An independent implementation (dcmtk) re-encodes our series in Implicit VR Little Endian; reading
 * that back must give the same volume, which checks the reader's Implicit VR path and the dictionary
 * VRs on files we did not write ourselves.
 */
class DcmtkInteropIT {

    @TempDir
    Path tmp;

    private Path reencode(Path folder, int slices, String option) throws Exception {
        Path out = Files.createDirectory(tmp.resolve(folder.getFileName() + option.replace("+", "_")));
        for (int i = 1; i <= slices; i++) {
            String name = String.format("IM%05d.dcm", i);
            ExternalTool.Result r = ExternalTool.run(tmp, List.of("dcmconv", option, folder.resolve(name).toString(),
                    out.resolve(name).toString()));
            assertThat(r.exitCode()).as(r.output()).isZero();
        }
        return out;
    }

    @Test
    void seriesReencodedAsImplicitVrByDcmtkReadsBackExactly() throws Exception {
        ExternalTool.requireOnPath("dcmconv", "dcmtk");
        CtVolume ct = TestVolumes.ct(20, 10, 3, 51);
        LabelVolume labels = TestVolumes.labels(ct, 52);
        SeriesInfo info = SeriesInfo.synthetic("IMPL");
        CtSeriesWriter.writeCt(ct, info, tmp.resolve("ct"));
        CtSeriesWriter.writeLabels(labels, info, tmp.resolve("labels"));
        Path implicitCt = reencode(tmp.resolve("ct"), 3, "+ti");
        Path implicitLabels = reencode(tmp.resolve("labels"), 3, "+ti");
        assertThat(new DicomReader().read(implicitCt.resolve("IM00001.dcm")).transferSyntax())
                .isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        DicomSeriesReader reader = new DicomSeriesReader();
        assertThat(reader.readCt(implicitCt)).isEqualTo(ct);
        assertThat(reader.readLabels(implicitLabels)).isEqualTo(labels);
    }
}
