package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.UploadedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.imaging.dicom.CtSeriesWriter;
import org.vascalc.imaging.dicom.SeriesInfo;
import org.vascalc.imaging.volume.CtVolume;

/**
 * The heading of an upload that holds several series (CtPage's own example: "#2 of 3 (Calcium score 3.0 mm,
 * 40 slices)"): the scored series by its place in the upload (DicomSeriesReader.listSeries: in order of first
 * appearance by file name, the uploaded files kept in their order), how many series it held, its description
 * (or "no description") and its slices, one "slice" in the singular. Two tiny CT series of 4 x 4 voxels at
 * 0 HU written with the library's writer; nothing is scored above zero, so only the heading is read.
 */
class CtPageSeveralSeriesTest {

    private static List<UploadedFile> series(Path dir, String uidSeed, int number, String description, int slices)
            throws Exception {
        double[] z = new double[slices];
        for (int i = 0; i < slices; i++) {
            z[i] = 3.0 * i;
        }
        CtVolume ct = new CtVolume(4, 4, slices, new short[16 * slices], 0.5, 0.5, z, 3.0, 120);
        SeriesInfo info = new SeriesInfo(uidSeed, "Test^Patient", "T1", SeriesInfo.SYNTHETIC_DATE, "1", number, description);
        Path folder = dir.resolve(uidSeed);
        CtSeriesWriter.writeCt(ct, info, folder);
        List<UploadedFile> files = new ArrayList<>();
        try (var list = Files.list(folder)) {
            for (Path p : list.sorted().toList()) {
                files.add(file(uidSeed + "-" + p.getFileName(), Files.readAllBytes(p)));
            }
        }
        return files;
    }

    private static FormValues series(String n) {
        return new FormValues(Map.of("series", List.of(n)));
    }

    @Test
    void theHeadingNamesTheScoredSeriesItsDescriptionAndItsSlices(@TempDir Path dir) throws Exception {
        List<UploadedFile> all = new ArrayList<>(series(dir, "a", 5, "Calcium score 3.0 mm", 3));
        all.addAll(series(dir, "b", 7, "", 1));

        Response five = CtPage.upload(series("1"), all, List.of()); // the first in the upload's order
        assertThat(five.status()).as(five.body()).isEqualTo(200);
        assertThat(five.body()).contains("<h2>Uploaded series #1 of 2 (Calcium score 3.0 mm, 3 slices)</h2>")
                .contains("The upload holds 2 series");

        Response seven = CtPage.upload(series("2"), all, List.of());
        assertThat(seven.status()).as(seven.body()).isEqualTo(200);
        assertThat(seven.body()).contains("<h2>Uploaded series #2 of 2 (no description, 1 slice)</h2>");
    }

    @Test
    void oneSeriesIsHeadedByItsFileCount(@TempDir Path dir) throws Exception {
        Response one = CtPage.upload(new FormValues(Map.of()), series(dir, "a", 5, "Calcium score 3.0 mm", 3), List.of());
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.body()).contains("<h2>Uploaded series (3 files)</h2>").doesNotContain("The upload holds");
    }

    private static UploadedFile file(String name, byte[] content) {
        return BytesPart.upload(name, content);
    }
}
